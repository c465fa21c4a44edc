// Shared fixtures: open the app in either edition, and fail on console errors or (offline) any request.
import { test as base, expect, type Page } from '@playwright/test';
import { appUrl, type Edition } from './app-url';
import { SLOW_START_MS, startUpReport } from './start-up-report';

export { appUrl, type Edition };

type Fixtures = {
  edition: Edition;
  /** Opens the app with an optional URL fragment (without '#') and waits for the dataset to show. */
  openApp: (fragment?: string) => Promise<Page>;
  /** Console errors and uncaught exceptions seen so far. */
  consoleErrors: string[];
  /** Requests the offline edition attempted beyond its own file. */
  offlineRequests: string[];
};

export const test = base.extend<Fixtures>({
  edition: async ({}, use, testInfo) => {
    await use(testInfo.project.name as Edition);
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await use(errors);
  },
  offlineRequests: async ({ page, edition }, use) => {
    const attempted: string[] = [];
    if (edition === 'offline') {
      const ownFile = appUrl('offline').split('#')[0];
      await page.context().setOffline(true);
      // Every request but the file itself is aborted and counted.
      await page.route('**/*', (route) => {
        const url = route.request().url().split('#')[0];
        if (url === ownFile) return route.continue();
        attempted.push(url);
        return route.abort();
      });
      page.on('request', (request) => {
        const url = request.url().split('#')[0];
        if (url !== ownFile && !url.startsWith('data:') && !attempted.includes(url)) attempted.push(url);
      });
    }
    await use(attempted);
    expect(attempted, 'the offline edition must not request anything').toEqual([]);
  },
  openApp: async ({ page, edition, consoleErrors, offlineRequests }, use) => {
    void consoleErrors;
    void offlineRequests;
    await use(async (fragment = '') => {
      const startedAt = Date.now();
      await page.goto(appUrl(edition, fragment));
      // Generous: speed is measured by `cargo xtask bench`, not here. The suite's global set-up has
      // already opened both editions once, so a cold machine's first start is not counted here.
      try {
        await expect(page.getByTestId('dataset-title')).toBeVisible({ timeout: 45_000 });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`${message}\n\nWhat the page had done:\n${await startUpReport(page)}`);
      }
      const startMs = Date.now() - startedAt;
      if (startMs > SLOW_START_MS) {
        console.log(`slow start (${startMs} ms) of ${edition} #${fragment}:\n${await startUpReport(page)}`);
      }
      return page;
    });
  },
});

export { expect };
