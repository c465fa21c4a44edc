// What a page had done while starting: printed when the app is slow to show its title, so a stalled
// start in a CI log says which stage it was stuck in (navigation, a download, or the app itself).
import type { Page } from '@playwright/test';

/** Start-up takes longer than this (ms) only when something outside the app held it up. */
export const SLOW_START_MS = 10_000;

/** A few lines: the page's state and each download with its start and duration, in ms since navigation. */
export async function startUpReport(page: Page): Promise<string> {
  try {
    const report = await page.evaluate(() => {
      const rounded = (value: number) => Math.round(value);
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const lines = [
        `document: ${document.readyState}; static title still shown: ${document.getElementById('bse-shell') !== null}; ` +
          `app title shown: ${document.querySelector('[data-testid="dataset-title"]') !== null}; ` +
          `page age ${rounded(performance.now())} ms`,
      ];
      if (navigation) {
        lines.push(
          `navigation: response ended ${rounded(navigation.responseEnd)} ms, DOM ready ${rounded(navigation.domContentLoadedEventEnd)} ms, load ${rounded(navigation.loadEventEnd)} ms`,
        );
      }
      for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        const name = entry.name.split('/').slice(-2).join('/');
        lines.push(`  ${name}: started ${rounded(entry.startTime)} ms, took ${rounded(entry.duration)} ms`);
      }
      const marks = performance.getEntriesByType('mark').map((mark) => `${mark.name} ${rounded(mark.startTime)} ms`);
      if (marks.length > 0) lines.push(`marks: ${marks.join(', ')}`);
      return lines.join('\n');
    });
    return report;
  } catch (error) {
    return `(the page could not be asked: ${error instanceof Error ? error.message : String(error)})`;
  }
}
