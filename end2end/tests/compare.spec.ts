// Comparing periods on the Briefing: a preset, two typed periods and a period that cannot be compared,
// driven through the controls in both editions. Expectations are summed from the dataset.
import { test, expect } from './fixtures';
import { people, thousands } from './dataset-sums';

async function setDate(page: import('@playwright/test').Page, testId: string, value: string) {
  await page.getByTestId(testId).fill(value);
  await page.getByTestId(testId).dispatchEvent('change');
}

test('a preset compares the 12 months either side of the launch, and the link keeps it', async ({ openApp, page }) => {
  await openApp();
  await page.getByTestId('option-compare').selectOption('launch');
  const compare = page.getByTestId('compare');
  const rows = compare.getByTestId('data-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText(thousands(people('2023-07-05', '2024-07-04')));
  await expect(rows.nth(1).locator('td').nth(1)).toHaveText(thousands(people('2024-07-05', '2025-07-04')));
  await expect(compare.getByTestId('compare-sentence')).toContainText(
    `from 5 July 2024 to 4 July 2025 (the 12 months from the Command's launch; ${thousands(people('2024-07-05', '2025-07-04'))} in 365 days)`);
  await expect(compare.getByTestId('compare-sentence')).toContainText('Provisional figures: Home Office');
  expect(page.url()).toContain('cmp=launch');
});

test('two typed periods are compared, and a period that ends before it starts is explained', async ({ openApp, page }) => {
  await openApp('v=1&tab=briefing');
  await page.getByTestId('option-compare').selectOption('typed');
  await setDate(page, 'compare-a-from', '2023-01-01');
  await setDate(page, 'compare-a-to', '2023-03-31');
  await setDate(page, 'compare-b-from', '2025-01-01');
  await setDate(page, 'compare-b-to', '2025-03-31');
  const compare = page.getByTestId('compare');
  const [before, after] = [people('2023-01-01', '2023-03-31'), people('2025-01-01', '2025-03-31')];
  await expect(compare.getByTestId('compare-sentence')).toContainText(
    `${thousands(after)} people crossed from 1 January 2025 to 31 March 2025, against ${thousands(before)} from 1 January 2023 to 31 March 2023`);
  expect(page.url()).toContain('cmp=typed&afrom=2023-01-01&ato=2023-03-31&bfrom=2025-01-01&bto=2025-03-31');
  await setDate(page, 'compare-a-to', '2022-12-01');
  await expect(compare.getByTestId('compare-problem')).toHaveText('The period from 1 January 2023 to 1 December 2022 ends before it starts.');
  await expect(page.getByTestId('key-numbers').locator('tbody tr').first()).toBeVisible();
  await page.getByTestId('option-compare').selectOption('none');
  await expect(compare.getByTestId('compare-problem')).toHaveCount(0);
  expect(page.url()).not.toContain('cmp=');
});

test('the Crossings view compares too, from the same link state, and the chart options leave it alone', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings&cmp=election');
  const compare = page.getByTestId('compare');
  await expect(page.getByTestId('option-compare')).toHaveValue('election');
  await expect(compare.getByTestId('compare-sentence')).toContainText('Provisional figures: Home Office');
  const sentence = await compare.getByTestId('compare-sentence').textContent();
  await page.getByTestId('option-period').selectOption('year');
  await expect(compare.getByTestId('compare-sentence')).toHaveText(sentence ?? '');
  await page.getByTestId('option-compare').selectOption('typed');
  await setDate(page, 'compare-a-from', '2024-01-01');
  await setDate(page, 'compare-a-to', '2024-01-31');
  await setDate(page, 'compare-b-from', '2025-01-01');
  await setDate(page, 'compare-b-to', '2025-01-31');
  await expect(compare.getByTestId('compare-sentence')).toContainText(
    `${thousands(people('2025-01-01', '2025-01-31'))} people crossed from 1 January 2025 to 31 January 2025, against ${thousands(people('2024-01-01', '2024-01-31'))}`);
  await page.getByRole('tab', { name: 'Briefing' }).click();
  await expect(page.getByTestId('compare-a-from')).toHaveValue('2024-01-01');
});
