// Playwright configuration: every spec runs twice, against the hosted build and the offline file.
import { defineConfig } from '@playwright/test';

const chromiumPath = process.env.BSE_CHROMIUM ?? '/usr/bin/chromium';

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
      // No --allow-file-access-from-files: the offline edition must work without it.
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'hosted', use: { viewport: { width: 1280, height: 900 } } },
    { name: 'offline', use: { viewport: { width: 1280, height: 900 } } },
  ],
});
