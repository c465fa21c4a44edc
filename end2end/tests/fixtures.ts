// Shared fixtures: open the app in either edition, and fail on console errors or (offline) any request.
import { test as base, expect, type Page } from '@playwright/test';
import { pathToFileURL } from 'node:url';

export type Edition = 'hosted' | 'offline';

type Fixtures = {
  edition: Edition;
  /** Opens the app with an optional URL fragment (without '#') and waits for the dataset to show. */
  openApp: (fragment?: string) => Promise<Page>;
  /** Console errors and uncaught exceptions seen so far. */
  consoleErrors: string[];
  /** Requests the offline edition attempted beyond its own file. */
  offlineRequests: string[];
};

export function appUrl(edition: Edition, fragment = ''): string {
  const hash = fragment ? `#${fragment}` : '';
  if (edition === 'hosted') {
    const base = process.env.BSE_BASE_URL;
    if (!base) throw new Error('BSE_BASE_URL is not set: run the suite through `cargo xtask test`');
    return base + hash;
  }
  const file = process.env.BSE_OFFLINE_FILE;
  if (!file) throw new Error('BSE_OFFLINE_FILE is not set: run the suite through `cargo xtask test`');
  return pathToFileURL(file).href + hash;
}

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
      await page.goto(appUrl(edition, fragment));
      // Generous: the first pages of a run start cold, and on a freshly cloned two-core machine they have
      // taken over 20 s (two browsers starting side by side right after the build). Speed is measured by
      // `cargo xtask bench`, not here.
      await expect(page.getByTestId('dataset-title')).toBeVisible({ timeout: 45_000 });
      return page;
    });
  },
});

export { expect };
