// Provisional against official on the Sources view: the table of differing months and the chart of every
// month's difference, checked against sums computed here from the dataset file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { sum, firstMs, lastMs, iso } from './dataset-sums';

const dataset = JSON.parse(readFileSync(join(__dirname, '..', '..', 'public', 'data', 'dataset.json'), 'utf8'));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** Whole months in both editions: [label, provisional people, official people]. */
function comparedMonths(): { label: string; provisional: number; official: number; provisionalBoats: number; officialBoats: number }[] {
  const compared = [];
  for (const row of dataset.crossings.monthly[0].rows as { month: string; people: number; boats: number }[]) {
    const [year, month] = row.month.split('-').map(Number);
    const startMs = Date.UTC(year, month - 1, 1);
    const endMs = Date.UTC(year, month, 0);
    if (startMs < firstMs || endMs > lastMs) continue;
    const [from, to] = [iso(startMs), iso(endMs)];
    compared.push({
      label: `${MONTHS[month - 1]} ${year}`,
      provisional: sum(from, to, 'people'),
      official: row.people,
      provisionalBoats: sum(from, to, 'boats'),
      officialBoats: row.boats,
    });
  }
  return compared;
}

test('the Sources view lists every month the editions differ in, with the difference, and charts every month', async ({ openApp, page }) => {
  await openApp('v=1&tab=sources');
  const compared = comparedMonths();
  const differing = compared.filter((month) => month.provisional !== month.official || month.provisionalBoats !== month.officialBoats);
  const table = page.getByTestId('edition-differences').getByTestId('data-table');
  const monthRows = table.locator('tbody tr').filter({ hasNot: page.locator('th', { hasText: 'whole year' }) });
  await expect(monthRows).toHaveCount(differing.length);
  for (const [rowIdx, month] of differing.entries()) {
    const row = monthRows.nth(rowIdx);
    await expect(row.locator('th')).toHaveText(month.label);
    const change = month.official - month.provisional;
    const signed = change === 0 ? '0' : `${change > 0 ? '+' : '−'}${Math.abs(change).toLocaleString('en-GB')}`;
    await expect(row.locator('td').nth(2)).toHaveText(signed);
  }
  const largest = compared.reduce((best, month) =>
    Math.abs(month.official - month.provisional) > Math.abs(best.official - best.provisional) ? month : best);
  const panel = page.getByTestId('chart-editions');
  await expect(panel.locator('h3')).toHaveText('Official less provisional figures, by month');
  await expect(panel.getByTestId('chart-summary')).toContainText(`Of the ${compared.length} whole months both series cover`);
  await expect(panel.getByTestId('chart-summary')).toContainText(`in ${largest.label}.`);
  // The readout names the month under the keyboard cursor.
  await panel.getByTestId('chart-frame').focus();
  await page.keyboard.press('End');
  await expect(panel.getByTestId('chart-readout')).toContainText(`${compared[compared.length - 1].label}:`);
  await panel.getByTestId('toggle-table').click();
  await expect(panel.getByTestId('data-table').locator('tbody tr')).toHaveCount(compared.length);
  expect(page.url()).toContain('table=editions');
});

test('the Sources view lists the changelog kept with the data, newest first', async ({ openApp, page }) => {
  await openApp('v=1&tab=sources');
  const entries = (dataset.changelog ?? []) as { date: string; summary: string }[];
  const changelog = page.getByTestId('changelog');
  if (entries.length === 0) {
    await expect(changelog).toContainText('This file keeps no changelog');
    return;
  }
  const newest = [...entries].sort((left, right) => right.date.localeCompare(left.date))[0];
  await expect(changelog.locator('li').first()).toContainText(newest.summary);
  await expect(changelog.locator('li')).toHaveCount(entries.length);
});
