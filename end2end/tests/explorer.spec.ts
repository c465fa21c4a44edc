// The explorer's views, filters, links, downloads, keyboard readout and printing, in both editions.
import { test, expect } from './fixtures';
import { readFileSync } from 'node:fs';
import { asOf, dayMonthYear, firstMs, iso, lastMs, people, peopleByYear, sum, thousands } from './dataset-sums';
import { printedPages } from './printed';

test('every tab is reachable by keyboard and shows its view', async ({ openApp, page, consoleErrors }) => {
  await openApp();
  await page.getByTestId('tab-briefing').focus();
  const expectations: [string, RegExp][] = [
    ['crossings', /People crossing the English Channel in small boats, by month/],
    ['funding', /Every funding announcement, and how it was counted/],
    ['announcements', /announcements? match/],
    ['sources', /Every source/],
  ];
  for (const [tab, text] of expectations) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId(`tab-${tab}`)).toBeFocused();
    await expect(page.getByTestId('tab-panel')).toContainText(text);
    expect(page.url()).toContain(`tab=${tab}`);
  }
  expect(consoleErrors).toEqual([]);
});

test('the briefing shows sourced headline figures with status and period', async ({ openApp, page }) => {
  await openApp('v=1&tab=briefing');
  // The latest whole year of the daily series, worked out from the dataset file.
  const last = new Date(lastMs);
  const lastIsYearEnd = last.getUTCMonth() === 11 && last.getUTCDate() === 31;
  const fullYear = last.getUTCFullYear() - (lastIsYearEnd ? 0 : 1);
  const full_year = page.getByTestId('headline-latest-full-year');
  await expect(full_year.getByTestId('headline-value')).toHaveText(thousands(people(`${fullYear}-01-01`, `${fullYear}-12-31`)));
  await expect(full_year).toContainText('Provisional');
  await expect(full_year).toContainText(`1 January to 31 December ${fullYear}`);
  await full_year.locator('summary').click();
  await expect(full_year.locator('details a[href^="https://"]').first()).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.getByTestId('headline-bsc-funding').getByTestId('headline-value')).toHaveText(/^(Up to )?£[\d,.]+( million| billion)?$/);
  await expect(page.getByTestId('briefing-summary')).toContainText(`${thousands(people(iso(firstMs), iso(lastMs)))} people crossed`);
});

test('a date filter changes chart, table, summary and URL together', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings&table=crossings');
  const table = page.getByTestId('data-table');
  const rowsBefore = await table.locator('tbody tr').count();
  const [first, last] = [new Date(firstMs), new Date(lastMs)];
  expect(rowsBefore).toBe((last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth() + 1);
  await page.getByTestId('filter-from').fill('2024-01-01');
  await page.getByTestId('filter-from').dispatchEvent('change');
  await page.getByTestId('filter-to').fill('2024-12-31');
  await page.getByTestId('filter-to').dispatchEvent('change');
  await expect(table.locator('tbody tr')).toHaveCount(12);
  await expect(page.getByTestId('chart-summary')).toContainText('From 1 January 2024 to 31 December 2024');
  expect(page.url()).toContain('from=2024-01-01');
  expect(page.url()).toContain('to=2024-12-31');
  // The chart itself follows: back to the chart and count its bars.
  await page.getByTestId('toggle-table').click();
  await expect(page.getByTestId('chart-svg').locator('rect')).toHaveCount(12);
});

test('facets filter announcements and update counts and URL', async ({ openApp, page }) => {
  await openApp('v=1&tab=announcements');
  await expect(page.getByTestId('announcement-count')).toHaveText('45 announcements match.');
  await expect(page.getByTestId('theme-count-legislation')).toHaveText('(12)');
  await page.getByTestId('theme-legislation').check();
  await expect(page.getByTestId('announcement-count')).toHaveText('12 announcements match.');
  await expect(page.getByTestId('announcement')).toHaveCount(12);
  expect(page.url()).toContain('theme=legislation');
  await page.getByTestId('filter-search').fill('lords');
  // Two legislation announcements mention the Lords (the 28 October 2024 written answer is themed 'prepare').
  await expect(page.getByTestId('announcement-count')).toHaveText('2 announcements match.');
  await expect(page.locator('mark').first()).toHaveText(/lords/i);
  expect(page.url()).toContain('q=lords');
});

test('a copied link reproduces the view, and back and forward work', async ({ openApp, page }) => {
  const fragment = 'v=1&tab=crossings&from=2022-01-01&to=2022-12-31&period=week&measure=boats&roll=4';
  await openApp(fragment);
  await expect(page.getByTestId('option-period')).toHaveValue('week');
  await expect(page.getByTestId('option-measure')).toHaveValue('boats');
  await expect(page.getByTestId('chart-crossings')).toContainText('Small boats crossing the English Channel, by week');
  await page.getByTestId('tab-funding').click();
  await expect(page.getByTestId('funding-totals')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('tab-crossings')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('option-measure')).toHaveValue('boats');
  await page.goForward();
  await expect(page.getByTestId('tab-funding')).toHaveAttribute('aria-selected', 'true');
});

test('a damaged link falls back and says what it ignored', async ({ openApp, page, consoleErrors }) => {
  await openApp('v=1&tab=nowhere&from=not-a-date&measure=people-per-boat&evil=%3Cscript%3E');
  await expect(page.getByTestId('tab-briefing')).toHaveAttribute('aria-selected', 'true');
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('unknown tab "nowhere"');
  await expect(notice).toContainText('start date "not-a-date"');
  await expect(notice).toContainText('unknown setting "evil"');
  expect(consoleErrors).toEqual([]);
});

test('the CSV download holds exactly the table rows, after a byte-order mark, with source notes a reader can skip', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings&period=year&table=crossings');
  const tableRows = await page.getByTestId('data-table').locator('tbody tr').allInnerTexts();
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('download-csv').click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('people-crossing-the-english-channel-in-small-boats-by-year.csv');
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString('utf8').slice(1);
  const lines = csv.split('\r\n').filter((line) => line !== '');
  // ISO dates, the year as a number and whether it is partial come first, for an analyst's tools.
  expect(lines[0]).toBe('period_start,period_end,year,Year,Days counted,partial,People,Boats,People per boat');
  // The data rows are every line up to the notes, and the notes are every line after them.
  const firstNote = lines.findIndex((line) => line.startsWith('#,'));
  const dataLines = lines.slice(1, firstNote);
  expect(dataLines.length).toBe(tableRows.length);
  // Each note is a "#" cell and the note in one quoted cell, so no comma in it splits it into cells.
  expect(lines.slice(firstNote).every((line) => /^#,"([^"]|"")*"$/.test(line))).toBe(true);
  const [people2022, boats2022] = [sum('2022-01-01', '2022-12-31'), sum('2022-01-01', '2022-12-31', 'boats')];
  expect(dataLines[4]).toBe(`2022-01-01,2022-12-31,2022,2022,365,false,${people2022},${boats2022},${(people2022 / boats2022).toFixed(1)}`);
  expect(csv).toContain('\r\n#,"Source: Home Office');
  expect(csv).toContain('\r\n#,"Cite as: Border Security Briefing Explorer, “People crossing the English Channel in small boats, by year”');
});

test('copy buttons put the figure and its citation on the clipboard', async ({ openApp, page, edition, context }) => {
  if (edition === 'hosted') await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp('v=1&tab=briefing');
  const card = page.getByTestId('headline-year-to-date');
  await card.getByTestId('copy-year-to-date').click();
  await expect(card.getByRole('status')).toHaveText('Copied.');
  // Reading the clipboard back needs a permission that cannot be granted to a file:// page; there the
  // browser's own confirmation above is the check.
  if (edition === 'offline') return;
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // Year to date: 1 January to the last day, against the same days of the year before.
  const last = new Date(lastMs);
  const year = last.getUTCFullYear();
  const sameDayBefore = `${year - 1}${iso(lastMs).slice(4)}`;
  expect(copied.startsWith(`${thousands(people(`${year}-01-01`, iso(lastMs)))} people crossed the English Channel in small boats between 1 January and ${dayMonthYear(lastMs)}, against ${thousands(people(`${year - 1}-01-01`, sameDayBefore))} by the same day of ${year - 1} (provisional figures). Source: Home Office, “Migrants detected`)).toBe(true);
});

test('an actor facet filters the timeline and the chart markers', async ({ openApp, page }) => {
  await openApp('v=1&tab=announcements');
  await page.getByTestId('actor-interpol').check();
  // Two announcements name INTERPOL as an actor (counted from the dataset).
  await expect(page.getByTestId('announcement-count')).toHaveText('2 announcements match.');
  expect(page.url()).toContain('actor=INTERPOL');
  await page.getByTestId('tab-crossings').click();
  await expect(page.getByTestId('event-list').locator('li')).toHaveCount(2);
});

/** The width and height a PNG's header gives. */
function pngSize(png: Buffer): [number, number] {
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

test('SVG and PNG downloads stand alone: title, source and markers key on an opaque background, in a slide\'s shape', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings');
  const svgPromise = page.waitForEvent('download');
  await page.getByTestId('download-svg').click();
  const svg = readFileSync((await (await svgPromise).path())!, 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('People crossing the English Channel in small boats, by month</text>');
  expect(svg).toContain('Source: Home Office');
  expect(svg).toContain('Numbered markers:');
  expect(svg).toMatch(/more \(listed in the explorer\)<\/text>/);
  expect(svg).toContain('<rect width="960" height="540" fill="#ffffff"/>');
  const pngPromise = page.waitForEvent('download');
  await page.getByTestId('download-png').click();
  // The PNG is the image drawn at twice its size: 1,920 × 1,080, a slide.
  expect(pngSize(readFileSync((await (await pngPromise).path())!))).toEqual([1920, 1080]);
});

test('a square or portrait image is a choice, kept for every chart while the page is open', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings');
  for (const [shape, size] of [['square', [1440, 1440]], ['portrait', [1440, 1800]]] as const) {
    await page.getByTestId('image-shape').first().selectOption(shape);
    const pngPromise = page.waitForEvent('download');
    await page.getByTestId('download-png').first().click();
    expect(pngSize(readFileSync((await (await pngPromise).path())!)), shape).toEqual(size);
  }
  // Another view's chart uses the same choice.
  await page.getByRole('tab', { name: 'Funding' }).click();
  await expect(page.getByTestId('image-shape').first()).toHaveValue('portrait');
  const pngPromise = page.waitForEvent('download');
  await page.getByTestId('download-png').first().click();
  expect(pngSize(readFileSync((await (await pngPromise).path())!))).toEqual([1440, 1800]);
});

for (const view of ['briefing', 'crossings', 'funding', 'sources']) {
  test(`every chart's default PNG on the ${view} view is a slide: 1,920 × 1,080`, async ({ openApp, page }) => {
    await openApp(`v=1&tab=${view}`);
    const buttons = page.getByTestId('download-png');
    await expect(buttons.first()).toBeVisible();
    const nCharts = await buttons.count();
    expect(nCharts).toBeGreaterThan(0);
    for (let chartIdx = 0; chartIdx < nCharts; chartIdx++) {
      const pngPromise = page.waitForEvent('download');
      await buttons.nth(chartIdx).click();
      const [widthPx, heightPx] = pngSize(readFileSync((await (await pngPromise).path())!));
      expect([widthPx, heightPx], `chart ${chartIdx + 1} of ${nCharts}`).toEqual([1920, 1080]);
      expect(heightPx).toBeLessThanOrEqual(widthPx * 0.75);
    }
  });
}

test('the chart readout works by keyboard and closes with Esc', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings&period=year');
  const frame = page.getByTestId('chart-frame');
  await frame.focus();
  await page.keyboard.press('Home');
  const readout = page.getByTestId('chart-readout');
  const [first, second] = peopleByYear();
  await expect(readout).toHaveText(`${first.year}: ${thousands(first.people)} people (provisional, Home Office)`);
  await page.keyboard.press('ArrowRight');
  await expect(readout).toHaveText(`${second.year}: ${thousands(second.people)} people (provisional, Home Office)`);
  await page.keyboard.press('Escape');
  await expect(readout).toBeHidden();
});

test('the table sorts by a column', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings&period=year&table=crossings');
  const table = page.getByTestId('data-table');
  await table.getByRole('button', { name: 'People', exact: true }).click();
  await expect(table.locator('thead th').nth(2)).toHaveAttribute('aria-sort', 'descending');
  const most = Math.max(...peopleByYear().map((year) => year.people));
  await expect(table.locator('tbody tr').first().locator('td').nth(1)).toHaveText(thousands(most));
});

test('printing shows the figures, chart and sources without the controls', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('chart-svg')).toBeVisible();
  await expect(page.getByTestId('chart-source')).toBeVisible();
  await expect(page.getByTestId('filter-from')).toBeHidden();
  await expect(page.getByTestId('tab-crossings')).toBeHidden();
  await expect(page.getByTestId('download-csv')).toBeHidden();
});

test('the printed Briefing is a brief: figures, chart, comparison, sources written out, edition and link, no controls', async ({ openApp, page }) => {
  await openApp('v=1&tab=briefing');
  await page.getByTestId('option-compare').selectOption('launch');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('key-numbers').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('chart-svg')).toBeVisible();
  await expect(page.getByTestId('compare-sentence')).toBeVisible();
  await expect(page.getByTestId('dataset-as-of')).toBeVisible();
  // Every headline card writes its sources out, with their addresses; the closed disclosure is not printed.
  const cards = page.locator('[data-testid^="headline-"]').filter({ has: page.getByTestId('headline-value') });
  const cardCount = await cards.count();
  expect(cardCount).toBeGreaterThan(0);
  for (let cardIdx = 0; cardIdx < cardCount; cardIdx++) {
    const printed = cards.nth(cardIdx).getByTestId('printed-sources');
    await expect(printed).toBeVisible();
    await expect(printed.locator('li').first()).toBeVisible();
    await expect(cards.nth(cardIdx).locator('details')).toBeHidden();
  }
  await expect(page.getByText('Open data file')).toBeHidden();
  await expect(page.getByTestId('option-compare')).toBeHidden();
  await expect(page.getByTestId('copy-row-0')).toBeHidden();
  // The long list of other figures is printed only when asked for.
  await expect(page.getByTestId('key-facts')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('printed-sources').first()).toBeHidden();
});

test('the Briefing prints on at most three numbered A4 pages, each with what it is, how fresh, when printed and where', async ({ openApp, page, edition }, testInfo) => {
  await openApp('v=1&tab=briefing');
  await page.getByTestId('option-compare').selectOption('launch');
  await expect(page.getByTestId('compare-sentence')).toBeVisible();
  const pages = await printedPages(page, testInfo);
  expect(pages.length, pages.join('\n---\n')).toBeLessThanOrEqual(3);
  const printedOn = dayMonthYear(Date.now());
  // The address printed is the view's own, with the comparison chosen after the page opened; a copy read
  // from disk says so and never prints a path on the reader's disk.
  const where = edition === 'hosted' ? `${process.env.BSE_BASE_URL}#v=1&tab=briefing&cmp=launch` : 'printed from an offline copy';
  pages.forEach((text, pageIdx) => {
    expect(text).toContain(`Page ${pageIdx + 1} of ${pages.length}`);
    const footer = text.replace(/ ?Page \d+ of \d+ ?/, ' ');
    expect(footer).toContain(`Border Security Briefing Explorer · data as at ${dayMonthYear(Date.parse(`${asOf}T00:00:00Z`))}, crossings to ${dayMonthYear(lastMs)} · printed ${printedOn} ${where}`);
    expect(text).not.toContain('file:');
  });
  // What a brief holds: the answers, the key numbers, the comparison and the latest announcements.
  const all = pages.join(' ');
  for (const part of ['Key numbers by year', 'Compare periods', 'Latest announcements']) expect(all).toContain(part);
  expect(all).not.toContain('Key facts');
  expect(all).not.toContain('Link to this');
});

test('printed without a comparison: no empty comparison heading, and each card\'s sources with their web addresses', async ({ openApp, page }, testInfo) => {
  await openApp('v=1&tab=briefing&cmp=none');
  await expect(page.getByTestId('key-numbers').locator('tbody tr').first()).toBeVisible();
  const pages = await printedPages(page, testInfo);
  expect(pages.length, pages.join('\n---\n')).toBeLessThanOrEqual(3);
  const all = pages.join(' ');
  expect(all).not.toContain('Compare periods');
  // Each card's sources are printed with their address, not only the site's name.
  await page.emulateMedia({ media: 'print' });
  const printed = page.getByTestId('printed-sources').first();
  const href = await printed.locator('a').first().getAttribute('href');
  expect(href).toMatch(/^https:\/\//);
  const after = await printed.locator('a').first().evaluate((link) => getComputedStyle(link, '::after').content);
  expect(after).toContain(href!);
  expect(all.replace(/\s+/g, '')).toContain(href!.replace(/\s+/g, '').slice(0, 30));
});

test('back and forward across several views restore each one', async ({ openApp, page }) => {
  await openApp('v=1&tab=briefing');
  await page.getByTestId('tab-crossings').click();
  await page.getByTestId('option-measure').selectOption('boats');
  await page.getByTestId('tab-announcements').click();
  await expect(page.getByTestId('announcement-count')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('option-measure')).toHaveValue('boats');
  await page.goBack();
  await expect(page.getByTestId('option-measure')).toHaveValue('people');
  await page.goForward();
  await expect(page.getByTestId('option-measure')).toHaveValue('boats');
  await page.goForward();
  await expect(page.getByTestId('tab-announcements')).toHaveAttribute('aria-selected', 'true');
});

test('no view is wider than a 360 px phone screen', async ({ openApp, page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  for (const fragment of ['tab=briefing', 'tab=briefing&cmp=launch', 'tab=briefing&cmp=typed', 'tab=crossings', 'tab=crossings&cmp=ytd', 'tab=funding', 'tab=announcements', 'tab=sources']) {
    await openApp(`v=1&${fragment}`);
    await page.getByTestId('tab-panel').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${fragment} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
  }
});

test('on a phone the chart is drawn for its width, and turning the screen redraws it', async ({ openApp, page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await openApp('v=1&tab=crossings&yoy=1');
  const drawing = page.getByTestId('chart-svg').locator('svg');
  await expect(drawing).toHaveAttribute('viewBox', '0 0 360 320');
  // The drawing fits the screen: nothing to scroll sideways, and its text is not shrunk below 11 px.
  const frame = page.getByTestId('chart-frame');
  const fits = await frame.evaluate((element) => element.scrollWidth <= element.clientWidth);
  expect(fits).toBe(true);
  const scale = await drawing.evaluate((svg) => svg.getBoundingClientRect().width / 360);
  expect(13 * scale).toBeGreaterThanOrEqual(11);
  // The same values are there to read: the keyboard readout walks every day of every year.
  await frame.focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('chart-readout')).toContainText('31 December');
  // Downloads are a slide's shape whatever the screen, the drawing as wide as the image, for use in a
  // briefing.
  const svgDownload = page.waitForEvent('download');
  await page.getByTestId('download-svg').click();
  const svgText = readFileSync((await (await svgDownload).path())!, 'utf8');
  expect(svgText).toContain('viewBox="0 0 960 540"');
  expect(svgText).toMatch(/<g transform="translate\(0 \d+\)"><svg width="960" height="\d+" viewBox="0 0 960 \d+"/);
  // Turned sideways to a wide window, the chart is drawn wide.
  await page.setViewportSize({ width: 1280, height: 780 });
  await expect(drawing).toHaveAttribute('viewBox', '0 0 880 380');
});

test('the browser tab names the view, and each view offers only the filters that change it', async ({ openApp, page }) => {
  await openApp('v=1&tab=briefing');
  await expect(page).toHaveTitle('Briefing · Border Security Briefing Explorer');
  await expect(page.getByTestId('filter-search')).toBeVisible();
  await page.getByTestId('tab-funding').click();
  await expect(page).toHaveTitle('Funding · Border Security Briefing Explorer');
  await expect(page.getByTestId('filter-from')).toBeVisible();
  await expect(page.getByTestId('filter-search')).toHaveCount(0);
  await page.getByTestId('tab-sources').click();
  await expect(page).toHaveTitle('Sources and method · Border Security Briefing Explorer');
  await expect(page.getByTestId('filter-from')).toHaveCount(0);
  await page.getByTestId('tab-announcements').click();
  await expect(page).toHaveTitle('Announcements · Border Security Briefing Explorer');
  await expect(page.getByTestId('filter-search')).toBeVisible();
});

test('dates with no data say what is missing and what the data cover, with no empty chart or £0 card', async ({ openApp, page }) => {
  await openApp('v=1&tab=funding&from=2020-01-01&to=2020-12-31');
  await expect(page.getByTestId('funding-bsc-total')).toContainText('No one-off funding for the Border Security Command was announced in these dates; the funding records run from');
  await expect(page.getByTestId('chart-svg')).toHaveCount(0);
  await expect(page.getByTestId('download-csv')).toHaveCount(0);
  await expect(page.getByTestId('funding-ledger')).toHaveCount(0);
  await page.getByTestId('tab-briefing').click();
  await expect(page.getByTestId('headline-bsc-funding').getByTestId('headline-value')).toHaveText('None');
  await expect(page.locator('body')).not.toContainText('£0');
  await page.getByTestId('filter-from').fill('2010-01-01');
  await page.getByTestId('filter-from').dispatchEvent('change');
  await page.getByTestId('filter-to').fill('2010-12-31');
  await page.getByTestId('filter-to').dispatchEvent('change');
  await page.getByTestId('tab-crossings').click();
  await expect(page.getByTestId('chart-summary')).toContainText('No crossings data fall in the selected dates');
  await expect(page.getByTestId('chart-svg')).toHaveCount(0);
});

test('Copy image puts the chart on the clipboard as a PNG', async ({ openApp, page, edition, context }) => {
  if (edition === 'hosted') {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  } else {
    // A file:// page cannot be given the permission to read the clipboard back: record what was offered.
    await page.addInitScript(() => {
      const offered: string[] = [];
      (window as unknown as { bseOfferedTypes: string[] }).bseOfferedTypes = offered;
      const original = navigator.clipboard.write.bind(navigator.clipboard);
      navigator.clipboard.write = (items: ClipboardItem[]) => {
        for (const item of items) offered.push(...item.types);
        return original(items);
      };
    });
  }
  await openApp('v=1&tab=crossings');
  await page.getByTestId('copy-image').click();
  await expect(page.getByTestId('copy-image-status')).toHaveText('Image copied: paste it into a document.');
  const types = edition === 'hosted'
    ? await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types))
    : await page.evaluate(() => (window as unknown as { bseOfferedTypes: string[] }).bseOfferedTypes);
  expect(types).toContain('image/png');
});

test('where images cannot be copied, Copy image says so and offers the download', async ({ openApp, page }) => {
  await page.addInitScript(() => {
    // A browser without image copying.
    delete (window as unknown as { ClipboardItem?: unknown }).ClipboardItem;
  });
  await openApp('v=1&tab=crossings');
  await page.getByTestId('copy-image').click();
  await expect(page.getByTestId('copy-image-status')).toHaveText('Not copied: this browser does not allow copying images here; use Download PNG instead.');
  await expect(page.getByTestId('download-png')).toBeVisible();
});
