// Tasks done by typing, as people do them: keys one at a time with a pause, in a browser started in a
// language (dd/mm/yyyy or mm/dd/yyyy date boxes). Each `tasks-<language>.spec.ts` runs them in both
// editions. Expected figures are summed from the bundled dataset, never typed in.
import type { Page } from '@playwright/test';
import { test, expect, appUrl } from './fixtures';
import type { BrowserLanguage } from '../chromium';
import { dayMonthYear, people, thousands } from './dataset-sums';

/** The pause between keys, as a person types. */
const KEY_DELAY_MS = 60;

/** The keys that type `isoDay` (YYYY-MM-DD) into a date box of a browser in `language`. */
export function dateKeys(language: BrowserLanguage, isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return language === 'en-GB' ? `${day}${month}${year}` : `${month}${day}${year}`;
}

/** Presses Tab, as a person does, until `testId` has focus: Chromium's date box takes a Tab of its own
 * after its last field before focus leaves it. */
async function tabTo(page: Page, testId: string) {
  for (let presses = 0; presses < 4; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return;
  }
  throw new Error(`Tab never reached ${testId}`);
}

/** Every fragment the page goes through from now on, and how long its history list is. */
async function watchAddress(page: Page): Promise<() => Promise<{ fragments: string[]; historyLength: number }>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { bseSeen: string[] }).bseSeen = seen;
    window.addEventListener('hashchange', () => seen.push(location.hash));
  });
  return () => page.evaluate(() => ({
    fragments: (window as unknown as { bseSeen: string[] }).bseSeen,
    historyLength: history.length,
  }));
}

export function typedTasks(language: BrowserLanguage) {
  test.describe(`typed in an ${language} browser`, () => {
    test('a bare date box takes its fields in this language\'s order', async ({ openApp, page }) => {
      await openApp();
      await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<input type="date" id="bare-date">'));
      await page.locator('#bare-date').pressSequentially(dateKeys(language, '2025-02-01'), { delay: KEY_DELAY_MS });
      await expect(page.locator('#bare-date')).toHaveValue('2025-02-01');
    });

    test('a date range typed key by key is applied once per date, and Back undoes one date', async ({ openApp, page }) => {
      await openApp('v=1&tab=crossings');
      const historyBefore = await page.evaluate(() => history.length);
      const seen = await watchAddress(page);
      const from = page.getByTestId('filter-from');
      await from.pressSequentially(dateKeys(language, '2025-03-05'), { delay: KEY_DELAY_MS });
      // While the box has focus the app never rewrites it.
      await expect(from).toBeFocused();
      await expect(from).toHaveValue('2025-03-05');
      await tabTo(page, 'filter-to');
      const to = page.getByTestId('filter-to');
      await to.pressSequentially(dateKeys(language, '2025-06-30'), { delay: KEY_DELAY_MS });
      await tabTo(page, 'filter-search');
      await expect(page.getByTestId('filter-summary')).toHaveText('Showing 5 March 2025 to 30 June 2025.');
      expect(page.url()).toContain('from=2025-03-05');
      expect(page.url()).toContain('to=2025-06-30');
      await expect(from).toHaveValue('2025-03-05');
      await expect(to).toHaveValue('2025-06-30');
      const { fragments, historyLength } = await seen();
      // No year typed half-way (0002, 0020, 0202) ever reached the address.
      expect(fragments.filter((fragment) => /(from|to)=0/.test(fragment))).toEqual([]);
      expect(historyLength - historyBefore, 'one history entry per typed date').toBe(2);
      await page.goBack();
      await expect(to).toHaveValue('');
      await expect(from).toHaveValue('2025-03-05');
      await page.goBack();
      await expect(from).toHaveValue('');
    });

    test('a month read with the arrow keys after typing the dates', async ({ openApp, page }) => {
      await openApp('v=1&tab=crossings&period=month');
      await page.getByTestId('filter-from').pressSequentially(dateKeys(language, '2024-07-05'), { delay: KEY_DELAY_MS });
      await tabTo(page, 'filter-to');
      await page.getByTestId('filter-to').pressSequentially(dateKeys(language, '2025-07-04'), { delay: KEY_DELAY_MS });
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('filter-summary')).toHaveText('Showing 5 July 2024 to 4 July 2025.');
      await page.getByTestId('chart-frame').focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('chart-readout')).toContainText(
        `August 2024: ${thousands(people('2024-08-01', '2024-08-31'))} people`);
    });

    test('a date left half-typed says what is missing and changes nothing', async ({ openApp, page }) => {
      await openApp('v=1&tab=crossings&from=2024-01-01');
      const from = page.getByTestId('filter-from');
      // Day, month and three digits of the year: the browser reads the year as 0202.
      await from.pressSequentially(dateKeys(language, '2025-01-01').slice(0, 7), { delay: KEY_DELAY_MS });
      await tabTo(page, 'filter-to');
      await expect(page.getByTestId('filter-from-error')).toBeVisible();
      await expect(page.getByTestId('filter-from-error')).toContainText('four digits');
      await expect(from).toHaveAttribute('aria-invalid', 'true');
      expect(page.url()).toContain('from=2024-01-01');
      await expect(page.getByTestId('filter-summary')).toContainText('1 January 2024');
    });

    test('a date before the data says so and is kept as typed', async ({ openApp, page }) => {
      await openApp('v=1&tab=crossings');
      await page.getByTestId('filter-from').pressSequentially(dateKeys(language, '2015-06-01'), { delay: KEY_DELAY_MS });
      await tabTo(page, 'filter-to');
      const firstDay = dayMonthYear(Date.parse('2018-01-01T00:00:00Z'));
      await expect(page.getByTestId('filter-from-note')).toHaveText(`No crossings data before ${firstDay}.`);
      await expect(page.getByTestId('filter-from')).toHaveValue('2015-06-01');
      expect(page.url()).toContain('from=2015-06-01');
    });

    test('a search typed key by key is one history entry, and its copied link opens the same results fresh', async ({ openApp, page, context, edition }) => {
      await openApp('v=1&tab=announcements');
      const historyBefore = await page.evaluate(() => history.length);
      const search = page.getByTestId('filter-search');
      await search.pressSequentially('small boats', { delay: KEY_DELAY_MS });
      await expect(search).toHaveValue('small boats');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('announcement-count')).toContainText('match');
      const count = await page.getByTestId('announcement-count').textContent();
      expect(page.url()).toContain('q=small');
      expect(await page.evaluate(() => history.length) - historyBefore).toBe(1);
      // "Copy link to this view", and the link opened fresh. An offline copy built without the site's
      // address (as the test builds are) has no link to give, says so and copies no path on the disk;
      // there the view's settings are read from the address the page is on.
      if (edition === 'hosted') await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByTestId('copy-link').click();
      await expect(page.locator('.share-bar [role="status"]').first()).toHaveText(
        edition === 'hosted' ? 'Copied.' : /^This offline copy was made without the site's web address, so it has no link to share/);
      const link = edition === 'hosted' ? await page.evaluate(() => navigator.clipboard.readText()) : page.url();
      expect(link).toContain('q=small');
      const fragment = new URL(link).hash.slice(1);
      const fresh = await context.newPage();
      await fresh.goto(appUrl(edition, fragment));
      await expect(fresh.getByTestId('filter-search')).toHaveValue('small boats');
      await expect(fresh.getByTestId('announcement-count')).toHaveText(count ?? '');
      await fresh.close();
    });
  });
}
