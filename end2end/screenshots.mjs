// Takes screenshots of views at phone and desktop widths, hosted and offline: node screenshots.mjs OUT_DIR [fragment…]
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [outDir = 'screenshots', ...fragments] = process.argv.slice(2);
const views = fragments.length ? fragments : [''];
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.BSE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const editions = {
  hosted: process.env.BSE_BASE_URL,
  offline: process.env.BSE_OFFLINE_FILE && pathToFileURL(process.env.BSE_OFFLINE_FILE).href,
};
const sizes = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 900 } };
for (const [edition, base] of Object.entries(editions)) {
  if (!base) continue;
  for (const [sizeName, viewport] of Object.entries(sizes)) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport, colorScheme: scheme });
      for (const fragment of views) {
        await page.goto(base + (fragment ? `#${fragment}` : ''));
        await page.getByTestId('dataset-title').waitFor();
        await page.waitForTimeout(300);
        const name = `${edition}-${sizeName}-${scheme}-${fragment.replace(/[^a-z0-9]+/gi, '_') || 'home'}.png`;
        await page.screenshot({ path: `${outDir}/${name}`, fullPage: true });
      }
      await page.close();
    }
  }
}
await browser.close();
