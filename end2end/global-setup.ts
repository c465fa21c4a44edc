// Before any test: open each edition once in one browser and wait for the app, printing how long it took.
// A cold machine's first browser start (seen at 20 to 47 s on a fresh CI clone, right after the release
// build) then happens here, with its own generous limit and a report of what the page was doing,
// instead of inside the first two tests' time limits.
import { chromium, type FullConfig } from '@playwright/test';
import { appUrl, type Edition } from './tests/app-url';
import { SLOW_START_MS, startUpReport } from './tests/start-up-report';

const WARM_UP_LIMIT_MS = 120_000;

export default async function warmUp(config: FullConfig): Promise<void> {
  const launchOptions = config.projects[0]?.use.launchOptions ?? {};
  const launchedAt = Date.now();
  const browser = await chromium.launch(launchOptions);
  const launchMs = Date.now() - launchedAt;
  try {
    for (const edition of ['hosted', 'offline'] as Edition[]) {
      const page = await browser.newPage();
      const startedAt = Date.now();
      await page.goto(appUrl(edition), { timeout: WARM_UP_LIMIT_MS });
      try {
        await page.getByTestId('dataset-title').waitFor({ state: 'visible', timeout: WARM_UP_LIMIT_MS });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`warm-up: the ${edition} edition did not start: ${message}\n${await startUpReport(page)}`);
      }
      const startMs = Date.now() - startedAt;
      console.log(`warm-up: ${edition} edition showed its title ${startMs} ms after navigation (browser launch ${launchMs} ms)`);
      if (startMs > SLOW_START_MS) console.log(await startUpReport(page));
      await page.close();
    }
  } finally {
    await browser.close();
  }
}
