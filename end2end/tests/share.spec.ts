// "Share" where the browser has a share sheet (phones): the view's title, its sentence cited and its web
// address, never a path on the reader's disk; the link copied where the sheet refuses, nothing where the
// person closes it; and "Copy link to this view" where there is no share sheet.
import { expect, type Page } from '@playwright/test';
import { test, appUrl } from './fixtures';

type Shared = { title: string; text: string; url: string };

/** Gives the page a share sheet that records what it was handed and answers as told (`ok`, or the
 * name of the error it fails with). */
async function fakeShareSheet(page: Page, answer: 'ok' | 'AbortError' | 'NotAllowedError') {
  await page.addInitScript((answer) => {
    const shared: Shared[] = [];
    (window as unknown as { bseShared: Shared[] }).bseShared = shared;
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data: Shared) => {
        shared.push({ title: data.title, text: data.text, url: data.url });
        if (answer !== 'ok') throw new DOMException('closed or refused', answer);
      },
    });
  }, answer);
}

const sharedSoFar = (page: Page) => page.evaluate(() => (window as unknown as { bseShared: Shared[] }).bseShared);

test('with a share sheet, "Share link to this view" hands it the view\'s title, its sentence cited and its address', async ({ openApp, page, edition }) => {
  test.skip(edition !== 'hosted', 'the offline copy built without the site\'s address has no link to share (next test)');
  await fakeShareSheet(page, 'ok');
  await page.setViewportSize({ width: 360, height: 800 });
  await openApp('v=1&tab=crossings&from=2024-01-01&to=2024-12-31');
  const button = page.getByTestId('copy-link');
  await expect(button).toHaveText('Share link to this view');
  await button.click();
  await expect(page.locator('.share-bar [role="status"]').first()).toHaveText('Shared.');
  const [shared] = await sharedSoFar(page);
  expect(shared.title).toBe(await page.title());
  expect(shared.url).toBe(page.url());
  expect(shared.url).toBe(appUrl('hosted', 'v=1&tab=crossings&from=2024-01-01&to=2024-12-31'));
  // The view's own sentence (the chart's summary under these dates), cited to the explorer.
  const summary = (await page.getByTestId('chart-summary').textContent())!.trim();
  expect(shared.text.startsWith(summary.slice(0, 40))).toBe(true);
  expect(shared.text).toMatch(/ Source: Border Security Briefing Explorer, data as at \d{1,2} \w+ \d{4}, crossings to \d{1,2} \w+ \d{4}\.$/);
});

test('an offline copy with no web address never shares a path on the disk', async ({ openApp, page, edition }) => {
  test.skip(edition !== 'offline', 'the site has a web address of its own');
  await fakeShareSheet(page, 'ok');
  await openApp('v=1&tab=briefing');
  await page.getByTestId('copy-link').click();
  await expect(page.locator('.share-bar [role="status"]').first()).toContainText('has no link to share');
  expect(await sharedSoFar(page)).toEqual([]);
});

test('where the share sheet refuses, the link is copied instead; where it is closed, nothing is said', async ({ openApp, page, edition, context }) => {
  test.skip(edition !== 'hosted', 'the offline copy has no link to share');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await fakeShareSheet(page, 'NotAllowedError');
  await openApp('v=1&tab=funding');
  await page.getByTestId('copy-link').click();
  const status = page.locator('.share-bar [role="status"]').first();
  await expect(status).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  await page.evaluate(() => navigator.clipboard.writeText('untouched'));
  await fakeShareSheet(page, 'AbortError');
  await page.reload();
  await expect(page.getByTestId('copy-link')).toHaveText('Share link to this view');
  await page.getByTestId('copy-link').click();
  await expect.poll(async () => (await sharedSoFar(page)).length).toBe(1);
  await expect(status).toHaveText('');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('untouched');
});

test('without a share sheet the button copies the link, as it always has', async ({ openApp, page, edition, context }) => {
  test.skip(edition !== 'hosted', 'the offline copy has no link to share');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp('v=1&tab=announcements');
  expect(await page.evaluate(() => 'share' in navigator)).toBe(false);
  await expect(page.getByTestId('copy-link')).toHaveText('Copy link to this view');
  await page.getByTestId('copy-link').click();
  await expect(page.locator('.share-bar [role="status"]').first()).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});
