// Periods cut by the date range, the last partial week and one-day ranges, read from table, summary and
// readout in both editions. Expectations are summed here from the bundled dataset's daily series.
import { test, expect } from './fixtures';
import { DAY_MS, dayMonth, dayMonthYear, daily, iso, lastMs, people, thousands } from './dataset-sums';

test('a range that cuts months counts only its days, in table, summary and readout', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings&from=2024-07-05&to=2025-07-04&table=crossings');
  const rows = page.getByTestId('data-table').locator('tbody tr');
  await expect(rows).toHaveCount(13);
  await expect(rows.first().locator('th, td').nth(0)).toHaveText('July 2024 (5–31 July)');
  await expect(rows.first().locator('th, td').nth(2)).toHaveText(thousands(people('2024-07-05', '2024-07-31')));
  await expect(rows.last().locator('th, td').nth(0)).toHaveText('July 2025 (1–4 July)');
  await expect(rows.last().locator('th, td').nth(2)).toHaveText(thousands(people('2025-07-01', '2025-07-04')));
  const summary = page.getByTestId('chart-summary');
  await expect(summary).toContainText(
    `From 5 July 2024 to 4 July 2025, ${thousands(people('2024-07-05', '2025-07-04'))} people crossed`);
  await expect(summary).toContainText(`the latest whole month, June 2025, had ${thousands(people('2025-06-01', '2025-06-30'))} people`);
  await expect(page.getByTestId('chart-crossings')).toContainText('5 July 2024 to 4 July 2025');
  await page.getByTestId('toggle-table').click();
  await page.getByTestId('chart-frame').focus();
  await page.keyboard.press('Home');
  // The readout also names the announcements marked in the month, after the figure.
  await expect(page.getByTestId('chart-readout')).toHaveText(new RegExp(
    `^July 2024 \\(5–31 July\\): ${thousands(people('2024-07-05', '2024-07-31'))} people \\(partial month: 27 of 31 days\\) \\(provisional, Home Office\\)( Marked: 1\\. .+)?$`));
});

test('a one-day range by year counts that day only', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings&from=2022-09-03&to=2022-09-03&period=year&table=crossings');
  const rows = page.getByTestId('data-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  const day = thousands(people('2022-09-03', '2022-09-03'));
  await expect(rows.first().locator('th, td').nth(0)).toHaveText('2022 (3 September)');
  await expect(rows.first().locator('th, td').nth(2)).toHaveText(day);
  await expect(page.getByTestId('chart-summary')).toContainText(`On 3 September 2022, ${day} people crossed`);
  await expect(page.getByTestId('chart-summary')).toContainText('No whole year lies inside these dates');
  await page.getByTestId('toggle-table').click();
  await page.getByTestId('chart-frame').focus();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('chart-readout')).toContainText(`2022 (3 September): ${day} people (partial year: 1 of 365 days)`);
});

test('the weekly view runs to the last day of data, its last week partial', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings&period=week&table=crossings');
  // The Sunday that ends the last day's week (1 January 1970 was a Thursday: day 3 counted from Monday).
  const weekday = (Math.floor(lastMs / DAY_MS) + 3) % 7;
  const sundayMs = lastMs + (6 - weekday) * DAY_MS;
  const mondayMs = sundayMs - 6 * DAY_MS;
  const lastWeekPeople = thousands(people(iso(mondayMs), iso(lastMs)));
  const days = new Date(mondayMs).getUTCMonth() === new Date(lastMs).getUTCMonth()
    ? `${new Date(mondayMs).getUTCDate()}–${dayMonth(lastMs)}`
    : `${dayMonth(mondayMs)}–${dayMonth(lastMs)}`;
  const label = weekday === 6 ? `Week ending ${dayMonthYear(sundayMs)}` : `Week ending ${dayMonthYear(sundayMs)} (${days})`;
  const rows = page.getByTestId('data-table').locator('tbody tr');
  await expect(rows.last().locator('th, td').nth(0)).toHaveText(label);
  await expect(rows.last().locator('th, td').nth(2)).toHaveText(lastWeekPeople);
  const all = thousands(people(daily.first_date, iso(lastMs)));
  await expect(page.getByTestId('chart-summary')).toContainText(`${all} people crossed`);
  await page.getByTestId('toggle-table').click();
  await page.getByTestId('chart-frame').focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('chart-readout')).toContainText(`${label}: ${lastWeekPeople} people`);
});
