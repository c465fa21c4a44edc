// The views other than the Briefing, the embed page, a chart's downloads and a person's own data (opening
// a file, the data pack) come from parts of the wasm fetched the first time each is asked for: not
// before, and once; a part that cannot be fetched says so, keeps the data shown, and comes on the next
// try. The offline file carries its parts (load.spec.ts counts its requests: none).
import type { Page } from '@playwright/test';
import { test, expect, appUrl } from './fixtures';
import { cutOff } from './reader-offline';
import { clickBelowTheFold } from './below-the-fold';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PART_PATH = /\/part-[0-9a-f]{16}\.wasm$/;

test('a view\'s part is fetched the first time the view is opened, and once', async ({ openApp, edition, page }) => {
  test.skip(edition !== 'hosted', 'the offline file carries its parts');
  const fetched: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (PART_PATH.test(path)) fetched.push(path);
  });
  await openApp();
  await expect(page.getByTestId('tab-briefing')).toHaveAttribute('aria-selected', 'true');
  // The Briefing is in the first module; give the page time to settle, then nothing of the others has come.
  await page.waitForTimeout(1_000);
  expect(fetched).toEqual([]);
  await page.getByTestId('tab-funding').click();
  await expect(page.getByTestId('funding-bsc-total')).toBeVisible();
  const forFunding = fetched.length;
  expect(forFunding).toBeGreaterThan(0);
  await page.getByTestId('tab-briefing').click();
  await page.getByTestId('tab-funding').click();
  await expect(page.getByTestId('funding-bsc-total')).toBeVisible();
  expect(fetched.length, 'a part already here is not fetched again').toBe(forFunding);
  await page.getByTestId('tab-sources').click();
  await expect(page.getByTestId('dataset-fingerprint')).toBeVisible();
  expect(fetched.length).toBeGreaterThan(forFunding);
});

test('a link to a view preloads its parts with the first module, and each is fetched once and used', async ({ openApp, edition, page }) => {
  test.skip(edition !== 'hosted', 'the offline file carries its parts');
  const fetched: string[] = [];
  const unusedPreloads: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (PART_PATH.test(path)) fetched.push(path);
  });
  page.on('console', (message) => {
    if (message.text().includes('preloaded using link preload but not used')) unusedPreloads.push(message.text());
  });
  await openApp('v=1&tab=crossings');
  await expect(page.getByTestId('tab-panel').locator('figure.chart-panel').first()).toBeVisible();
  const preloaded = await page.locator('link[rel=preload][href*="part-"]').evaluateAll(
    (links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname),
  );
  expect(preloaded.length).toBeGreaterThan(0);
  expect([...new Set(fetched)].sort()).toEqual([...preloaded].sort());
  expect(fetched.length, 'each part once: the view\'s fetch takes the preloaded response').toBe(preloaded.length);
  // Chromium says so when a preloaded response goes unused for a few seconds.
  await page.waitForTimeout(3_500);
  expect(unusedPreloads).toEqual([]);
});

test('a link whose tab is no view, even a name every object has, still starts the app, says so, and preloads nothing', async ({ openApp, page, consoleErrors }) => {
  for (const tab of ['__proto__', 'toString', 'constructor']) {
    // A fresh load each time (a new fragment alone would not run the loader again).
    await page.goto('about:blank');
    await openApp(`v=1&tab=${tab}`);
    await expect(page.getByTestId('tab-briefing')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('link-notice')).toBeVisible();
    expect(await page.locator('link[rel=preload][href*="part-"]').count()).toBe(0);
  }
  expect(consoleErrors).toEqual([]);
});

test('a link to a view draws it from its part', async ({ openApp, page }) => {
  await openApp('v=1&tab=announcements');
  await expect(page.getByTestId('announcement-count')).toBeVisible();
  await expect(page.getByTestId('view-loading')).toHaveCount(0);
});

test.describe('a part that cannot be fetched', () => {
  // No service worker, which would answer from its cache: the connection is what fails here.
  test.use({ serviceWorkers: 'block' });

  test('says so in plain words, keeps the data shown, and comes on "Try again"', async ({ edition, page }) => {
    test.skip(edition !== 'hosted', 'the offline file carries its parts and never fetches them');
    const parts = await cutOff(page, PART_PATH);
    await page.goto(appUrl(edition, ''));
    await expect(page.getByTestId('dataset-title')).toBeVisible();
    await page.getByTestId('tab-crossings').click();
    const failed = page.getByTestId('view-failed');
    await expect(failed).toHaveRole('alert');
    await expect(failed).toContainText('Crossings could not be loaded');
    await expect(failed).toContainText('Check the connection, then try again');
    expect(parts.refused()).toBeGreaterThan(0);
    // The rest of the explorer works: the Briefing is still there.
    await page.getByTestId('tab-briefing').click();
    await expect(page.getByTestId('dataset-title')).toBeVisible();
    await page.getByTestId('tab-crossings').click();
    await expect(page.getByTestId('view-failed')).toBeVisible();
    // Back online, "Try again" brings the view: the failure was not kept.
    parts.reconnect();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('tab-panel').locator('figure.chart-panel').first()).toBeVisible();
    await expect(page.getByTestId('view-failed')).toHaveCount(0);
  });
});

/** The parts the embed page preloads, as its loader lists them; its own part comes first. */
async function embedPageParts(baseUrl: string): Promise<string[]> {
  const html = await (await fetch(`${baseUrl}embed.html`)).text();
  const listed = html.match(/for \(const part of (\["part-[0-9a-f]{16}\.wasm"(?:,"part-[0-9a-f]{16}\.wasm")*\])\)/);
  expect(listed, 'the embed page preloads its parts').not.toBeNull();
  return JSON.parse(listed![1]);
}

test('the embed page\'s code is a part of its own: the embed page preloads it and uses it, and the explorer never fetches it', async ({ openApp, edition, page }) => {
  test.skip(edition !== 'hosted', 'the embed page is part of the published site');
  const baseUrl = process.env.BSE_BASE_URL!;
  const embedParts = await embedPageParts(baseUrl);
  const fetched = recordPartsFetched(page);
  const unusedPreloads: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('preloaded using link preload but not used')) unusedPreloads.push(message.text());
  });
  await page.goto(`${baseUrl}embed.html#v=1&tab=funding`);
  await expect(page.getByTestId('embedded-chart')).toBeVisible();
  expect([...fetched].sort()).toEqual([...embedParts].sort());
  await page.waitForTimeout(3_500);
  expect(unusedPreloads).toEqual([]);
  // The explorer, every view opened: the embed page's own part is never fetched.
  fetched.length = 0;
  await page.goto('about:blank');
  await openApp();
  for (const tab of ['crossings', 'funding', 'announcements', 'sources', 'briefing']) {
    await page.getByTestId(`tab-${tab}`).click();
    await expect(page.getByTestId('view-loading')).toHaveCount(0);
    await expect(page.getByTestId('view-failed')).toHaveCount(0);
  }
  expect(fetched.length).toBeGreaterThan(0);
  expect(fetched).not.toContain(embedParts[0]);
});

test('an embed page whose part cannot be fetched says so and comes on "Try again"', async ({ edition, page }) => {
  test.skip(edition !== 'hosted', 'the embed page is part of the published site');
  const parts = await cutOff(page, PART_PATH);
  await page.goto(`${process.env.BSE_BASE_URL}embed.html#v=1&tab=crossings`);
  const failed = page.getByTestId('view-failed');
  await expect(failed).toHaveRole('alert');
  await expect(failed).toContainText('The chart could not be loaded');
  parts.reconnect();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('[data-testid="chart-svg"] svg')).toBeVisible();
  await expect(failed).toHaveCount(0);
});

/** The parts a split-off piece needs (`chart_exports` for `bse_chart_exports`), its own part first,
 * read from the parts' loader the hosted page preloads. */
async function partsOfSplit(page: Page, splitName: string): Promise<string[]> {
  const loaderHref = await page.locator('link[rel=modulepreload][href*="parts-"]').getAttribute('href');
  expect(loaderHref, 'the page preloads the parts\' loader').not.toBeNull();
  const loader = await (await fetch(new URL(loaderHref!, page.url()).href)).text();
  const fileOf = new Map<string, string>();
  const depsOf = new Map<string, string[]>();
  for (const block of loader.split(/\n(?=(?:export )?const __)/)) {
    const name = block.match(/^(?:export )?const (__[A-Za-z0-9_]+)/)?.[1];
    const file = block.match(/fetch\(new URL\("\.\/(part-[0-9a-f]{16}\.wasm)"/)?.[1];
    const deps = block.match(/\}, \[([^\]]*)\]\)/)?.[1];
    if (name && file) fileOf.set(name, file);
    if (name && deps !== undefined) depsOf.set(name, deps.split(',').map((dep) => dep.trim()).filter(Boolean));
  }
  const own = `__wasm_split_load_bse_${splitName}`;
  expect(fileOf.has(own), `the parts' loader loads ${own}`).toBe(true);
  return [own, ...(depsOf.get(own) ?? [])].map((name) => fileOf.get(name)!);
}

/** The file names of the parts the page fetches from now on, in order. */
function recordPartsFetched(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (PART_PATH.test(path)) fetched.push(path.slice(path.lastIndexOf('/') + 1));
  });
  return fetched;
}

/** Opens the explorer on the Briefing, lets it settle, and checks that `splitName`'s own part has not
 * come (`fetched` records what has); returns that part's file name. */
async function ownPartNotFetchedOnArrival(openApp: (fragment?: string) => Promise<Page>, page: Page, fetched: string[], splitName: string): Promise<string> {
  await openApp();
  await expect(page.getByTestId('tab-briefing')).toHaveAttribute('aria-selected', 'true');
  const [ownPart] = await partsOfSplit(page, splitName);
  await page.waitForTimeout(1_000);
  expect(fetched).not.toContain(ownPart);
  return ownPart;
}

test('a chart\'s downloads and Copy image come from a part fetched when a person first reaches for the tools', async ({ openApp, edition, page }) => {
  test.skip(edition !== 'hosted', 'the offline file carries its parts');
  const fetched = recordPartsFetched(page);
  const exportsPart = await ownPartNotFetchedOnArrival(openApp, page, fetched, 'chart_exports');
  // Pointing at the tools fetches it, once; the download then works.
  const tools = page.getByTestId('tab-panel').locator('.chart-panel__tools').first();
  await tools.getByTestId('download-png').hover();
  await expect.poll(() => fetched.filter((part) => part === exportsPart).length).toBe(1);
  const download = page.waitForEvent('download');
  await tools.getByTestId('download-png').click();
  expect((await download).suggestedFilename()).toMatch(/\.png$/);
  await expect(tools.getByTestId('download-status')).toHaveText(/^Downloading .+\.png$/);
  expect(fetched.filter((part) => part === exportsPart).length).toBe(1);
});

test.describe('a chart\'s tools whose part cannot be fetched', () => {
  test.use({ serviceWorkers: 'block' });

  test('say so, and work once it comes', async ({ openApp, edition, page }) => {
    test.skip(edition !== 'hosted', 'the offline file carries its parts and never fetches them');
    const parts = await cutOff(page, PART_PATH);
    await openApp('v=1&tab=briefing');
    const tools = page.getByTestId('tab-panel').locator('.chart-panel__tools').first();
    await tools.getByTestId('download-csv').click();
    await expect(tools.getByTestId('download-status')).toHaveText('The download failed: this part of the explorer did not arrive; check the connection, then try again');
    await tools.getByTestId('copy-image').click();
    await expect(tools.getByTestId('copy-image-status')).toHaveText('Not copied: this part of the explorer did not arrive; check the connection, then try again.');
    parts.reconnect();
    const download = page.waitForEvent('download');
    await tools.getByTestId('download-csv').click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    await expect(tools.getByTestId('download-status')).toHaveText(/^Downloading .+\.csv$/);
  });
});

/** The bundled dataset with another title, written where the test keeps its files. */
function ownFile(name: string): string {
  const dataset = JSON.parse(readFileSync(join(__dirname, '..', '..', 'public', 'data', 'dataset.json'), 'utf8'));
  dataset.title = 'A person\'s own copy';
  const path = test.info().outputPath(name);
  writeFileSync(path, JSON.stringify(dataset));
  return path;
}

test('opening a file and the data pack come from a part fetched the first time either is asked for, once', async ({ openApp, edition, page }) => {
  test.skip(edition !== 'hosted', 'the offline file carries its parts');
  const fetched = recordPartsFetched(page);
  const yourDataPart = await ownPartNotFetchedOnArrival(openApp, page, fetched, 'your_data');
  await page.getByTestId('open-dataset').setInputFiles(ownFile('own.json'));
  await expect(page.getByTestId('opened-dataset')).toContainText('A person\'s own copy');
  await expect(page.getByTestId('dataset-title')).toHaveText('A person\'s own copy');
  await expect(page.getByTestId('what-changed')).toBeVisible();
  const download = page.waitForEvent('download');
  await clickBelowTheFold(page.getByTestId('download-data-pack'));
  expect((await download).suggestedFilename()).toMatch(/\.zip$/);
  expect(fetched.filter((part) => part === yourDataPart)).toEqual([yourDataPart]);
});

test.describe('opening a file whose part cannot be fetched', () => {
  test.use({ serviceWorkers: 'block' });

  test('says so as the file\'s problem, keeps the data shown, and opens the file once the part comes', async ({ openApp, edition, page }) => {
    test.skip(edition !== 'hosted', 'the offline file carries its parts and never fetches them');
    const parts = await cutOff(page, PART_PATH);
    await openApp();
    const titleBefore = await page.getByTestId('dataset-title').textContent();
    await page.getByTestId('open-dataset').setInputFiles(ownFile('own.json'));
    const error = page.getByTestId('open-error');
    await expect(error).toContainText('own.json could not be opened: this part of the explorer did not arrive; check the connection, then try again. The data shown below has not changed.');
    await expect(page.getByTestId('read-progress')).toHaveCount(0);
    await expect(page.getByTestId('dataset-title')).toHaveText(titleBefore!);
    await clickBelowTheFold(page.getByTestId('download-data-pack'));
    await expect(page.getByTestId('data-pack-status')).toHaveText('The download failed: this part of the explorer did not arrive; check the connection, then try again');
    parts.reconnect();
    await page.getByTestId('open-dataset').setInputFiles(ownFile('own-again.json'));
    await expect(page.getByTestId('dataset-title')).toHaveText('A person\'s own copy');
    await expect(error).toHaveCount(0);
  });
});
