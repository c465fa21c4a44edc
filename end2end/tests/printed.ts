// The page printed to PDF as the browser prints it (A4 from the page's own @page rule), read back page
// by page with poppler's pdftotext, as a reader of the paper would see it.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';

/** The text of each printed page, whitespace runs made single spaces. */
export async function printedPages(page: Page, testInfo: TestInfo, name = 'printed.pdf'): Promise<string[]> {
  const path = testInfo.outputPath(name);
  writeFileSync(path, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const text = execFileSync('/usr/bin/pdftotext', [path, '-']).toString('utf8');
  return text.split('\f').map((pageText) => pageText.replace(/\s+/g, ' ').trim()).filter((pageText) => pageText !== '');
}
