// Charts other sites can embed: the embed page in a frame on another origin shows the view's chart with
// its title, status, source and a link back, at the frame's width and in the colours the link asks for,
// passes axe; the explorer itself refuses to be framed; "Embed" gives the iframe code for the view.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { test, appUrl } from './fixtures';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const VIEW = 'v=1&tab=crossings&from=2024-01-01&to=2024-12-31';
/** Another site: a server of its own on this machine (another origin; the browser keeps pages from
 * the internet, and pages a test makes up, from framing local addresses), serving one article page
 * that frames the address in its `src` query parameter at the width in `width`. */
let embedder: Server;
let embedderOrigin = '';

test.beforeAll(async () => {
  embedder = createServer((request, response) => {
    const asked = new URL(request.url ?? '/', 'http://localhost');
    const src = (asked.searchParams.get('src') ?? '').replaceAll('"', '%22');
    const width = Number(asked.searchParams.get('width') ?? '800');
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><title>A news article</title></head><body><main><h1>A news article</h1>
      <iframe id="chart" src="${src}" title="Small-boat crossings chart" width="${width}" height="560" style="border: 0"></iframe></main></body></html>`);
  });
  await new Promise<void>((resolve) => embedder.listen(0, '127.0.0.1', resolve));
  embedderOrigin = `http://127.0.0.1:${(embedder.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => embedder.close(resolve));
});

/** The article page on the other site, framing `src` at `widthPx`. */
async function embedderPage(page: Page, src: string, widthPx: number) {
  await page.goto(`${embedderOrigin}/article?width=${widthPx}&src=${encodeURIComponent(src)}`);
  return page.frameLocator('#chart');
}

const embedUrl = (fragment: string) => `${process.env.BSE_BASE_URL}embed.html#${fragment}`;

for (const widthPx of [320, 800]) {
  test(`in a ${widthPx} px frame on another site the chart shows with its title, status, source and a link back`, async ({ page, edition }) => {
    test.skip(edition !== 'hosted', 'the embed page is part of the published site');
    // What the explorer itself shows for the same view.
    await page.goto(appUrl('hosted', VIEW));
    const panel = page.getByTestId('tab-panel').locator('figure.chart-panel').first();
    const title = (await panel.locator('.chart-panel__title').textContent())!.trim();
    const source = (await panel.getByTestId('chart-source').textContent())!.trim();
    await page.setViewportSize({ width: widthPx + 40, height: 700 });
    const frame = await embedderPage(page, embedUrl(VIEW), widthPx);
    await expect(frame.locator('h1')).toHaveText(title);
    await expect(frame.getByTestId('embed-status')).toHaveText('Provisional');
    await expect(frame.getByTestId('chart-source')).toHaveText(source);
    await expect(frame.locator('[data-testid="chart-svg"] svg')).toBeVisible();
    await expect(frame.getByTestId('embed-full-view')).toHaveAttribute('href', appUrl('hosted', VIEW));
    await expect(frame.getByTestId('embed-full-view')).toHaveAttribute('target', '_blank');
    // Drawn for the frame: nothing wider than it.
    const widest = await frame.locator('body').evaluate((body) => Math.max(...[...body.querySelectorAll('*')].map((element) => element.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(widthPx + 0.5);
    // And no taller: the link back is inside the frame's 560 px, the chart scaled to the height left.
    const linkBottom = await frame.getByTestId('embed-full-view').evaluate((link) => link.getBoundingClientRect().bottom);
    expect(linkBottom).toBeLessThanOrEqual(560);
    const chartHeight = await frame.locator('[data-testid="chart-svg"] svg').evaluate((svg) => svg.getBoundingClientRect().height);
    expect(chartHeight).toBeGreaterThan(120);
    await page.screenshot({ path: test.info().outputPath(`embed-${widthPx}.png`) });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('the link decides light or dark, whatever the reader\'s setting', async ({ page, edition }) => {
  test.skip(edition !== 'hosted', 'the embed page is part of the published site');
  await page.emulateMedia({ colorScheme: 'light' });
  const background = (frame: Awaited<ReturnType<typeof embedderPage>>) =>
    frame.locator('body').evaluate((body) => getComputedStyle(body).backgroundColor);
  let frame = await embedderPage(page, embedUrl(`${VIEW}&colours=dark`), 800);
  await expect(frame.locator('h1')).toBeVisible();
  expect(await background(frame)).toBe('rgb(22, 26, 29)');
  await page.emulateMedia({ colorScheme: 'dark' });
  frame = await embedderPage(page, embedUrl(`${VIEW}&colours=light`), 800);
  await expect(frame.locator('h1')).toBeVisible();
  expect(await background(frame)).toBe('rgb(255, 255, 255)');
  frame = await embedderPage(page, embedUrl(VIEW), 800);
  await expect(frame.locator('h1')).toBeVisible();
  expect(await background(frame), 'without colours, the reader\'s setting').toBe('rgb(22, 26, 29)');
});

test('only the embed page may be framed by another site', async ({ page, edition }) => {
  test.skip(edition !== 'hosted', 'framing headers are sent by the host');
  const embed = await page.request.get(embedUrl(VIEW));
  expect(embed.headers()['content-security-policy']).toBe('frame-ancestors *');
  const explorer = await page.request.get(appUrl('hosted'));
  expect(explorer.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
  expect(explorer.headers()['x-frame-options']).toBe('DENY');
  const frame = await embedderPage(page, appUrl('hosted', VIEW), 800);
  await page.waitForTimeout(1_500);
  await expect(frame.getByTestId('dataset-title')).toHaveCount(0);
});

test('"Embed" gives the iframe code for the view as it is, ready to copy', async ({ openApp, page, edition, context }) => {
  await openApp(VIEW);
  const embed = page.getByTestId('tab-panel').getByTestId('embed').first();
  await embed.locator('summary').click();
  if (edition === 'offline') {
    await expect(embed.getByRole('status')).toHaveText(/offline copy has no web address to embed from/);
    return;
  }
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const title = (await page.getByTestId('tab-panel').locator('.chart-panel__title').first().textContent())!.trim();
  const code = await embed.getByTestId('embed-code').inputValue();
  expect(code).toBe(`<iframe src="${embedUrl(VIEW).replaceAll('&', '&amp;')}" title="${title}" width="100%" height="560" style="border: 0;" loading="lazy"></iframe>`);
  await embed.getByTestId('copy-embed-code').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
});

test('on a phone the chart offers no Embed (code is pasted on a computer)', async ({ openApp, page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openApp(VIEW);
  await expect(page.getByTestId('tab-panel').getByTestId('embed').first()).toBeHidden();
});
