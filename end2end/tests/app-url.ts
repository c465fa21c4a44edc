// The address of the app in each edition: the hosted build over HTTP, the offline file from disk.
import { pathToFileURL } from 'node:url';

export type Edition = 'hosted' | 'offline';

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
