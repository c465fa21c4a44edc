// How old the figures are, by the reader's clock (fixed here): the line under "Data as at", in both
// editions, its wording past two weeks, and its place kept so nothing moves when the app writes it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { test } from './fixtures';
import { DAY_MS, lastMs } from './dataset-sums';

const bundled = JSON.parse(readFileSync(join(__dirname, '..', '..', 'public', 'data', 'dataset.json'), 'utf8'));
/** The daily series' own source: who publishes it and where, the link past two weeks. */
const seriesSource: { url: string; publisher: string } = bundled.sources.find((source: { id: string }) =>
  bundled.crossings.daily.source_ids.includes(source.id));
const advice = `the ${seriesSource.publisher} publishes new figures weekly`;

/** Noon on the day `nDays` after the data's last day, by the reader's clock. */
const daysAfterTheData = (nDays: number) => new Date(lastMs + nDays * DAY_MS + 12 * 3_600_000);

test('a week after the last day the page says how old the figures are, and no more', async ({ page, openApp }) => {
  await page.clock.setFixedTime(daysAfterTheData(7));
  await openApp();
  const age = page.getByTestId('data-age');
  await expect(age).toHaveText('That is 7 days ago.');
  await expect(age.locator('a')).toHaveCount(0);
});

test('past two weeks it says the publisher puts out new figures weekly, and links there', async ({ page, openApp }) => {
  await page.clock.setFixedTime(daysAfterTheData(15));
  await openApp();
  const age = page.getByTestId('data-age');
  await expect(age).toHaveText(`That is 15 days ago; ${advice}.`);
  await expect(age.getByRole('link', { name: advice })).toHaveAttribute('href', seriesSource.url);
});

for (const viewport of [{ width: 360, height: 800 }, { width: 800, height: 720 }, { width: 1280, height: 720 }]) {
  test(`at ${viewport.width} px the longest wording fits the place kept for it, so nothing below it moves`, async ({ page, openApp }) => {
    await page.setViewportSize(viewport);
    await page.clock.setFixedTime(daysAfterTheData(1_234));
    await openApp();
    const age = page.getByTestId('data-age');
    await expect(age).toHaveText(`That is 1,234 days ago; ${advice}.`);
    // The place is kept by a minimum height: on a phone the age's own, wider the row it shares.
    const kept = await age.evaluate((element) => {
      const keeper = window.innerWidth <= 640 ? element : element.parentElement!;
      return { height: keeper.getBoundingClientRect().height, minimum: parseFloat(getComputedStyle(keeper).minHeight) };
    });
    expect(kept.minimum).toBeGreaterThan(0);
    expect(kept.height).toBeLessThanOrEqual(kept.minimum + 0.5);
  });
}

test('a clock set before the data says nothing about their age', async ({ page, openApp }) => {
  await page.clock.setFixedTime(daysAfterTheData(-3));
  await openApp();
  await expect(page.getByTestId('dataset-as-of')).toBeVisible();
  await expect(page.getByTestId('data-age')).toHaveText('');
});
