import { chromium } from '@playwright/test';
const [url, selector, out, width, height, extra, extra2] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height ?? 900) } });
await page.goto(url);
await page.waitForSelector('[data-testid="tab-panel"], #tab-panel');
await page.waitForTimeout(1500);
if (extra) { await page.click(extra); await page.waitForTimeout(300); }
if (selector === 'viewport') { await page.screenshot({ path: out }); }
else {
  const el = page.locator(selector).first();
  await el.scrollIntoViewIfNeeded();
  const top = await el.evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  const h = await el.evaluate((e) => e.getBoundingClientRect().height);
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: Math.max(0, top - 110), width: Number(width), height: Math.min(h + 120, Number(extra2 ?? 1600)) } });
}
await browser.close();
