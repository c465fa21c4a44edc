// Downloads cut off, as on a lost connection, until a test brings them back: every download that matches
// fails and is counted, so a test can check that it was asked for and what the page said. The hosted
// site's data reader and the wasm's parts are cut off this way.
import type { Page } from '@playwright/test';

/** Every request to `url` (a glob or a pattern) refused until `reconnect()`; `refused()` counts them. */
export async function cutOff(page: Page, url: string | RegExp): Promise<{ refused: () => number; reconnect: () => void }> {
  let refused = 0;
  let online = false;
  await page.route(url, async (route) => {
    if (online) {
      await route.continue();
    } else {
      refused += 1;
      await route.abort('internetdisconnected');
    }
  });
  return { refused: () => refused, reconnect: () => { online = true; } };
}

export async function cutOffTheReader(page: Page): Promise<{ refused: () => number; reconnect: () => void }> {
  return cutOff(page, '**/reader-*.wasm');
}
