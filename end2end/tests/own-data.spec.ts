// Opening a dataset file: hostile and broken files end in a clear message, nothing executes, and the
// data already shown stays; a good file is shown with its fingerprint and the way back.
import AxeBuilder from '@axe-core/playwright';
import { holdReaderTask } from './reader-held';
import { test, expect } from './fixtures';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const bundledText = readFileSync(join(__dirname, '..', '..', 'public', 'data', 'dataset.json'), 'utf8');
const bundled = JSON.parse(bundledText);

// Each test writes its file into its own output folder, which Playwright makes and clears: a folder
// shared by the file's tests was removed by one worker's afterAll while another batch still used it.
function writeCase(name: string, contents: string | Buffer): string {
  const path = test.info().outputPath(name);
  writeFileSync(path, contents);
  return path;
}

function edited(edit: (dataset: any) => void): string {
  const dataset = JSON.parse(bundledText);
  edit(dataset);
  return JSON.stringify(dataset);
}

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>" onmouseover="window.__pwned=1';
const TEXT_FIELDS = new Set(['title', 'summary', 'label', 'note', 'purpose', 'recipient', 'publisher', 'period', 'description']);

function poisonText(value: any): any {
  if (Array.isArray(value)) return value.map(poisonText);
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      // A figure's period is structured (FROM/TO), not free text; the funding period is free text.
      const isStructured = key === 'period' && /^\d{4}(-\d{2}){0,2}\/\d{4}/.test(value[key]);
      if (TEXT_FIELDS.has(key) && typeof value[key] === 'string' && !isStructured) value[key] = PAYLOAD + value[key];
      else if (key === 'actors') value[key] = value[key].map((actor: string) => PAYLOAD + actor);
      else value[key] = poisonText(value[key]);
    }
  }
  return value;
}

const broken: [string, string | Buffer, string][] = [
  ['javascript-link.json', edited((d) => { d.sources[0].url = 'javascript:window.__pwned=1'; }), 'sources[0].url: only https links are allowed, found "javascript:window.__pwned=1"'],
  ['data-link.json', edited((d) => { d.sources[1].url = 'data:text/html,<script>window.__pwned=1</script>'; }), 'sources[1].url: only https links are allowed'],
  ['deeply-nested.json', '['.repeat(5000) + ']'.repeat(5000), 'recursion limit exceeded'],
  ['wrong-types.json', edited((d) => { d.title = 42; d.funding[0].amount_gbp = '75m'; }), 'funding[0].amount_gbp: expected a whole number of pounds (zero or more), found "75m"'],
  ['duplicate-ids.json', edited((d) => { d.announcements[1].id = d.announcements[0].id; }), 'announcements[1].id: the id "bsc-established" is used by an earlier announcement'],
  ['dangling-source.json', edited((d) => { d.figures[0].source_ids = ['no-such-source']; }), 'figures[0].source_ids[0]: no source has the id "no-such-source"'],
  ['unknown-version.json', edited((d) => { d.schema_version = 99; }), 'schema_version: this app reads schema version 1, found 99'],
  ['empty.json', '', 'the file is empty'],
  ['binary.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe]), 'the file is not UTF-8 text (a binary file?)'],
];

for (const [name, contents, message] of broken) {
  test(`a broken file is refused with its reason: ${name}`, async ({ openApp, page }) => {
    await openApp('v=1&tab=sources');
    const fingerprintBefore = await page.getByTestId('dataset-fingerprint').textContent();
    await page.getByTestId('open-dataset').setInputFiles(writeCase(name, contents));
    const error = page.getByTestId('open-error');
    await expect(error).toContainText(message);
    await expect(error).toContainText('The data shown below has not changed.');
    await expect(error).toBeFocused();
    await expect(page.getByTestId('dataset-title')).toHaveText(bundled.title);
    await expect(page.getByTestId('dataset-fingerprint')).toHaveText(fingerprintBefore!);
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  });
}

test('a file over the size cap is refused before it is read', async ({ openApp, page }) => {
  await openApp();
  const big = Buffer.alloc(33 * 1024 * 1024, 0x20);
  await page.getByTestId('open-dataset').setInputFiles(writeCase('too-big.json', big));
  await expect(page.getByTestId('open-error')).toContainText('too-big.json is 33.0 MB; a dataset file may be at most 32 MB, so it was not read.');
  await expect(page.getByTestId('dataset-title')).toHaveText(bundled.title);
});

test('markup in every text field stays text and never runs', async ({ openApp, page }) => {
  await openApp('v=1&tab=announcements');
  const hostile = JSON.stringify(poisonText(JSON.parse(bundledText)));
  await page.getByTestId('open-dataset').setInputFiles(writeCase('hostile-text.json', hostile));
  await expect(page.getByTestId('opened-dataset')).toBeVisible();
  await expect(page.getByTestId('dataset-title')).toHaveText(PAYLOAD + bundled.title);
  await expect(page.getByTestId('announcement').first()).toContainText('<script>window.__pwned=1</script>');
  for (const tab of ['briefing', 'crossings', 'funding', 'sources']) {
    await page.getByTestId(`tab-${tab}`).click();
    await page.mouse.move(200, 300);
  }
  await expect(page.locator('script:not([type])').filter({ hasText: '__pwned' })).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
});

test('a good file is shown with its fingerprint, and the bundled data come back', async ({ openApp, page }) => {
  await openApp('v=1&tab=sources');
  const own = edited((d) => { d.title = 'Our own briefing copy'; d.announcements = d.announcements.slice(0, 3); });
  const expectedFingerprint = createHash('sha256').update(own).digest('hex');
  await page.getByTestId('open-dataset').setInputFiles(writeCase('own.json', own));
  await expect(page.getByTestId('opened-dataset')).toContainText('Our own briefing copy');
  await expect(page.getByTestId('opened-dataset')).toContainText(expectedFingerprint.slice(0, 16));
  // Checked in the worker, not on the page: the editions' policies let it start, so a large file cannot freeze the page.
  await expect(page.getByTestId('opened-dataset')).toHaveAttribute('data-checked-in', 'worker');
  await expect(page.getByTestId('dataset-title')).toHaveText('Our own briefing copy');
  await expect(page.getByTestId('dataset-fingerprint')).toHaveText(expectedFingerprint);
  await expect(page.getByTestId('tab-sources')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('tab-announcements').click();
  await expect(page.getByTestId('announcement-count')).toHaveText('3 announcements match.');
  await page.getByTestId('back-to-bundled').click();
  await expect(page.getByTestId('dataset-title')).toHaveText(bundled.title);
  await expect(page.getByTestId('announcement-count')).toHaveText('45 announcements match.');
});

/** The cells of a CSV (RFC 4180: quoted cells may hold commas, doubled quotes and line breaks). */
function csvCells(csv: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let idx = 0; idx < csv.length; idx++) {
    const character = csv[idx];
    if (quoted) {
      if (character === '"' && csv[idx + 1] === '"') { cell += '"'; idx++; }
      else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"' && cell === '') quoted = true;
    else if (character === ',') { rows[rows.length - 1].push(cell); cell = ''; }
    else if (character === '\r' && csv[idx + 1] === '\n') { rows[rows.length - 1].push(cell); cell = ''; rows.push([]); idx++; }
    else cell += character;
  }
  if (cell !== '') rows[rows.length - 1].push(cell);
  return rows.filter((row) => row.length > 0);
}

test('hostile text leaves the app defused: every CSV cell and note line, the SVG and the copied citation', async ({ openApp, page, edition, context }) => {
  if (edition === 'hosted') await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp('v=1&tab=crossings&period=year&events=0');
  const hostile = edited((d) => {
    const source = d.sources.find((found: { id: string }) => found.id === d.crossings.daily.source_ids[0]);
    source.title = "Small boats time series,=1+1,=cmd|' /C calc'!A0,@SUM(9+9)\u202E reversed";
    source.publisher = 'Home Office,=2+2\u2066\u001b]0;owned\u0007';
    d.title = 'Crossings \u202Ereversed\u2069 data';
  });
  await page.getByTestId('open-dataset').setInputFiles(writeCase('hostile-notes.json', hostile));
  await expect(page.getByTestId('dataset-title')).toHaveText('Crossings reversed data');
  const controls = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('download-csv').click();
  const csv = readFileSync((await (await downloadPromise).path())!, 'utf8').replace(/^\ufeff/, '');
  expect(csv).not.toMatch(controls);
  const rows = csvCells(csv);
  const notes = rows.filter((row) => row[0] === '#');
  expect(notes.length).toBeGreaterThan(1);
  for (const row of rows) {
    // A note line is a "#" cell and one cell of text; a data row has the header's cells.
    if (row[0] === '#') expect(row, 'a note line').toHaveLength(2);
    else expect(row).toHaveLength(rows[0].length);
    for (const cell of row) {
      expect(/^[=+\-@\t\r]/.test(cell) && !/^[-+]?\d+(\.\d+)?$/.test(cell), `a cell a spreadsheet would run: ${cell}`).toBe(false);
    }
  }
  expect(notes.map((row) => row[1]).join('\n')).toContain('Small boats time series,=1+1');
  const svgPromise = page.waitForEvent('download');
  await page.getByTestId('download-svg').click();
  expect(readFileSync((await (await svgPromise).path())!, 'utf8')).not.toMatch(controls);
  await page.getByTestId('copy-chart-summary').click();
  if (edition === 'hosted') {
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('Home Office,=2+2');
    expect(copied).not.toMatch(controls);
  }
  expect(await page.title()).not.toMatch(controls);
});

test('five files opened 20 ms apart end on the last, however long the first takes', async ({ openApp, page }) => {
  await openApp('v=1&tab=sources');
  // The first is large (20 MB, most of it spaces between its values, which JSON allows), so its reading
  // and checking end after the four small ones; the third is broken. Only the fifth may be shown.
  const large = edited((d) => { d.title = 'Edition 1 (large)'; }).replace('{', '{' + ' '.repeat(20 * 1024 * 1024));
  const files = [
    writeCase('edition-1.json', large),
    writeCase('edition-2.json', edited((d) => { d.title = 'Edition 2'; })),
    writeCase('edition-3.json', edited((d) => { d.sources[0].url = 'javascript:void(0)'; })),
    writeCase('edition-4.json', edited((d) => { d.title = 'Edition 4'; })),
    writeCase('edition-5.json', edited((d) => { d.title = 'Edition 5'; })),
  ];
  for (const file of files) {
    await page.getByTestId('open-dataset').setInputFiles(file);
    await page.waitForTimeout(20);
  }
  await expect(page.getByTestId('dataset-title')).toHaveText('Edition 5');
  await expect(page.getByTestId('opened-dataset')).toContainText('edition-5.json');
  // Long enough for the large file to have been read and checked had it not been dropped.
  await page.waitForTimeout(4_000);
  await expect(page.getByTestId('dataset-title')).toHaveText('Edition 5');
  await expect(page.getByTestId('open-error')).toHaveCount(0);
  await expect(page.getByTestId('read-progress')).toHaveCount(0);
});

test('without workers the file is checked on the page, with the same result', async ({ openApp, page }) => {
  // A browser or policy that refuses workers: the page falls back to checking the file itself, and
  // works out what changed itself too.
  await page.addInitScript(() => {
    (window as any).Worker = function () { throw new Error('workers are not allowed here'); };
  });
  await openApp('v=1&tab=sources');
  const own = edited((d) => { d.title = 'Checked on the page'; d.crossings.daily.people[0] += 3; });
  await page.getByTestId('open-dataset').setInputFiles(writeCase('no-worker.json', own));
  await expect(page.getByTestId('opened-dataset')).toHaveAttribute('data-checked-in', 'page');
  await expect(page.getByTestId('dataset-fingerprint')).toHaveText(createHash('sha256').update(own).digest('hex'));
  await expect(page.getByTestId('what-changed').locator('li').nth(1)).toContainText('Daily crossings (provisional): 1 day revised, by +3 people and 0 boats in all');
  await expect(page.getByTestId('download-changes')).toHaveText('Download the full list (1 row, CSV)');
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('download-changes').click();
  const csv = readFileSync((await (await downloadPromise).path())!, 'utf8');
  expect(csv.split('\r\n').filter((line) => line && !line.startsWith('#') && !line.startsWith('\ufeff'))).toHaveLength(1);
  await page.getByTestId('open-dataset').setInputFiles(writeCase('no-worker-broken.json', '{"schema_version": 99}'));
  await expect(page.getByTestId('open-error')).toContainText('The data shown below has not changed.');
  await expect(page.getByTestId('dataset-title')).toHaveText('Checked on the page');
});

test('the Sources view says which data are loaded', async ({ openApp, page }) => {
  await openApp('v=1&tab=sources');
  await expect(page.getByTestId('schema-version')).toHaveText('1');
  await expect(page.getByTestId('build-date')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  // Both editions show the SHA-256 of the dataset file as published, so copies can be compared.
  await expect(page.getByTestId('dataset-fingerprint')).toHaveText(createHash('sha256').update(bundledText).digest('hex'));
});

test('a file dropped on the page is opened like a chosen one', async ({ openApp, page }) => {
  await openApp('v=1&tab=briefing');
  const own = edited((d) => { d.title = 'Dropped copy of the data'; });
  const dataTransfer = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, own);
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByTestId('dataset-title')).toHaveText('Dropped copy of the data');
  await expect(page.getByTestId('opened-dataset')).toContainText('your file dropped.json');
});

test('opening a newer file says what changed against the data on screen, and the full list downloads', async ({ openApp, page }) => {
  await openApp('v=1&tab=sources');
  const people = bundled.crossings.daily.people as number[];
  const revisedIdx = [people.length - 2, people.length - 5, people.length - 40];
  const newer = edited((dataset) => {
    for (const idx of revisedIdx) dataset.crossings.daily.people[idx] += 5;
    dataset.funding[0].amount_gbp += 1000000;
    dataset.announcements.push({ id: 'added-for-test', date: dataset.as_of, title: 'An announcement added for the test',
      summary: 'Added.', actors: ['Home Office'], themes: ['pursue'], source_ids: [dataset.sources[0].id] });
  });
  await page.getByTestId('open-dataset').setInputFiles(writeCase('newer.json', newer));
  const changes = page.getByTestId('what-changed');
  const lines = changes.locator('li');
  await expect(lines.first()).toContainText('Both are data as at');
  await expect(lines.nth(1)).toHaveText('Announcements: 1 added (An announcement added for the test (' + new Date(Date.parse(`${bundled.as_of}T00:00:00Z`)).getUTCDate() + ' ' + new Date(Date.parse(`${bundled.as_of}T00:00:00Z`)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }) + ' ' + bundled.as_of.slice(0, 4) + ')).');
  await expect(lines.nth(2)).toContainText('Funding records: 1 changed (');
  await expect(lines.nth(2)).toContainText('): amount).');
  await expect(lines.nth(3)).toContainText('Daily crossings (provisional): 3 days revised, by +15 people and 0 boats in all');
  await expect(lines).toHaveCount(4);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  const downloadPromise = page.waitForEvent('download');
  await changes.getByTestId('download-changes').click();
  const csv = readFileSync((await (await downloadPromise).path())!, 'utf8');
  const dataLines = csv.split('\r\n').filter((line) => line && !line.startsWith('#') && !line.startsWith('\ufeff'));
  expect(dataLines).toHaveLength(5);
  // The same data written another way: another fingerprint, no differences.
  await page.getByTestId('back-to-bundled').click();
  await page.getByTestId('open-dataset').setInputFiles(writeCase('pretty.json', JSON.stringify(bundled, null, 2)));
  await expect(page.getByTestId('what-changed')).toContainText('No differences');
});

test('while what changed is worked out the notice says so, in the place the answer then takes', async ({ openApp, page }) => {
  // The page's request to compare is held until the test lets it go, so the wait is seen every time.
  const letTheComparisonGo = await holdReaderTask(page, 'changes');
  await openApp('v=1&tab=briefing');
  const newer = edited((dataset) => { dataset.crossings.daily.people[dataset.crossings.daily.people.length - 2] += 5; });
  await page.getByTestId('open-dataset').setInputFiles(writeCase('newer-held.json', newer));
  const working = page.getByTestId('what-changed-working');
  await expect(working).toHaveText(/^What changed\s*Comparing this file with the data shown before it…$/);
  await expect(page.getByTestId('what-changed')).toHaveCount(0);
  const headingBefore = await working.getByRole('heading', { name: 'What changed' }).boundingBox();
  const workingHeight = (await working.boundingBox())!.height;
  const tabsBefore = await page.getByRole('tablist').boundingBox();
  await letTheComparisonGo();
  const changes = page.getByTestId('what-changed');
  await expect(changes.locator('li').nth(1)).toContainText('1 day revised, by +5 people');
  await expect(working).toHaveCount(0);
  // The heading stays where it was.
  expect(await changes.getByRole('heading', { name: 'What changed' }).boundingBox()).toEqual(headingBefore);
  // What follows moves down only by what the answer takes beyond the room the wait held for it.
  const tabsAfter = (await page.getByRole('tablist').boundingBox())!;
  const answerHeight = (await changes.boundingBox())!.height;
  expect(workingHeight).toBeGreaterThan(0);
  expect(tabsAfter.y - tabsBefore!.y).toBeLessThanOrEqual(answerHeight - workingHeight + 1);
});

test('opening a file never shows the page empty: its title, tabs and filters are in every frame drawn', async ({ openApp, page }) => {
  await openApp('v=1&tab=briefing');
  // Every frame from the file being chosen until a few after its notice shows.
  await page.evaluate(() => {
    const frames: Array<{ title: boolean; tabs: boolean; filters: boolean; notice: boolean }> = [];
    (window as any).framesSeen = frames;
    const record = () => {
      const notice = !!document.querySelector('[data-testid="opened-dataset"]');
      frames.push({
        title: !!document.querySelector('[data-testid="dataset-title"]'),
        tabs: !!document.querySelector('[role="tablist"]'),
        filters: !!document.querySelector('[data-testid="controls"]'),
        notice,
      });
      if (frames.filter((frame) => frame.notice).length < 10) requestAnimationFrame(record);
    };
    document.querySelector('[data-testid="open-dataset"]')!.addEventListener('change', () => requestAnimationFrame(record), { capture: true, once: true });
  });
  await page.getByTestId('open-dataset').setInputFiles(writeCase('every-frame.json', edited((d) => { d.title = 'Seen in every frame'; })));
  await expect(page.getByTestId('dataset-title')).toHaveText('Seen in every frame');
  await expect.poll(() => page.evaluate(() => (window as any).framesSeen.filter((frame: any) => frame.notice).length)).toBe(10);
  const frames = await page.evaluate(() => (window as any).framesSeen);
  expect(frames.length).toBeGreaterThan(10);
  expect(frames.filter((frame: any) => !(frame.title && frame.tabs && frame.filters))).toEqual([]);
});
