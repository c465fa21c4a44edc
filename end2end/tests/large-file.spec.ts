// A large valid file (80 times the bundled dataset, about 10 MB, written by `cargo xtask test`) opened on
// each view: the progress names the file and stays until the data are shown, long lists are drawn a page
// at a time, and the longest main-thread task from choosing the file until the page is idle is printed.
// Timings are reported, never asserted: `cargo xtask bench` is where speed is measured.
import { test, expect } from './fixtures';

function largeFile(): string {
  const path = process.env.BSE_LARGE_FILE;
  if (!path) throw new Error('BSE_LARGE_FILE is not set: run the suite through `cargo xtask test`');
  return path;
}

for (const view of ['briefing', 'announcements', 'funding', 'sources'] as const) {
  test(`a 10 MB file opened on the ${view} view is shown, its long lists a page at a time`, async ({ openApp, page }) => {
    test.setTimeout(120_000);
    await openApp(`v=1&tab=${view}`);
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { bseLongTasks: number[] }).bseLongTasks = seen;
      new PerformanceObserver((list) => { for (const entry of list.getEntries()) seen.push(entry.duration); })
        .observe({ type: 'longtask' });
    });
    await page.getByTestId('open-dataset').setInputFiles(largeFile());
    const progress = page.getByTestId('read-progress');
    await expect(progress).toContainText('e2e-large-dataset.json');
    await expect(page.getByTestId('opened-dataset')).toContainText('e2e-large-dataset.json', { timeout: 90_000 });
    await expect(progress).toHaveCount(0);
    await expect(page.getByTestId('what-changed')).toBeVisible({ timeout: 30_000 });
    if (view === 'announcements') {
      await expect(page.getByTestId('announcement')).toHaveCount(100);
      const more = page.getByTestId('show-more-announcements');
      await expect(more).toContainText('Show 100 more');
      await more.click();
      await expect(page.getByTestId('announcement')).toHaveCount(200);
    }
    if (view === 'funding') await expect(page.getByTestId('funding-ledger').locator('tbody tr')).toHaveCount(100);
    if (view === 'sources') {
      await expect(page.getByTestId('source-list').locator('li')).toHaveCount(100);
      // Thousands of months where the editions differ: a table drawn 500 rows at a time.
      const rows = page.getByTestId('edition-differences').locator('tbody tr');
      await expect(rows).toHaveCount(500);
      await page.getByTestId('edition-differences').getByTestId('show-more-rows').click();
      await expect(rows).toHaveCount(1000);
    }
    // Idle: no long task for a second.
    let longTasks: number[] = [];
    for (let waits = 0; waits < 20; waits++) {
      const before = await page.evaluate(() => (window as unknown as { bseLongTasks: number[] }).bseLongTasks.length);
      await page.waitForTimeout(1_000);
      longTasks = await page.evaluate(() => (window as unknown as { bseLongTasks: number[] }).bseLongTasks);
      if (longTasks.length === before) break;
    }
    console.log(`large file on the ${view} view: longest main-thread task ${Math.round(Math.max(0, ...longTasks))} ms (${longTasks.length} long tasks)`);
  });
}
