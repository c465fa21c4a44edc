// One citation format wherever something is copied: the claim, each source in full, the link to the
// view and the day it was read. Checked from what the page offered to the clipboard, in both editions.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { asOf, dayMonthYear, lastMs } from './dataset-sums';

/** Records every text the page offers to the clipboard (readable in both editions, unlike the clipboard). */
async function recordCopies(page: Page) {
  await page.addInitScript(() => {
    const copied: string[] = [];
    (window as unknown as { bseCopied: string[] }).bseCopied = copied;
    const original = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text: string) => {
      copied.push(text);
      return original(text);
    };
  });
}

async function lastCopied(page: Page): Promise<string> {
  await expect.poll(() => page.evaluate(() => (window as unknown as { bseCopied: string[] }).bseCopied.length)).toBeGreaterThan(0);
  return page.evaluate(() => {
    const copied = (window as unknown as { bseCopied: string[] }).bseCopied;
    return copied[copied.length - 1];
  });
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
function today(): string {
  const now = new Date();
  return `${now.getDate()} ${MONTHS[now.getMonth()]} ${now.getFullYear()}`;
}

/** What a citation says of the data's freshness: the dataset's date and the last day of crossings. */
const FRESHNESS = `(data as at ${dayMonthYear(Date.parse(`${asOf}T00:00:00Z`))}, crossings to ${dayMonthYear(lastMs)})`;

/** Where the citation says the view was read, for each edition (the test builds have no public address). */
function placeRead(edition: string, fragment: string): string {
  return edition === 'hosted' ? `${process.env.BSE_BASE_URL}#${fragment}` : 'an offline copy';
}

test('a headline figure copies with its source in full, the view and the day', async ({ openApp, page, edition }) => {
  await recordCopies(page);
  await openApp('v=1&tab=briefing');
  await page.getByTestId('copy-bsc-staff-to-be-recruited').click();
  const copied = await lastCopied(page);
  expect(copied).toMatch(/^[\d,]+ Border Security Command staff to be recruited \(announced [^)]+\)\. Source: /);
  expect(copied).toMatch(/Source: [^,]+, “[^”]+”, [^,]+, https:\/\/[^ ]+\. /);
  expect(copied.endsWith(`Border Security Briefing Explorer ${FRESHNESS}, ${placeRead(edition, 'v=1&tab=briefing')}, accessed ${today()}.`)).toBe(true);
});

test('a chart summary and a comparison copy in the same format, with the link to the exact view', async ({ openApp, page, edition }) => {
  await recordCopies(page);
  await openApp('v=1&tab=crossings&period=year');
  await page.getByTestId('copy-chart-summary').first().click();
  let copied = await lastCopied(page);
  const summary = await page.getByTestId('chart-summary').first().textContent();
  expect(copied.startsWith(`${summary} Source: Home Office, “Migrants detected crossing the English Channel in small boats`)).toBe(true);
  expect(copied.endsWith(`Border Security Briefing Explorer ${FRESHNESS}, ${placeRead(edition, 'v=1&tab=crossings&period=year')}, accessed ${today()}.`)).toBe(true);
  await page.getByTestId('option-compare').selectOption('launch');
  await page.getByTestId('copy-comparison').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { bseCopied: string[] }).bseCopied.length)).toBe(2);
  copied = await lastCopied(page);
  expect(copied).toMatch(/; provisional figures\. Source: Home Office, “Migrants detected/);
  expect(copied).toContain(`, ${placeRead(edition, 'v=1&tab=crossings&period=year&cmp=launch')}, accessed ${today()}.`);
});

test('an announcement has a link of its own that opens it in view and focused, and copies as a citation', async ({ openApp, page, edition }) => {
  await recordCopies(page);
  await openApp('v=1&tab=crossings');
  // A marker's list entry opens the announcement, in view, with focus on it.
  const firstMarked = page.getByTestId('event-list').locator('li button').first();
  const title = (await firstMarked.textContent())!.trim();
  await firstMarked.click();
  const focused = page.locator('[data-testid="announcement"]:focus');
  await expect(focused).toHaveCount(1);
  await expect(focused.locator('h4')).toHaveText(title);
  await expect(focused).toBeInViewport();
  const ownLink = await focused.getByTestId('announcement-link').getAttribute('href');
  expect(ownLink).toMatch(/^#v=1&tab=announcements&item=[\w-]+$/);
  await focused.getByTestId('copy-announcement').click();
  const copied = await lastCopied(page);
  expect(copied).toContain(`: ${title.replace(/\.$/, '')}. `);
  expect(copied).toMatch(/ Sources?: [^.]+, “/);
  expect(copied.endsWith(`Border Security Briefing Explorer ${FRESHNESS}, ${placeRead(edition, ownLink!.slice(1))}, accessed ${today()}.`)).toBe(true);
  // Opened from its link alone, on a new page, it is in view and focused too.
  await page.goto('about:blank');
  await openApp(ownLink!.slice(1));
  await expect(page.locator('[data-testid="announcement"]:focus h4')).toHaveText(title);
});

test('a funding row has a link of its own and a citation', async ({ openApp, page, edition }) => {
  await recordCopies(page);
  await openApp('v=1&tab=funding');
  const lastRow = page.getByTestId('funding-ledger').locator('tbody tr').last();
  const ownLink = await lastRow.getByTestId('funding-link').getAttribute('href');
  expect(ownLink).toMatch(/^#v=1&tab=funding&item=[\w-]+$/);
  await lastRow.getByTestId('copy-funding').click();
  const copied = await lastCopied(page);
  expect(copied).toMatch(/^(Up to |Nearly )?£[\d.,]+( million)?( a year)? for .+, announced .+\. How it is counted: .+ Sources?: /);
  expect(copied.endsWith(`${placeRead(edition, ownLink!.slice(1))}, accessed ${today()}.`)).toBe(true);
  await page.goto('about:blank');
  await openApp(ownLink!.slice(1));
  await expect(page.locator('[data-testid="funding-ledger"] tr:focus')).toHaveCount(1);
  await expect(page.locator('[data-testid="funding-ledger"] tr:focus')).toBeInViewport();
});

test('every figure in the dataset has a home among the key facts, by topic and date, each citable', async ({ openApp, page, edition }) => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const dataset = JSON.parse(readFileSync(join(__dirname, '..', '..', 'public', 'data', 'dataset.json'), 'utf8'));
  await recordCopies(page);
  await openApp('v=1&tab=briefing');
  const facts = page.getByTestId('key-facts');
  // The newest few first; all on asking.
  await expect(facts.getByTestId('fact')).toHaveCount(Math.min(6, dataset.figures.length));
  await facts.getByTestId('show-all-facts').click();
  await expect(facts.getByTestId('fact')).toHaveCount(dataset.figures.length);
  await expect(facts.getByTestId('key-facts-summary')).toHaveText(`${dataset.figures.length} figures in these dates, newest first.`);
  // A topic narrows the list, and the link keeps it.
  await page.getByTestId('option-fact-topic').selectOption('deaths');
  expect(page.url()).toContain('topic=deaths');
  const deathFacts = facts.getByTestId('fact');
  const nDeaths = await deathFacts.count();
  expect(nDeaths).toBeGreaterThan(0);
  expect(nDeaths).toBeLessThan(dataset.figures.length);
  for (let factIdx = 0; factIdx < nDeaths; factIdx++) await expect(deathFacts.nth(factIdx)).toContainText(/death/i);
  await deathFacts.first().getByTestId('copy-fact').click();
  const copied = await lastCopied(page);
  expect(copied).toMatch(/^[^:]+: .+ \(.+\)\. Sources?: .+, accessed /);
  const ownLink = await deathFacts.first().getByTestId('fact-link').getAttribute('href');
  expect(ownLink).toMatch(/^#v=1&tab=briefing&item=[\w-]+$/);
  expect(copied).toContain(`${placeRead(edition, ownLink!.slice(1))}, accessed`);
  const label = await deathFacts.first().locator('.fact__value').textContent();
  await page.goto('about:blank');
  await openApp(ownLink!.slice(1));
  await expect(page.locator('[data-testid="fact"]:focus .fact__value')).toHaveText(label!);
  await expect(page.locator('[data-testid="fact"]:focus')).toBeInViewport();
});

test('no path on the reader\'s disk leaves an offline copy: its link button says why it has none, and citations say "an offline copy"', async ({ openApp, page, edition }) => {
  test.skip(edition === 'hosted', 'the site has a web address of its own');
  await recordCopies(page);
  await openApp('v=1&tab=briefing');
  await page.getByTestId('copy-link').click();
  await expect(page.locator('.share-bar [role="status"]').first()).toContainText('has no link to share');
  await page.getByTestId('copy-year-to-date').click();
  await page.getByTestId('key-numbers').getByTestId('copy-row-0').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { bseCopied: string[] }).bseCopied.length)).toBe(2);
  const copied = await page.evaluate(() => (window as unknown as { bseCopied: string[] }).bseCopied);
  for (const text of copied) {
    expect(text).not.toContain('file:');
    expect(text).toContain(', an offline copy, accessed ');
  }
});
