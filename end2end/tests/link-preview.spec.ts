// The link preview of the hosted site: Open Graph and Twitter card tags that state the latest answer
// (worked out here from the dataset), and a 1,200 × 630 PNG preview that a browser decodes.
import { expect } from '@playwright/test';
import { test, appUrl } from './fixtures';
import { dayMonthYear, lastMs, people, iso, thousands } from './dataset-sums';

/** This year so far and the same days a year earlier, from the daily series. */
function yearToDate() {
  const last = new Date(lastMs);
  const year = last.getUTCFullYear();
  const sameDayLastYear = `${year - 1}${iso(lastMs).slice(4)}`;
  return {
    thisYear: people(`${year}-01-01`, iso(lastMs)),
    lastYear: people(`${year - 1}-01-01`, sameDayLastYear),
    through: dayMonthYear(lastMs),
    lastYearNumber: year - 1,
  };
}

test('the page carries preview tags that state this year so far against last year, with its source', async ({ page, edition }) => {
  test.skip(edition !== 'hosted', 'link previews are read from the published site');
  await page.goto(appUrl('hosted'));
  const meta = (selector: string) => page.locator(`head meta[${selector}]`).getAttribute('content');
  const ytd = yearToDate();
  const expected = `${thousands(ytd.thisYear)} people crossed the English Channel in small boats between 1 January and ${ytd.through}, against ${thousands(ytd.lastYear)} by the same day of ${ytd.lastYearNumber} (provisional figures). Source: Home Office.`;
  expect(await meta('property="og:description"')).toBe(expected);
  expect(await meta('name="twitter:description"')).toBe(expected);
  expect(await meta('name="twitter:card"')).toBe('summary_large_image');
  expect(await meta('property="og:title"')).toBe('Border Security Briefing Explorer');
  expect(await meta('property="og:image:width"')).toBe('1200');
  expect(await meta('property="og:image:height"')).toBe('630');
  expect(await meta('property="og:image:alt"')).toContain(`${thousands(ytd.thisYear)} people crossed in small boats, 1 January to ${ytd.through}`);
});

test('the preview image is a 1,200 × 630 PNG that the browser decodes', async ({ page, edition }) => {
  test.skip(edition !== 'hosted', 'the preview image is part of the published site');
  await page.goto(appUrl('hosted'));
  const imagePath = await page.locator('head meta[property="og:image"]').getAttribute('content');
  expect(imagePath).toBeTruthy();
  const imageUrl = new URL(imagePath!, page.url()).href;
  const response = await page.request.get(imageUrl);
  expect(response.status()).toBe(200);
  const bytes = await response.body();
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const decoded = await page.evaluate(async (url) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    // The figure's part of the image is not blank: the title's ink is there.
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const title = context.getImageData(0, 0, canvas.width, 120).data;
    let dark = 0;
    for (let idx = 0; idx < title.length; idx += 4) if (title[idx] < 100 && title[idx + 1] < 100 && title[idx + 2] < 100) dark++;
    return { width: image.naturalWidth, height: image.naturalHeight, darkTitlePixels: dark };
  }, imageUrl);
  expect(decoded.width).toBe(1200);
  expect(decoded.height).toBe(630);
  expect(decoded.darkTitlePixels, 'the title is drawn (the build had a font)').toBeGreaterThan(5_000);
});
