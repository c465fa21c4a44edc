// The Briefing's key numbers: every year in both editions on a fresh load, sortable, copyable as a
// cited sentence, and downloadable. Expectations come from the dataset file itself.
import { test, expect } from './fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayMonth, lastMs, peopleByYear, thousands } from './dataset-sums';

const annual = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'public', 'data', 'dataset.json'), 'utf8'),
).crossings.annual[0].rows as { year: number; people: number; boats: number }[];

test('a fresh load shows every year, provisional and official side by side', async ({ openApp, page }) => {
  await openApp();
  const rows = page.getByTestId('key-numbers').locator('tbody tr');
  const years = peopleByYear();
  await expect(rows).toHaveCount(years.length);
  for (const [rowIdx, { year, people }] of years.entries()) {
    const cells = rows.nth(rowIdx).locator('th, td');
    const official = annual.find((row) => row.year === year);
    const endsOn31December = new Date(lastMs).getUTCMonth() === 11 && new Date(lastMs).getUTCDate() === 31;
    const lastYear = rowIdx === years.length - 1 && !endsOn31December;
    await expect(cells.nth(0)).toHaveText(lastYear ? `${year} (to ${dayMonth(lastMs)})` : `${year}`);
    await expect(cells.nth(1)).toHaveText(thousands(people));
    await expect(cells.nth(2)).toHaveText(official ? thousands(official.people) : 'not yet published');
  }
});

test('a key-numbers row copies as a sentence with its sources, and the table sorts', async ({ openApp, page, edition, context }) => {
  if (edition === 'hosted') await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp();
  const table = page.getByTestId('key-numbers');
  const years = peopleByYear();
  const firstYear = years[0];
  await table.getByTestId('copy-row-0').click();
  await expect(table.locator('tbody tr').first().getByRole('status')).toHaveText('Copied.');
  if (edition === 'hosted') {
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(`In ${firstYear.year}, ${thousands(firstYear.people)} people crossed the English Channel`)).toBe(true);
    expect(copied).toContain('(provisional figures); the official statistics give');
    expect(copied).toMatch(/ Sources: Home Office, “[^”]+”, .+; .+\. Border Security Briefing Explorer \(data as at [^)]+\), /);
  }
  await table.getByRole('button', { name: 'People, provisional', exact: true }).click();
  const most = years.reduce((best, year) => (year.people > best.people ? year : best));
  await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText(thousands(most.people));
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('download-key-numbers').click();
  const csv = readFileSync((await (await downloadPromise).path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\ufeffyear,Year,days_covered,partial,"People, provisional","People, official","Boats, provisional","Boats, official","People per boat, provisional","Change in people on the year before, provisional (%)"');
});

test('the key chart shows people by month on a fresh load, and by year when chosen', async ({ openApp, page }) => {
  await openApp();
  const chart = page.getByTestId('chart-briefing-crossings');
  await expect(chart).toContainText('People crossing the English Channel in small boats, by month');
  await expect(chart.getByTestId('chart-summary')).toContainText('the latest whole month, ');
  await page.getByTestId('option-briefing-period').selectOption('year');
  await expect(chart).toContainText('People crossing the English Channel in small boats, by year');
  expect(page.url()).toContain('bperiod=year');
  const years = peopleByYear();
  await chart.getByTestId('toggle-table').click();
  await expect(chart.getByTestId('data-table').locator('tbody tr')).toHaveCount(years.length);
  await expect(chart.getByTestId('data-table').locator('tbody tr').first().locator('td').nth(1))
    .toHaveText(thousands(years[0].people));
});
