// Real tasks done as people do them, on a 360 × 800 touch screen and a 1280 × 720 laptop, in both
// editions: taps, not set-up calls; answers checked against figures worked out here from the dataset.
// The typed tasks (dates and search typed key by key, in an en-GB and an en-US browser) are in
// `typed-tasks.ts`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { dayMonth, iso, lastMs, people, thousands } from './dataset-sums';
import { printedPages } from './printed';

const PHONE = { width: 360, height: 800 };
const LAPTOP = { width: 1280, height: 720 };
const VIEWS = ['briefing', 'crossings', 'funding', 'announcements', 'sources'] as const;

const dataset = JSON.parse(readFileSync(join(__dirname, '..', '..', 'public', 'data', 'dataset.json'), 'utf8'));

/** "up 13%", "down 4%", "up less than 1%", "unchanged": the change from `earlier` to `later`. */
function changeWords(later: number, earlier: number): string {
  if (later === earlier) return 'unchanged';
  const percent = Math.round((Math.abs(later - earlier) / earlier) * 100);
  return `${later > earlier ? 'up' : 'down'} ${percent === 0 ? 'less than 1' : percent}%`;
}

/** Elements that scroll inside the page: a box whose content is taller or wider than it and scrolls. */
async function scrollBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('body *')].flatMap((element) => {
    if (!element.checkVisibility()) return [];
    const style = getComputedStyle(element);
    const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
    const tall = scrolls(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
    const wide = scrolls(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
    if (!tall && !wide) return [];
    const name = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
    return [`${name}: ${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight}`];
  }));
}

test.describe('on a phone (360 × 800, touch)', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('this year so far against the same days last year is on the first screen', async ({ openApp, page }) => {
    await openApp();
    const last = new Date(lastMs);
    const year = last.getUTCFullYear();
    const thisYear = people(`${year}-01-01`, iso(lastMs));
    const lastYear = people(`${year - 1}-01-01`, `${year - 1}${iso(lastMs).slice(4)}`);
    const card = page.getByTestId('headline-year-to-date');
    await expect(card.getByTestId('headline-value')).toHaveText(thousands(thisYear));
    const label = card.locator('.headline__label');
    await expect(label).toHaveText(`People crossing in small boats in ${year} to ${dayMonth(lastMs)}, `
      + `${changeWords(thisYear, lastYear)} on the same days of ${year - 1} (${thousands(lastYear)})`);
    await expect(card).toContainText('Provisional');
    const bottom = await label.evaluate((element) => element.getBoundingClientRect().bottom + window.scrollY);
    expect(bottom, 'the bottom of the comparison, in px').toBeLessThanOrEqual(PHONE.height);
  });

  test('the year-to-date figure copied with its citation and read back', async ({ openApp, page, edition, context }) => {
    if (edition === 'hosted') await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp();
    const card = page.getByTestId('headline-year-to-date');
    await card.getByTestId('copy-year-to-date').tap();
    await expect(card.getByRole('status')).toHaveText('Copied.');
    // Reading the clipboard back needs a permission a file:// page cannot be granted.
    if (edition === 'offline') return;
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const year = new Date(lastMs).getUTCFullYear();
    expect(copied.startsWith(`${thousands(people(`${year}-01-01`, iso(lastMs)))} people crossed the English Channel in small boats`)).toBe(true);
    expect(copied).toContain('Source: Home Office');
    expect(copied).toContain('#v=1');
  });

  test('the latest whole month against the same month a year earlier', async ({ openApp, page }) => {
    await openApp();
    const last = new Date(lastMs);
    // The latest whole month: the data's last month if it ends on its last day, else the month before.
    const lastIsMonthEnd = new Date(lastMs + 86_400_000).getUTCDate() === 1;
    const monthStart = new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth() - (lastIsMonthEnd ? 0 : 1), 1));
    const monthEnd = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 0));
    const yearEarlierStart = new Date(Date.UTC(monthStart.getUTCFullYear() - 1, monthStart.getUTCMonth(), 1));
    const yearEarlierEnd = new Date(Date.UTC(monthStart.getUTCFullYear() - 1, monthStart.getUTCMonth() + 1, 0));
    const month = people(iso(monthStart.getTime()), iso(monthEnd.getTime()));
    const yearEarlier = people(iso(yearEarlierStart.getTime()), iso(yearEarlierEnd.getTime()));
    const name = (day: Date) => `${day.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${day.getUTCFullYear()}`;
    const card = page.getByTestId('headline-latest-month');
    await expect(card.getByTestId('headline-value')).toHaveText(thousands(month));
    await expect(card.locator('.headline__label')).toHaveText(`People crossing in small boats in ${name(monthStart)}, `
      + `${changeWords(month, yearEarlier)} on ${name(yearEarlierStart)} (${thousands(yearEarlier)})`);
  });

  test('every tab is inside the screen on every view, the open one included', async ({ openApp, page }) => {
    for (const view of VIEWS) {
      await openApp(`v=1&tab=${view}`);
      const outside = await page.locator('[role="tab"]').evaluateAll((tabs) => tabs
        .map((tab) => ({ name: tab.textContent, rect: tab.getBoundingClientRect(), cut: tab.scrollWidth > tab.clientWidth }))
        .filter(({ rect, cut }) => rect.left < 0 || rect.right > window.innerWidth || rect.width === 0 || cut)
        .map(({ name }) => name));
      expect(outside, `${view}: tabs outside the screen`).toEqual([]);
      await expect(page.getByTestId(`tab-${view}`)).toBeInViewport({ ratio: 1 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${view}: page width`).toBeLessThanOrEqual(PHONE.width);
    }
  });

  test('no view has a box that scrolls inside the page, tables open included', async ({ openApp, page }) => {
    for (const fragment of ['', 'v=1&tab=crossings&table=crossings', 'v=1&tab=crossings&period=day&table=crossings',
      'v=1&tab=funding', 'v=1&tab=funding&table=funding', 'v=1&tab=announcements', 'v=1&tab=sources']) {
      await openApp(fragment);
      await page.locator('#tab-panel h2').first().waitFor({ state: 'attached' });
      // The Briefing's lower parts come in a task of their own.
      if (!fragment) await expect(page.getByTestId('compare')).toBeAttached();
      expect(await scrollBoxes(page), `#${fragment}`).toEqual([]);
    }
  });

  test('a whole year in two taps, and the chart counts that year', async ({ openApp, page }) => {
    await openApp('v=1&tab=crossings&period=year');
    await page.getByTestId('controls-summary').tap();
    await page.getByTestId('quick-range-year').selectOption('2024');
    await expect(page.getByTestId('quick-range-year')).toHaveValue('2024');
    await expect(page.getByTestId('chart-summary')).toContainText(`${thousands(people('2024-01-01', '2024-12-31'))} people crossed`);
    expect(page.url()).toContain('from=2024-01-01');
    expect(page.url()).toContain('to=2024-12-31');
    await page.getByTestId('quick-range-this-year').tap();
    const year = new Date(lastMs).getUTCFullYear();
    await expect(page.getByTestId('quick-range-this-year')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('filter-from')).toHaveValue(`${year}-01-01`);
    await expect(page.getByTestId('chart-summary')).toContainText(thousands(people(`${year}-01-01`, iso(lastMs))));
    await page.getByTestId('quick-range-all').tap();
    await expect(page.getByTestId('filter-from')).toHaveValue('');
  });

  test('the announcements search is one tap away and on the first screen', async ({ openApp, page }) => {
    await openApp('v=1&tab=announcements');
    const search = page.getByTestId('filter-search');
    await expect(search).toBeVisible();
    await expect(search).toBeInViewport({ ratio: 1 });
    await search.tap();
    await expect(search).toBeFocused();
  });

  test('the Command\'s funding total and what it is for', async ({ openApp, page }) => {
    await openApp();
    await page.getByTestId('tab-funding').tap();
    // New one-off money for the Command, each pound once: not a yearly rate, not a total or repeat of others.
    const counted = dataset.funding.filter((record: { for_bsc: boolean; amount_is_per_year: boolean; relation: { kind: string } }) =>
      record.for_bsc && !record.amount_is_per_year && record.relation.kind === 'new');
    const totalMillions = counted.reduce((sum: number, record: { amount_gbp: number }) => sum + record.amount_gbp, 0) / 1e6;
    await expect(page.getByTestId('funding-bsc-total')).toContainText(`£${totalMillions.toLocaleString('en-GB')} million`);
    await expect(page.getByTestId('funding-bsc-total')).toBeInViewport();
    const ledger = page.getByTestId('funding-ledger');
    for (const record of counted) {
      await expect(ledger.locator(`#funding-${record.id}`)).toContainText(record.purpose.slice(0, 40));
      await expect(ledger.locator(`#funding-${record.id}`)).toContainText('Yes');
    }
  });

  test('12 months either side of the launch, chosen by tapping', async ({ openApp, page }) => {
    await openApp();
    await page.getByTestId('option-compare').selectOption('launch');
    const sentence = page.getByTestId('compare-sentence');
    await expect(sentence).toContainText(thousands(people('2023-07-05', '2024-07-04')));
    await expect(sentence).toContainText(thousands(people('2024-07-05', '2025-07-04')));
  });
});

test.describe('on a laptop (1280 × 720)', () => {
  test.use({ viewport: LAPTOP });

  test('this year so far and its comparison are on the first screen', async ({ openApp, page }) => {
    await openApp();
    const label = page.getByTestId('headline-year-to-date').locator('.headline__label');
    await expect(label).toBeVisible();
    const bottom = await label.evaluate((element) => element.getBoundingClientRect().bottom + window.scrollY);
    expect(bottom).toBeLessThanOrEqual(LAPTOP.height);
  });

  test('a range typed as quick ranges, then printed: the answers, the range and the link on paper', async ({ openApp, page, edition }, testInfo) => {
    await openApp();
    await page.getByTestId('quick-range-year').selectOption('2025');
    await expect(page.getByTestId('filter-summary')).toHaveText('Showing 1 January 2025 to 31 December 2025.');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('headline-year-to-date')).toBeVisible();
    await expect(page.getByTestId('quick-ranges')).toBeHidden();
    await expect(page.getByTestId('briefing-summary')).toContainText(
      `${thousands(people('2025-01-01', '2025-12-31'))} people crossed`);
    const pages = await printedPages(page, testInfo);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages[0]).toContain('From 1 January 2025 to 31 December 2025, ');
    // Every page's footer gives the view's address on the site, with the range chosen.
    for (const text of pages) {
      expect(text).toContain(edition === 'hosted' ? 'from=2025-01-01&to=2025-12-31' : 'printed from an offline copy');
    }
  });

  test('the chart shows its focus ring whole, light and dark', async ({ openApp, page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await openApp('v=1&tab=crossings');
      const frame = page.locator('#tab-panel [data-testid="chart-frame"]').first();
      await frame.focus();
      await page.keyboard.press('Home');
      const ring = await frame.evaluate((element) => {
        const style = getComputedStyle(element);
        const clip = element.closest('.chart-scroll')!.getBoundingClientRect();
        const rect = element.getBoundingClientRect();
        // The ring: the outline and the shadow around it.
        const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset)
          + (parseFloat(style.boxShadow.match(/0px 0px 0px (\d+)px/)?.[1] ?? '0'));
        return { style: style.outlineStyle, reach, inside: rect.left - reach >= clip.left - 0.5 && rect.right + reach <= clip.right + 0.5
          && rect.top - reach >= clip.top - 0.5 && rect.bottom + reach <= clip.bottom + 0.5 };
      });
      expect(ring.style, colorScheme).toBe('solid');
      expect(ring.reach, colorScheme).toBeGreaterThan(0);
      expect(ring.inside, `${colorScheme}: the ring lies inside the box that would clip it`).toBe(true);
    }
  });
});
