// What the data and the code may be reused under, and the app's version: stated in the Sources view in
// both editions (the offline file from disk too).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';

const cargoToml = readFileSync(join(__dirname, '..', '..', 'Cargo.toml'), 'utf8');
const version = cargoToml.match(/^version = "([^"]+)"/m)![1];

test('the Sources view states the licences of the data and the code, and the app version', async ({ openApp, page }) => {
  await openApp('v=1&tab=sources');
  const licences = page.getByTestId('licences');
  await expect(licences).toContainText('Open Government Licence v3.0');
  await expect(licences).toContainText('Contains public sector information licensed under the Open Government Licence v3.0.');
  await expect(licences).toContainText('cited, never copied');
  await expect(licences).toContainText('MIT licence or the Apache License 2.0');
  await expect(page.getByTestId('app-version')).toHaveText(version);
});
