// Keyboard shortcuts, the focus ring on date boxes in both directions, "Skip to table", and the first
// screen of a phone (360 × 800) and of a laptop (1280 × 720) showing the open view's answer; both editions.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

test('number keys show the views, and never while typing in a box', async ({ openApp, page }) => {
  await openApp();
  await page.locator('body').press('2');
  await expect(page.getByTestId('tab-crossings')).toHaveAttribute('aria-selected', 'true');
  expect(page.url()).toContain('tab=crossings');
  await page.locator('body').press('5');
  await expect(page.getByTestId('tab-sources')).toHaveAttribute('aria-selected', 'true');
  await page.locator('body').press('4');
  await expect(page.getByTestId('tab-announcements')).toHaveAttribute('aria-selected', 'true');
  // Typed into the search box, "1" is text, not a shortcut.
  await page.getByTestId('filter-search').fill('');
  await page.getByTestId('filter-search').press('1');
  await expect(page.getByTestId('filter-search')).toHaveValue('1');
  await expect(page.getByTestId('tab-announcements')).toHaveAttribute('aria-selected', 'true');
  // With Ctrl held, nothing happens.
  await page.locator('body').press('Control+1');
  await expect(page.getByTestId('tab-announcements')).toHaveAttribute('aria-selected', 'true');
});

test('"/" goes to the search box: the view\'s own, or the announcements\' from a view without one', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings');
  await page.locator('body').press('/');
  await expect(page.getByTestId('tab-crossings')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('filter-search')).toBeFocused();
  await page.keyboard.type('summit');
  await expect(page.getByTestId('filter-search')).toHaveValue('summit');
  await page.getByTestId('tab-funding').click();
  await page.locator('body').press('/');
  await expect(page.getByTestId('tab-announcements')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('filter-search')).toBeFocused();
});

test('"t" shows the table of the chart in reach, and again the chart', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings');
  const panel = page.locator('#tab-panel figure.chart-panel').first();
  await expect(panel.getByTestId('chart-frame')).toBeVisible();
  await page.locator('body').press('t');
  await expect(panel.getByTestId('data-table')).toBeVisible();
  await expect(panel.locator('.chart-panel__view')).toBeFocused();
  expect(page.url()).toContain('table=');
  await page.keyboard.press('t');
  await expect(panel.getByTestId('chart-frame')).toBeVisible();
});

test('"[" and "]" move the dates by the chart\'s period', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings&period=month&from=2024-03-01&to=2024-04-30');
  await page.locator('body').press(']');
  await expect(page.getByTestId('filter-from')).toHaveValue('2024-04-01');
  await expect(page.getByTestId('filter-to')).toHaveValue('2024-05-31');
  await page.locator('body').press('[');
  await page.locator('body').press('[');
  await expect(page.getByTestId('filter-from')).toHaveValue('2024-02-01');
  await expect(page.getByTestId('filter-to')).toHaveValue('2024-03-31');
  expect(page.url()).toContain('from=2024-02-01');
});

test('"?" lists every shortcut in a dialog that Esc closes, and axe finds nothing', async ({ openApp, page }) => {
  await openApp();
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog).toBeHidden();
  await page.locator('body').press('?');
  await expect(dialog).toBeVisible();
  for (const key of ['1 to 5', '/', 't', '[', ']', '?']) {
    await expect(dialog.locator('kbd', { hasText: key }).first()).toBeVisible();
  }
  // While the list is open, other shortcuts do nothing.
  await page.keyboard.press('2');
  await expect(page.getByTestId('tab-briefing')).toHaveAttribute('aria-selected', 'true');
  const results = await new AxeBuilder({ page }).include('[data-testid="shortcuts-dialog"]').analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The link beside "Print this view" opens it too.
  await page.getByTestId('open-shortcuts').click();
  await expect(dialog).toBeVisible();
  await page.getByTestId('close-shortcuts').click();
  await expect(dialog).toBeHidden();
});

test('"Skip to table" jumps from the chart\'s buttons to its table', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings');
  const panel = page.locator('#tab-panel figure.chart-panel').first();
  // After Copy image come the image shape and Embed (on a laptop), then "Skip to table".
  await panel.getByTestId('copy-image').focus();
  await page.keyboard.press('Tab');
  await expect(panel.getByTestId('image-shape')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(panel.getByTestId('embed').locator('summary')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(panel.getByTestId('skip-to-table')).toBeFocused();
  await expect(panel.getByTestId('skip-to-table')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('data-table')).toBeVisible();
  await expect(panel.locator('.chart-panel__view')).toBeFocused();
});

test('a date box shows its focus ring reached with Tab and with Shift+Tab', async ({ openApp, page }) => {
  await openApp('v=1&tab=crossings');
  const outline = (testId: string) =>
    page.getByTestId(testId).evaluate((element) => getComputedStyle(element).outlineStyle);
  // Forwards from the selected tab: the first date box.
  await page.getByTestId('tab-crossings').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('filter-from')).toBeFocused();
  expect(await outline('filter-from')).toBe('solid');
  // Backwards from the search box: the second date box, where :focus-visible alone gave no ring.
  await page.getByTestId('filter-search').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('filter-to')).toBeFocused();
  expect(await outline('filter-to')).toBe('solid');
});

test.describe('on a phone held upright (360 × 800)', () => {
  test.use({ viewport: { width: 360, height: 800 } });

  for (const [view, fragment, first] of [
    ['Briefing', '', '[data-testid="headline-year-to-date"]'],
    ['Crossings', 'v=1&tab=crossings', '#tab-panel [data-testid="chart-frame"]'],
    ['Funding', 'v=1&tab=funding', '[data-testid="funding-bsc-total"]'],
    ['Announcements', 'v=1&tab=announcements', '[data-testid="announcement"]'],
  ] as const) {
    test(`the ${view} view's answer starts on the first screen`, async ({ openApp, page }) => {
      await openApp(fragment);
      const answer = page.locator(first).first();
      await expect(answer).toBeVisible();
      const top = await answer.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
      expect(top, `${view}: top of the answer in px`).toBeLessThan(800);
    });
  }

  test('the filters and options are one closed line saying what is set, and open on request', async ({ openApp, page }) => {
    await openApp('v=1&tab=crossings&period=week');
    const controls = page.getByTestId('controls');
    await expect(controls).not.toHaveAttribute('open', '');
    await expect(page.getByTestId('controls-summary')).toContainText('All dates · by week · people');
    await expect(page.getByTestId('filter-from')).toBeHidden();
    await page.getByTestId('controls-summary').click();
    await expect(page.getByTestId('filter-from')).toBeVisible();
    await expect(page.getByTestId('option-period')).toHaveValue('week');
    // "/" opens them when they are closed.
    await page.getByTestId('controls-summary').click();
    await expect(page.getByTestId('filter-from')).toBeHidden();
    await page.locator('body').press('/');
    await expect(page.getByTestId('filter-search')).toBeFocused();
  });

  test('the themes and actors are one closed line saying what is set, and open on request', async ({ openApp, page }) => {
    await openApp('v=1&tab=announcements');
    const facets = page.getByTestId('facets');
    await expect(facets).not.toHaveAttribute('open', '');
    await expect(page.getByTestId('facets-summary')).toContainText('All themes · anyone');
    await expect(page.getByTestId('theme-pursue')).toBeHidden();
    await page.getByTestId('facets-summary').click();
    await page.getByTestId('theme-pursue').check();
    await expect(page.getByTestId('facets-summary')).toContainText('Pursue · anyone');
    await expect(page).toHaveURL(/theme=pursue/);
  });

  test('the announcements marked on the chart list the latest few, then all on request', async ({ openApp, page }) => {
    await openApp('v=1&tab=crossings&events=1');
    const items = page.getByTestId('event-list').locator('li');
    await expect(items).toHaveCount(5);
    const showAll = page.getByTestId('show-all-events');
    const total = Number((await showAll.textContent())?.match(/\d+/)?.[0]);
    expect(total).toBeGreaterThan(5);
    await showAll.click();
    await expect(items).toHaveCount(total);
    await expect(page.getByTestId('event-list-scope')).toContainText(`All ${total} marked`);
  });
});

test.describe('on a laptop screen (1280 × 720)', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  // At least this much of the chart shows above the fold, under filters and options that stay open.
  const chartShownPx = 80;

  // (The Briefing opens with its answers above the filters: `tasks.spec.ts` checks they are on this
  // screen.)
  for (const [view, fragment] of [
    ['Crossings', 'v=1&tab=crossings'],
    ['Funding', 'v=1&tab=funding'],
  ] as const) {
    test(`the ${view} view's chart starts on the first screen, with the filters open above it`, async ({ openApp, page }) => {
      await openApp(fragment);
      await expect(page.getByTestId('filter-from')).toBeVisible();
      const chart = page.locator('#tab-panel [data-testid="chart-frame"]').first();
      await expect(chart).toBeVisible();
      const top = await chart.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
      expect(top, `${view}: top of the chart in px`).toBeLessThanOrEqual(720 - chartShownPx);
    });
  }
});
