// The hosted site keeps working offline after the first visit, and a new release takes over cleanly.
import { test, expect } from './fixtures';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/** Serves a copy of the built site from a folder the test can change, as a new deployment would. */
async function serveCopyOfSite(): Promise<{ root: string; url: string; server: Server }> {
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
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
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

test('a new release takes over without mixing old and new files', async ({ page, edition }) => {
  test.skip(edition !== 'hosted', 'the offline edition needs no service worker');
  const site = await serveCopyOfSite();
  try {
    await page.goto(site.url);
    await expect(page.getByTestId('dataset-title')).toBeVisible();
    await waitForControl(page);
    const oldTitle = await page.getByTestId('dataset-title').textContent();
    // Deploy: new data and a new worker version, as `cargo xtask dist` would write them.
    const datasetPath = join(site.root, 'data', 'dataset.json');
    const dataset = JSON.parse(readFileSync(datasetPath, 'utf8'));
    dataset.title = 'Release two of the briefing data';
    writeFileSync(datasetPath, JSON.stringify(dataset));
    const workerPath = join(site.root, 'sw.js');
    writeFileSync(workerPath, readFileSync(workerPath, 'utf8').replace(/const VERSION = "[0-9a-f]+"/, 'const VERSION = "release-two"'));
    // The old release is still served from its cache until the new worker takes over; then the page reloads once.
    await page.reload();
    await expect(page.getByTestId('dataset-title')).toHaveText('Release two of the briefing data', { timeout: 20_000 });
    const caches = await page.evaluate(() => caches.keys());
    expect(caches).toEqual(['bse-release-two']);
    expect(oldTitle).not.toBe('Release two of the briefing data');
  } finally {
    site.server.close();
    rmSync(site.root, { recursive: true, force: true });
  }
});
