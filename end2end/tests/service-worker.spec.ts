// The hosted site keeps working offline after the first visit; a new release reaches a returning visitor
// even when the host lets browsers cache files for ten minutes, and is offered, never forced: a page with
// a file the person opened keeps it.
import { test, expect } from './fixtures';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/** Serves a copy of the built site from a folder the test can change, as a new deployment would, with
 * the Cache-Control a host sends (GitHub Pages: `max-age=600`). */
async function serveCopyOfSite(cacheControl = 'no-cache'): Promise<{ root: string; url: string; server: Server }> {
  const offlineFile = process.env.BSE_OFFLINE_FILE!;
  const dist = join(offlineFile, '..');
  const root = mkdtempSync(join(tmpdir(), 'bse-site-'));
  cpSync(dist, root, { recursive: true });
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url!, 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(root)) { response.writeHead(404).end(); return; }
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': cacheControl });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { root, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

async function waitForControl(page: import('@playwright/test').Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('after one visit the site works with the network off', async ({ page, edition, context }) => {
  test.skip(edition !== 'hosted', 'the offline edition needs no service worker');
  const site = await serveCopyOfSite();
  try {
    await page.goto(site.url + '#v=1&tab=crossings');
    await expect(page.getByTestId('dataset-title')).toBeVisible();
    await waitForControl(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('dataset-title')).toBeVisible();
    await expect(page.getByTestId('chart-summary')).toContainText('The highest whole month was August 2022');
    await page.getByTestId('tab-sources').click();
    await expect(page.getByTestId('dataset-fingerprint')).toHaveText(/^[0-9a-f]{64}$/);
  } finally {
    await context.setOffline(false);
    site.server.close();
    rmSync(site.root, { recursive: true, force: true });
  }
});

/** Deploys a second release into the served copy: new data and a new worker version, as
 * `cargo xtask dist` would write them. */
function deployReleaseTwo(root: string) {
  const datasetPath = join(root, 'data', 'dataset.json');
  const dataset = JSON.parse(readFileSync(datasetPath, 'utf8'));
  const releaseTwoTitle = 'Release two of the briefing data';
  // The page starts from the dataset as checked at build time (postcard: each text is its length as a
  // varint, then its bytes), so release two's title goes there too, in place of release one's.
  const checkedName = readdirSync(join(root, 'data')).find((name) => /^checked-[0-9a-f]{16}\.bin$/.test(name));
  expect(checkedName, 'the build wrote the checked dataset').toBeTruthy();
  const checkedPath = join(root, 'data', checkedName!);
  const checked = readFileSync(checkedPath);
  const encoded = (text: string) => {
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.length, 'a title short enough for a one-byte length').toBeLessThan(128);
    return Buffer.concat([Buffer.from([bytes.length]), bytes]);
  };
  const oldTitleAt = checked.indexOf(encoded(dataset.title));
  expect(oldTitleAt, 'the checked dataset holds the title').toBeGreaterThanOrEqual(0);
  const oldLength = encoded(dataset.title).length;
  writeFileSync(checkedPath, Buffer.concat([checked.subarray(0, oldTitleAt), encoded(releaseTwoTitle), checked.subarray(oldTitleAt + oldLength)]));
  dataset.title = releaseTwoTitle;
  writeFileSync(datasetPath, JSON.stringify(dataset));
  const workerPath = join(root, 'sw.js');
  writeFileSync(workerPath, readFileSync(workerPath, 'utf8').replace(/const VERSION = "[0-9a-f]+"/, 'const VERSION = "release-two"'));
}

/** Serves a copy of the site with `cacheControl`, opens it until its worker controls the page, runs
 * `use`, and removes the copy whatever happens. */
async function withControlledSite(page: import('@playwright/test').Page, cacheControl: string,
  use: (site: { root: string; url: string }) => Promise<void>) {
  const site = await serveCopyOfSite(cacheControl);
  try {
    await page.goto(site.url);
    await expect(page.getByTestId('dataset-title')).toBeVisible();
    await waitForControl(page);
    await use(site);
  } finally {
    site.server.close();
    rmSync(site.root, { recursive: true, force: true });
  }
}

test('a release served with max-age reaches a returning visitor, offered with its date, never mixed', async ({ page, edition }) => {
  test.skip(edition !== 'hosted', 'the offline edition needs no service worker');
  await withControlledSite(page, 'public, max-age=600', async (site) => {
    const oldTitle = await page.getByTestId('dataset-title').textContent();
    const asOf = JSON.parse(readFileSync(join(site.root, 'data', 'dataset.json'), 'utf8')).as_of as string;
    deployReleaseTwo(site.root);
    // The visitor comes back: the old release is served from its cache while the new worker installs,
    // fetching every file past the browser's cache (which would still give the old data for ten minutes).
    await page.reload();
    const notice = page.getByTestId('new-release');
    await expect(notice).toBeVisible({ timeout: 20_000 });
    const [year, month, day] = asOf.split('-').map(Number);
    const asOfWords = new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    await expect(notice).toContainText(`A newer edition of the explorer is available, with data as at ${asOfWords}.`);
    // Offered, not forced: the page still shows what it showed.
    await expect(page.getByTestId('dataset-title')).toHaveText(oldTitle ?? '');
    await notice.getByTestId('reload-new-release').click();
    await expect(page.getByTestId('dataset-title')).toHaveText('Release two of the briefing data', { timeout: 20_000 });
    const caches = await page.evaluate(() => caches.keys());
    expect(caches).toEqual(['bse-release-two']);
    expect(oldTitle).not.toBe('Release two of the briefing data');
  });
});

test('a file the person opened survives a release taking over the page', async ({ page, edition }) => {
  test.skip(edition !== 'hosted', 'the offline edition needs no service worker');
  await withControlledSite(page, 'public, max-age=600', async (site) => {
    const mine = JSON.parse(readFileSync(join(site.root, 'data', 'dataset.json'), 'utf8'));
    mine.title = 'My own edition of the data';
    const path = test.info().outputPath('my-edition.json');
    writeFileSync(path, JSON.stringify(mine));
    await page.getByTestId('open-dataset').setInputFiles(path);
    await expect(page.getByTestId('dataset-title')).toHaveText('My own edition of the data');
    deployReleaseTwo(site.root);
    // The browser looks for a new worker (as it does on its own from time to time).
    await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration())?.update(); });
    const notice = page.getByTestId('new-release');
    await expect(notice).toBeVisible({ timeout: 20_000 });
    await expect(notice).toContainText('in place of the file you opened');
    await expect(page.getByTestId('dataset-title')).toHaveText('My own edition of the data');
    await expect(page.getByTestId('what-changed')).toBeVisible();
  });
});
