// Where sources differ: every other value the dataset holds is listed in the Sources view beside the
// value used, in both editions; what is expected is read from the bundled dataset.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { thousands } from './dataset-sums';

type Alternative = { people?: number; boats?: number; value?: string | number; source_ids: string[] };
type Row = { year?: number; month?: string; people: number; boats: number; alternatives?: Alternative[] };
type Series = { id: string; rows: Row[] };
type RecordWithOthers = { id: string; alternatives?: Alternative[] };

const dataset = JSON.parse(readFileSync(join(__dirname, '..', '..', 'public', 'data', 'dataset.json'), 'utf8'));
const crossings = dataset.crossings as { annual: Series[]; monthly: Series[] };
const rowsWithOthers = (series: Series[]) =>
  series.flatMap((one) => one.rows.filter((row) => (row.alternatives ?? []).length > 0).map((row) => ({ series: one.id, row })));
const recordsWithOthers = (records: RecordWithOthers[]) => records.filter((record) => (record.alternatives ?? []).length > 0);

const annualRows = rowsWithOthers(crossings.annual);
const expectedCount = annualRows.length + rowsWithOthers(crossings.monthly).length
  + recordsWithOthers(dataset.announcements).length + recordsWithOthers(dataset.funding).length
  + recordsWithOthers(dataset.figures).length;

test('the Sources view lists every value other sources give differently, beside the value used', async ({ openApp, page }) => {
  expect(expectedCount, 'the dataset holds other values').toBeGreaterThan(0);
  await openApp('v=1&tab=sources');
  const list = page.getByTestId('source-differences');
  await expect(list.locator(':scope > li')).toHaveCount(expectedCount);
  // An official year: its own counts, then each other source's people (and boats where given).
  const { series, row } = annualRows[0];
  const item = list.locator(`li[data-record="${series} ${row.year}"]`);
  await expect(item.getByTestId('difference-used')).toContainText(`${thousands(row.people)} people and ${thousands(row.boats)} boats`);
  const others = item.locator('.difference__others li');
  await expect(others).toHaveCount(row.alternatives!.length);
  for (const [idx, other] of row.alternatives!.entries()) {
    const counted = [other.people !== undefined ? `${thousands(other.people)} people` : '',
      other.boats !== undefined ? `${thousands(other.boats)} boats` : ''].filter(Boolean).join(' and ');
    await expect(others.nth(idx)).toContainText(counted);
  }
});

test('an announcement shows the dates other sources give under it', async ({ openApp, page }) => {
  const [announcement] = recordsWithOthers(dataset.announcements);
  test.skip(!announcement, 'no announcement has another date');
  await openApp(`v=1&tab=announcements&item=${announcement.id}`);
  const item = page.locator(`#announcement-${announcement.id}`);
  const [year, month, day] = String(announcement.alternatives![0].value).split('-');
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const shown = day ? `${Number(day)} ${months[Number(month) - 1]} ${year}` : `${months[Number(month) - 1]} ${year}`;
  await expect(item).toContainText(`gives ${shown}`);
});
