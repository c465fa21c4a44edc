// "Download all the data": one ZIP with every series and record as CSV, the dataset file exactly as
// loaded and a README, from the hosted site and the offline file, for the bundled data and an opened file.
import type { Page } from '@playwright/test';
import { clickBelowTheFold } from './below-the-fold';
import { holdReaderTask } from './reader-held';
import { test, expect, appUrl } from './fixtures';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cutOffTheReader } from './reader-offline';

const bundledBytes = readFileSync(join(__dirname, '..', '..', 'public', 'data', 'dataset.json'));

/** The files of a ZIP whose entries are stored (not compressed): name to bytes. */
function unzipStored(zip: Buffer): Map<string, Buffer> {
  const endIdx = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(endIdx).toBeGreaterThan(0);
  const count = zip.readUInt16LE(endIdx + 10);
  let entryIdx = zip.readUInt32LE(endIdx + 16);
  const files = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    expect(zip.readUInt32LE(entryIdx)).toBe(0x02014b50);
    const method = zip.readUInt16LE(entryIdx + 10);
    const size = zip.readUInt32LE(entryIdx + 20);
    const nameLength = zip.readUInt16LE(entryIdx + 28);
    const extraLength = zip.readUInt16LE(entryIdx + 30);
    const commentLength = zip.readUInt16LE(entryIdx + 32);
    const localIdx = zip.readUInt32LE(entryIdx + 42);
    const name = zip.subarray(entryIdx + 46, entryIdx + 46 + nameLength).toString('utf8');
    expect(method, `${name} is stored`).toBe(0);
    const dataIdx = localIdx + 30 + zip.readUInt16LE(localIdx + 26) + zip.readUInt16LE(localIdx + 28);
    files.set(name, zip.subarray(dataIdx, dataIdx + size));
    entryIdx += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

test('the data pack holds every series and record, the dataset file as loaded, and a README', async ({ openApp, page }) => {
  await openApp('v=1&tab=sources');
  const fingerprint = (await page.getByTestId('dataset-fingerprint').textContent())!.trim();
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('download-data-pack').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^border-security-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipStored(readFileSync((await download.path())!));
  for (const name of ['README.txt', 'dataset.json', 'crossings-day-provisional.csv', 'crossings-week-provisional.csv',
    'crossings-month-provisional.csv', 'crossings-year-provisional.csv', 'crossings-month-official.csv',
    'crossings-year-official.csv', 'announcements.csv', 'funding.csv', 'figures.csv', 'sources.csv',
    'where-sources-differ.csv']) {
    expect(files.has(name), name).toBe(true);
  }
  expect(files.get('dataset.json')!.equals(bundledBytes)).toBe(true);
  const readme = files.get('README.txt')!.toString('utf8');
  expect(readme).toContain(`fingerprint (SHA-256 of dataset.json): ${fingerprint}`);
  expect(readme).toContain('Open Government Licence v3.0');
  const dataset = JSON.parse(bundledBytes.toString('utf8'));
  const announcementRows = files.get('announcements.csv')!.toString('utf8').split('\r\n').filter((line) => line && !line.startsWith('#'));
  expect(announcementRows.length).toBeGreaterThanOrEqual(1 + dataset.announcements.length);
  const dailyRows = files.get('crossings-day-provisional.csv')!.toString('utf8').split('\r\n').filter((line) => line && !line.startsWith('#'));
  expect(dailyRows).toHaveLength(1 + dataset.crossings.daily.people.length);
  // A row of the pack against the same row of the table on screen.
  await page.goto('about:blank');
  await openApp('v=1&tab=crossings&period=year&table=crossings');
  const screenRow = await page.getByTestId('data-table').locator('tbody tr').nth(2).locator('th, td').allInnerTexts();
  const yearRows = files.get('crossings-year-provisional.csv')!.toString('utf8').split('\r\n').filter((line) => line && !line.startsWith('#'));
  // The pack's columns are found by heading: it has ISO dates and a numeric year besides the screen's.
  const headings = yearRows[0].replace(/^\ufeff/, '').split(',');
  const packRow = yearRows.find((line) => line.split(',')[headings.indexOf('Year')] === screenRow[0])!.split(',');
  expect(packRow[headings.indexOf('year')]).toBe(screenRow[0]);
  expect(packRow[headings.indexOf('period_start')]).toBe(`${screenRow[0]}-01-01`);
  expect(['Days counted', 'People', 'Boats'].map((heading) => packRow[headings.indexOf(heading)]))
    .toEqual(screenRow.slice(1, 4).map((cell) => cell.replace(/,/g, '')));
});

/** Opens a copy of the bundled dataset under its own title (written with `indent` spaces, or none) and
 * waits until the page shows it; gives back the file's text. */
async function openCopyTitled(page: Page, title: string, fileName: string, indent?: number): Promise<string> {
  const own = JSON.stringify({ ...JSON.parse(bundledBytes.toString('utf8')), title }, null, indent);
  const path = test.info().outputPath(fileName);
  writeFileSync(path, own);
  await page.getByTestId('open-dataset').setInputFiles(path);
  await expect(page.getByTestId('dataset-title')).toHaveText(title);
  return own;
}

test('an opened file gives its own data pack, with its own bytes', async ({ openApp, page }) => {
  await openApp('v=1&tab=briefing');
  const own = await openCopyTitled(page, 'My own copy', 'own.json', 1);
  await expect(page.getByTestId('what-changed')).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await clickBelowTheFold(page.getByTestId('download-data-pack'));
  const files = unzipStored(readFileSync((await (await downloadPromise).path())!));
  expect(files.get('dataset.json')!.toString('utf8')).toBe(own);
  expect(files.get('README.txt')!.toString('utf8').startsWith('My own copy')).toBe(true);
});

test('a pack asked for just before a file is opened still downloads, and the page says so', async ({ openApp, page }) => {
  // The request for the pack is held until the test lets it go, so the file opens while it is made.
  const letThePackGo = await holdReaderTask(page, 'data_pack');
  await openApp('v=1&tab=sources');
  const status = page.getByTestId('data-pack-status');
  await page.getByTestId('download-data-pack').click();
  await expect(status).toHaveText(/^Making border-security-data-\d{4}-\d{2}-\d{2}\.zip…$/);
  await openCopyTitled(page, 'Opened meanwhile', 'meanwhile.json');
  await expect(page.getByTestId('download-data-pack')).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await letThePackGo();
  // The pack is of the data on screen when it was asked for.
  const files = unzipStored(readFileSync((await (await downloadPromise).path())!));
  expect(files.get('dataset.json')!.equals(bundledBytes)).toBe(true);
  await expect(status).toHaveText(/^Downloading border-security-data-\d{4}-\d{2}-\d{2}\.zip$/);
});

test.describe('the reader fetched for the pack', () => {
  // Without the service worker, which would otherwise serve the reader from its cache whatever the network.
  test.use({ serviceWorkers: 'block' });

  test('the hosted page fetches the reader that makes the pack only when the pack is asked for, and says so when it cannot', async ({ edition, page }) => {
    test.skip(edition !== 'hosted', 'the offline file carries its data reader and never fetches it');
    const reader = await cutOffTheReader(page);
    await page.goto(appUrl(edition, 'v=1&tab=sources'));
    await expect(page.getByTestId('dataset-fingerprint')).not.toBeEmpty();
    expect(reader.refused()).toBe(0);
    await page.getByTestId('download-data-pack').click();
    const status = page.getByTestId('data-pack-status');
    await expect(status).toContainText("The download failed: the explorer's data reader could not be downloaded from this site");
    await expect(status).not.toContainText('TypeError');
    expect(reader.refused()).toBeGreaterThan(0);
    // Back online, the same button works: the failed download was not kept.
    reader.reconnect();
    const downloadPromise = page.waitForEvent('download');
    await page.getByTestId('download-data-pack').click();
    const files = unzipStored(readFileSync((await (await downloadPromise).path())!));
    expect(files.get('dataset.json')!.equals(bundledBytes)).toBe(true);
    await expect(status).toHaveText(/^Downloading border-security-data-\d{4}-\d{2}-\d{2}\.zip$/);
  });
});
