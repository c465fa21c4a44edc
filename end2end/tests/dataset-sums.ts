// Sums of the bundled dataset's daily series, so browser tests compute what they expect rather than
// typing in figures a data update would change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const datasetPath = join(__dirname, '..', '..', 'public', 'data', 'dataset.json');
const bundled = JSON.parse(readFileSync(datasetPath, 'utf8'));
/** The bundled dataset's as-of date, YYYY-MM-DD. */
export const asOf = bundled.as_of as string;
export const daily = bundled.crossings.daily as {
  first_date: string;
  people: number[];
  boats: number[];
};
export const DAY_MS = 86_400_000;
export const firstMs = Date.parse(`${daily.first_date}T00:00:00Z`);
export const lastMs = firstMs + (daily.people.length - 1) * DAY_MS;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** People, or boats, from `from` to `to` (YYYY-MM-DD, both included), by plain addition over the days. */
export function sum(from: string, to: string, field: 'people' | 'boats' = 'people'): number {
  const fromIdx = Math.max(0, (Date.parse(`${from}T00:00:00Z`) - firstMs) / DAY_MS);
  const toIdx = Math.min(daily.people.length - 1, (Date.parse(`${to}T00:00:00Z`) - firstMs) / DAY_MS);
  let total = 0;
  for (let idx = fromIdx; idx <= toIdx; idx++) total += daily[field][idx];
  return total;
}

export const people = (from: string, to: string) => sum(from, to, 'people');
export const thousands = (count: number) => count.toLocaleString('en-GB');
export const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const dayMonth = (ms: number) => `${new Date(ms).getUTCDate()} ${MONTHS[new Date(ms).getUTCMonth()]}`;
export const dayMonthYear = (ms: number) => `${dayMonth(ms)} ${new Date(ms).getUTCFullYear()}`;
/** Each calendar year the daily series touches, with its people. */
export function peopleByYear(): { year: number; people: number }[] {
  const years: { year: number; people: number }[] = [];
  for (let year = new Date(firstMs).getUTCFullYear(); year <= new Date(lastMs).getUTCFullYear(); year++) {
    years.push({ year, people: people(`${year}-01-01`, `${year}-12-31`) });
  }
  return years;
}
