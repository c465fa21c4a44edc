// The app loads in both editions, shows the dataset's title and date, and logs no console errors.
import { test, expect, appUrl } from './fixtures';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cutOffTheReader } from './reader-offline';

const dataset = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'public', 'data', 'dataset.json'), 'utf8'),
);

test('shows the dataset title and as-of date without console errors', async ({ openApp, consoleErrors }) => {
  const page = await openApp();
  await expect(page.getByTestId('dataset-title')).toHaveText(dataset.title);
  await expect(page.getByTestId('dataset-as-of')).toHaveAttribute('datetime', dataset.as_of);
  await expect(page).toHaveTitle(/Border Security Briefing Explorer/);
  expect(consoleErrors).toEqual([]);
});

test('the offline edition carries its own dataset and makes no request', async ({ openApp, edition, page }) => {
  test.skip(edition !== 'offline', 'offline edition only');
  await openApp();
  // The dataset file travels inside it compressed (gzip, in base64), byte for byte, for the data pack.
  const inlineText = await page.evaluate(async () => {
    const base64 = document.getElementById('bse-dataset')?.textContent ?? '';
    const compressed = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const stream = new Blob([compressed]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).text();
  });
  expect(inlineText).toBe(readFileSync(join(__dirname, '..', '..', 'public', 'data', 'dataset.json'), 'utf8'));
  // The request count is asserted to be zero by the offlineRequests fixture when the test ends.
});

test('the hosted site starts from its dataset as checked at build time, relative to the page, without the reader', async ({ openApp, edition, page }) => {
  test.skip(edition !== 'hosted', 'hosted site only');
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const checkedResponse = page.waitForResponse((response) => /\/data\/checked-[0-9a-f]{16}\.bin$/.test(response.url()));
  await openApp();
  const response = await checkedResponse;
  expect(response.status()).toBe(200);
  expect(new URL(response.url()).pathname.startsWith(new URL('data/', process.env.BSE_BASE_URL).pathname)).toBe(true);
  await expect(page.getByTestId('dataset-title')).toHaveText(dataset.title);
  // Neither the dataset file nor the reader is needed to start: the reader comes when a file is opened.
  expect(requested.filter((path) => path.endsWith('/data/dataset.json') || /reader-[0-9a-f]{16}\.wasm$/.test(path))).toEqual([]);
});

test('the offline file served from a web server works without a service worker and logs no error', async ({ edition, page, consoleErrors }) => {
  test.skip(edition !== 'hosted', 'served over HTTP, as an intranet or the site\'s download link serves it');
  await page.goto(new URL('briefing-explorer.html', process.env.BSE_BASE_URL).href);
  await expect(page.getByTestId('dataset-title')).toHaveText(dataset.title);
  // The service worker is registered a task after the data are shown; give it time to try.
  await page.waitForTimeout(1_000);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  expect(consoleErrors).toEqual([]);
});

test('the page as served shows the title at once, and the app takes its place', async ({ openApp, edition, page }) => {
  // Before any script runs, the page already carries the header, the title, the as-of line and the
  // briefing (see prerender.spec.ts).
  const servedHtml = edition === 'hosted'
    ? await (await page.request.get(process.env.BSE_BASE_URL!)).text()
    : readFileSync(process.env.BSE_OFFLINE_FILE!, 'utf8');
  expect(servedHtml).toContain(`<h1 data-pre="dataset-title">${dataset.title}</h1>`);
  expect(servedHtml).toContain('data-pre="briefing-summary"');
  // Its styles are in the page, so the first paint waits for no other download.
  expect(servedHtml).toContain('<style>');
  expect(servedHtml).not.toMatch(/rel="?stylesheet/);
  // Once the app is in, the static copy is gone: one header, one title, one main landmark.
  await openApp();
  await expect(page.locator('#bse-shell')).toHaveCount(0);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('header')).toHaveCount(1);
  await expect(page.locator('main')).toHaveCount(1);
  await expect(page.getByTestId('open-dataset')).toBeVisible();
});

test('a page whose app cannot start says so after a while, rather than loading for ever', async ({ edition, page }) => {
  // A browser without WebAssembly: the static title shows, and 10 s later a plain explanation.
  await page.addInitScript(() => {
    delete (window as { WebAssembly?: unknown }).WebAssembly;
  });
  await page.goto(appUrl(edition));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.title);
  const stillNotStarted = page.getByText('The explorer has still not started');
  await expect(stillNotStarted).toBeHidden();
  await expect(stillNotStarted).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('dataset-title')).toHaveCount(0);
});

test.describe('a failed download', () => {
  // Once the page is up it registers the offline copy's service worker, which then claims the page and
  // downloads every file: the retry here is about the page's own request, so that worker is kept out.
  test.use({ serviceWorkers: 'block' });

  test('when the data cannot be fetched, the page says so in plain words and "Try again" loads it', async ({ edition, page }) => {
    test.skip(edition !== 'hosted', 'the offline file carries its data and never fetches it');
    let failuresLeft = 1;
    await page.route('**/data/checked-*.bin', async (route) => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        await route.abort('internetdisconnected');
      } else {
        await route.continue();
      }
    });
    await page.goto(appUrl(edition, 'v=1&tab=funding'));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The figures could not be downloaded from this site');
    await expect(alert).toContainText('the connection failed or was interrupted');
    await expect(alert).not.toContainText('TypeError');
    await page.getByTestId('retry-load').click();
    await expect(page.getByTestId('dataset-title')).toHaveText(dataset.title);
    await expect(page.getByTestId('funding-bsc-total')).toBeVisible();
    await expect(page.getByTestId('retry-load')).toHaveCount(0);
  });

  test('when the data reader cannot be fetched, opening a file says so in plain words and the data shown stay', async ({ edition, page }) => {
    test.skip(edition !== 'hosted', 'the offline file carries its data reader and never fetches it');
    const reader = await cutOffTheReader(page);
    await page.goto(appUrl(edition, 'v=1&tab=sources'));
    await expect(page.getByTestId('dataset-title')).toHaveText(dataset.title);
    const own = { ...dataset, title: 'Opened once the reader came' };
    const path = test.info().outputPath('own.json');
    writeFileSync(path, JSON.stringify(own));
    await page.getByTestId('open-dataset').setInputFiles(path);
    const error = page.getByTestId('open-error');
    await expect(error).toContainText("own.json could not be checked: the explorer's data reader could not be downloaded from this site");
    await expect(error).toContainText('the connection failed or was interrupted');
    await expect(error).not.toContainText('TypeError');
    await expect(page.getByTestId('dataset-title')).toHaveText(dataset.title);
    expect(reader.refused()).toBeGreaterThan(0);
    // Back online, the same file opens: the failed download was not kept.
    reader.reconnect();
    await page.getByTestId('open-dataset').setInputFiles(path);
    await expect(page.getByTestId('dataset-title')).toHaveText('Opened once the reader came');
    await expect(page.getByTestId('opened-dataset')).toHaveAttribute('data-checked-in', 'worker');
  });
});
