// The Briefing written into the page at build time: it shows with no script at all, says that the
// explorer needs JavaScript, has the same text as the app draws, and does not move when the app takes
// over; a link to another view never shows it first. Both editions, phone and desktop widths.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { test, expect, appUrl, type Edition } from './fixtures';

/** Parts compared between the prerendered page (`data-pre`) and the app (`data-testid`). */
const COMPARED = ['dataset-title', 'tab-briefing', 'controls-summary', 'filter-summary', 'briefing-summary',
  'chart-summary', 'chart-source', 'key-numbers', 'headline-value'];
/** Parts whose place on the screen must not change when the app takes over. */
const PLACED = ['dataset-title', 'tab-briefing', 'controls', 'briefing-summary', 'chart-frame', 'key-numbers'];

/** Opens the page as it is before the app starts: the app's code never runs, the page's own first
 * script does. Hosted: the wasm is refused. Offline: a copy of the file without the app's module. */
async function beforeTheApp(browser: Browser, edition: Edition, viewport: { width: number; height: number }, fragment = ''): Promise<Page> {
  const page = await browser.newPage({ viewport });
  if (edition === 'hosted') {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(appUrl('hosted', fragment));
  } else {
    const html = readFileSync(process.env.BSE_OFFLINE_FILE!, 'utf8');
    const withoutApp = html.replace(/<script type="module">[\s\S]*?<\/script>/, '');
    expect(withoutApp.length, 'the app module was found and removed').toBeLessThan(html.length / 2);
    const copy = join(mkdtempSync(join(tmpdir(), 'bse-')), 'before-app.html');
    writeFileSync(copy, withoutApp);
    await page.goto(pathToFileURL(copy).href + (fragment ? `#${fragment}` : ''));
  }
  await expect(page.locator('[data-pre="dataset-title"]')).toBeVisible();
  return page;
}

// What shows is what `checkVisibility` says shows: the inside of a closed disclosure can still have a box
// (Chromium lays it out when asked), so a box alone does not mean it is on screen.
async function texts(page: Page, attribute: string): Promise<Record<string, string[]>> {
  return page.evaluate(([keys, attribute]) => Object.fromEntries((keys as string[]).map((key) => [key,
    [...document.querySelectorAll(`[${attribute}="${key}"]`)].filter((element) => element.checkVisibility())
      .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim())])), [COMPARED, attribute] as const);
}

async function places(page: Page, attribute: string): Promise<Record<string, number>> {
  return page.evaluate(([keys, attribute]) => Object.fromEntries((keys as string[]).map((key) => {
    const element = [...document.querySelectorAll(`[${attribute}="${key}"]`)].find((found) => found.checkVisibility());
    return [key, element ? Math.round(element.getBoundingClientRect().top + window.scrollY) : -1];
  })), [PLACED, attribute] as const);
}

test('with JavaScript off, the page shows the briefing and says the explorer needs JavaScript', async ({ browser, edition }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(appUrl(edition));
  await expect(page.locator('[data-pre="needs-javascript"]')).toBeVisible();
  await expect(page.locator('[data-pre="needs-javascript"]')).toContainText('needs JavaScript');
  await expect(page.locator('[data-pre="briefing-summary"]')).toContainText('people crossed');
  await expect(page.locator('[data-pre="chart-svg"]').first().locator('svg')).toBeVisible();
  await expect(page.locator('[data-pre="key-numbers"] tbody tr').first()).toBeVisible();
  await expect(page.locator('[data-pre^="headline-"]').first()).toBeVisible();
  // Nothing is offered that only the app can work: no tabs, filters, file picker or buttons.
  for (const part of ['[data-pre="tab-crossings"]', '[data-pre="controls"]', '[data-pre="copy-link"]', '.open-file',
    '[data-pre="toggle-table"]', '[data-pre="copy-chart-summary"]', '[data-pre="copy-row-0"]']) {
    await expect(page.locator(part).first(), part).toBeHidden();
  }
  expect(await page.locator('#bse-shell button.button').evaluateAll((buttons) =>
    buttons.filter((button) => button.checkVisibility()).length)).toBe(0);
  // The sources behind a headline figure still open, without a script.
  const sources = page.locator('[data-pre^="headline-"] details').first();
  await sources.locator('summary').click();
  await expect(sources.locator('a').first()).toBeVisible();
  await context.close();
});

/** Parts whose markup the build draws with the app's own components: compared element for element. */
const DRAWN_PARTS = ['.site-header__name', 'h1', 'p.as-of', '.data-panel', '.tabs', '.answers', '.controls',
  '.share-bar', '.lede', 'figure.chart-panel', '.key-numbers', '.headline-grid', '.site-footer'];

/** Each part's markup as a tree of tags, sorted attributes and text runs, read back to the app's own
 * names: `data-pre` as `data-testid`, ids and references to them without the build's prefix; comments,
 * empty text and empty class lists left out. */
async function drawnMarkup(page: Page, root: string): Promise<Record<string, unknown>> {
  return page.evaluate(([root, parts]) => {
    const referenceAttributes = new Set(['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-controls']);
    const unprefixed = (value: string) => value.split(/\s+/).map((id) => id.replace(/^pre-(wide-|narrow-)?/, '')).join(' ');
    const read = (node: Node): unknown => {
      if (node.nodeType === Node.TEXT_NODE) {
        return (node.textContent ?? '').replace(/\s+/g, ' ');
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return null;
      const element = node as Element;
      const attributes = [...element.attributes]
        .filter((attribute) => attribute.name !== 'style' && !(attribute.name === 'class' && attribute.value.trim() === ''))
        .map((attribute) => {
          const name = attribute.name === 'data-pre' ? 'data-testid' : attribute.name;
          const value = referenceAttributes.has(name) ? unprefixed(attribute.value) : attribute.value;
          return `${name}=${value}`;
        })
        .sort();
      // Adjacent text runs as one, as the page's parser reads them.
      const children = [...element.childNodes].map(read).filter((child) => child !== null)
        .reduce<unknown[]>((merged, child) => {
          const previous = merged[merged.length - 1];
          if (typeof child === 'string' && typeof previous === 'string') merged[merged.length - 1] = previous + child;
          else merged.push(child);
          return merged;
        }, [])
        .filter((child) => typeof child !== 'string' || child.trim() !== '');
      return [element.tagName.toLowerCase(), attributes, children];
    };
    const scope = document.querySelector(root)!;
    return Object.fromEntries((parts as string[]).map((part) => {
      const shown = [...scope.querySelectorAll(part)].find((element) => element.checkVisibility());
      return [part, shown ? read(shown) : null];
    }));
  }, [root, DRAWN_PARTS] as const);
}

test('the page before the app is drawn by the app\'s own components: each part\'s markup is the app\'s, element for element', async ({ browser, edition, openApp, page }) => {
  const viewport = { width: 1280, height: 900 };
  const before = await beforeTheApp(browser, edition, viewport);
  const prerendered = await drawnMarkup(before, '#bse-shell');
  await before.close();
  for (const part of DRAWN_PARTS) expect(prerendered[part], `${part} is in the page before the app`).not.toBeNull();
  await page.setViewportSize(viewport);
  await openApp();
  await expect(page.locator('#bse-shell')).toHaveCount(0);
  await expect(page.getByTestId('key-numbers').locator('tbody tr').first()).toBeVisible();
  await expect(page.locator('.headline-grid .headline').first()).toBeVisible();
  const drawn = await drawnMarkup(page, 'body');
  expect(drawn).toEqual(prerendered);
});

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 800 }]) {
  test(`at ${viewport.width} px the prerendered text is the app's, and nothing moves when the app takes over`, async ({ browser, edition, openApp, page }) => {
    const before = await beforeTheApp(browser, edition, viewport);
    const prerenderedTexts = await texts(before, 'data-pre');
    const prerenderedPlaces = await places(before, 'data-pre');
    await before.close();
    for (const key of ['dataset-title', 'briefing-summary', 'chart-summary', 'key-numbers', 'headline-value']) {
      expect(prerenderedTexts[key].length, `${key} is prerendered`).toBeGreaterThan(0);
    }
    await page.setViewportSize(viewport);
    await openApp();
    await expect(page.locator('#bse-shell')).toHaveCount(0);
    await expect(page.getByTestId('key-numbers').locator('tbody tr').first()).toBeVisible();
    expect(await texts(page, 'data-testid')).toEqual(prerenderedTexts);
    expect(await places(page, 'data-testid')).toEqual(prerenderedPlaces);
  });
}

test('a link to another view never shows the prerendered briefing first', async ({ browser, edition }) => {
  const page = await beforeTheApp(browser, edition, { width: 1280, height: 900 }, 'v=1&tab=crossings');
  await expect(page.locator('[data-pre="prerendered-panel"]')).toBeHidden();
  await expect(page.getByText('Loading the explorer…')).toBeVisible();
  await page.close();
});
