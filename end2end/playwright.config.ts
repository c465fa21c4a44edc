// Playwright configuration: every spec runs twice, against the hosted build and the offline file.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';

export default defineConfig({
  testDir: './tests',
  // Opens both editions once first, so a cold machine's slow first start is not counted in a test.
  globalSetup: './global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // The JSON report lets `cargo xtask test` print one closing line with the counts.
  reporter: process.env.BSE_E2E_REPORT
    ? [['list'], ['json', { outputFile: process.env.BSE_E2E_REPORT }]]
    : [['list']],
  // Room for a cold first page (see openApp in tests/fixtures.ts) plus the test itself.
  timeout: 60_000,
  use: {
    launchOptions: {
      executablePath: chromiumPath,
      args: CHROMIUM_ARGS,
    },
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'hosted', use: { viewport: { width: 1280, height: 900 } } },
    { name: 'offline', use: { viewport: { width: 1280, height: 900 } } },
  ],
});
