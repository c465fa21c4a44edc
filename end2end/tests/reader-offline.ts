// The hosted site's data reader cut off, as on a lost connection, until a test brings it back: every
// download of it fails and is counted, so a test can check that it was asked for and what the page said.
import type { Page } from '@playwright/test';

export async function cutOffTheReader(page: Page): Promise<{ refused: () => number; reconnect: () => void }> {
  let refused = 0;
  let online = false;
  await page.route('**/reader-*.wasm', async (route) => {
    if (online) {
      await route.continue();
    } else {
      refused += 1;
      await route.abort('internetdisconnected');
    }
  });
  return { refused: () => refused, reconnect: () => { online = true; } };
}
