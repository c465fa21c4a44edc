// axe-core on every view, in both editions, with and without an open table.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

const views = [
  'v=1&tab=briefing',
  'v=1&tab=briefing&bperiod=year&table=briefing-crossings',
  'v=1&tab=briefing&cmp=election',
  'v=1&tab=crossings&cmp=typed&afrom=2024-01-01&ato=2024-01-31&bfrom=2025-01-01',
  'v=1&tab=crossings',
  'v=1&tab=crossings&table=crossings',
  'v=1&tab=crossings&yoy=1',
  'v=1&tab=funding',
  'v=1&tab=announcements&q=summit',
  'v=1&tab=sources',
  'v=1&tab=sources&table=editions',
];

for (const fragment of views) {
  test(`no axe violations: ${fragment}`, async ({ openApp, page }) => {
    await openApp(fragment);
    await page.getByTestId('tab-panel').waitFor();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const summary = results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect(summary).toEqual([]);
  });
}
