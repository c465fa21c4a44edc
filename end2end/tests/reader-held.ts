// A task asked of the reader's worker held back until the test lets it go, so what the page shows while
// it waits (and what it does meanwhile) is seen every time, however fast the worker is.
import type { Page } from '@playwright/test';

/** Holds every request for `task` ("changes", "data_pack", …) made after the next navigation; the
 * returned function sends them on. */
export async function holdReaderTask(page: Page, task: string): Promise<() => Promise<void>> {
  await page.addInitScript((heldTask) => {
    const held: Array<() => void> = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, ...args: any[]) {
      if (args[0]?.task === heldTask) held.push(() => post.apply(this, args as any));
      else post.apply(this, args as any);
    };
    (window as any).letTheHeldTaskGo = () => held.splice(0).forEach((send) => send());
  }, task);
  return async () => { await page.evaluate(() => (window as any).letTheHeldTaskGo()); };
}
