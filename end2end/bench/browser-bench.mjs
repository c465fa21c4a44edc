// Browser benchmarks: navigation to first chart (hosted and offline), start-up blocking time at 4x CPU
// slowdown, opening each larger file, filter-change latency (a measure on Crossings, the dates on every
// view with date filters) and memory at 1x, 10x, 100x and the largest
// file the size limit allows (opened on every view too). Prints JSON on stdout. Run by `cargo xtask bench`; timings are reported, never asserted.
import { chromium } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import { statSync } from 'node:fs';

const base = process.env.BSE_BASE_URL;
const offlineUrl = pathToFileURL(process.env.BSE_OFFLINE_FILE).href;
const datasets = JSON.parse(process.env.BSE_BENCH_DATASETS); // [{ factor, path }]
const N_LOADS = 5;
// Memory is read after the first 50 timed changes; latency is taken over all 200, so that its p95 (the
// eleventh-slowest change) moves less with one or two stalls from the machine than it would over 50.
const N_CHANGES = 50;
const N_TIMED_CHANGES = 200;
const N_WARM_UP_CHANGES = 5;

const browser = await chromium.launch({
  executablePath: process.env.BSE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
function percentile(values, share) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

async function firstChartMs(url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url + '#v=1&tab=crossings');
  await page.waitForFunction(() => performance.getEntriesByName('bse-first-chart').length > 0, null, { timeout: 30_000 });
  const ms = await page.evaluate(() => performance.getEntriesByName('bse-first-chart')[0].startTime);
  await context.close();
  return ms;
}

// The default view (the Briefing) as the page paints it from its HTML: the first paint, and the largest
// paint with whether it was the prerendered briefing (inside the static shell) rather than the app, and
// whether any script of the app had run by then (its first mark, 'bse-explorer-rendered', comes later).
async function prerenderedPaint(url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.bseLargest = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        window.bseLargest.push({ ms: entry.startTime, prerendered: !!entry.element?.closest?.('#bse-shell'), tag: entry.element?.tagName ?? '' });
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => !document.getElementById('bse-shell'), null, { timeout: 30_000 });
  await page.waitForTimeout(300);
  const result = await page.evaluate(() => {
    const firstPaint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const chartSvg = document.querySelector('svg');
    const appMark = performance.getEntriesByName('bse-explorer-rendered')[0]?.startTime ?? null;
    const largest = window.bseLargest.filter((entry) => entry.prerendered).at(-1) ?? null;
    return { first_paint_ms: firstPaint, app_started_ms: appMark, largest_prerendered: largest, largest_all: window.bseLargest, had_chart: !!chartSvg };
  });
  await context.close();
  return result;
}

// Start-up blocking on the default view, hosted, with the CPU slowed 4x as Lighthouse's mobile run does:
// each main-thread task over 50 ms counts its excess (Lighthouse's total blocking time, measured here
// rather than simulated), from navigation until a second after the explorer has taken the prerendered
// copy's place.
async function startUpBlocking(url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.bseStartTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.bseStartTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  // The explorer is built a part at a time and takes the prerendered copy's place after the last part.
  await page.waitForFunction(() => !document.getElementById('bse-shell') && document.querySelector('[data-testid="tab-panel"]')?.children.length > 0, null, { timeout: 60_000 });
  await page.waitForTimeout(1000);
  const tasks = await page.evaluate(() => window.bseStartTasks);
  await context.close();
  return {
    blocking_ms: tasks.reduce((sum, ms) => sum + Math.max(0, ms - 50), 0),
    longest_task_ms: Math.max(0, ...tasks),
    long_tasks: tasks.length,
  };
}

async function memory(page) {
  return page.evaluate(() => {
    if (window.gc) window.gc();
    return { js_heap_bytes: performance.memory.usedJSHeapSize, wasm_memory_bytes: window.bseWasmMemoryBytes() };
  });
}

// Opens the file at `path` on the page, timed inside the page from the file being chosen: until it is
// read (checking starts), until it is shown, and every main-thread task over 50 ms from then until the
// page is idle again (no long task for a second), so the parts of a view built after the data are first
// shown count too. The file is checked in a worker; these tasks are decoding it and drawing its data.
async function timedOpen(page, path) {
  await page.evaluate(() => {
    window.bseOpen = { longTasks: [], progressGoneBeforeShown: false };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.bseOpen.longTasks.push({ start: entry.startTime, ms: entry.duration });
    }).observe({ type: 'longtask' });
    document.querySelector('[data-testid="open-dataset"]').addEventListener('change', () => {
      window.bseOpen.chosen = performance.now();
    }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const progress = document.querySelector('[data-testid="read-progress"]');
      if (!window.bseOpen.checking && progress?.textContent.includes('Checking')) window.bseOpen.checking = performance.now();
      const shown = document.querySelector('[data-testid="opened-dataset"]');
      if (window.bseOpen.checking && !progress && !shown) window.bseOpen.progressGoneBeforeShown = true;
      if (shown) {
        window.bseOpen.shown = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('open-dataset').setInputFiles(path);
  await page.getByTestId('opened-dataset').waitFor({ timeout: 90_000 });
  // The comparison with the data on screen runs in the reader's worker once the new data are drawn.
  await page.getByTestId('what-changed').waitFor({ timeout: 60_000 });
  for (let waits = 0; waits < 30; waits++) {
    const before = await page.evaluate(() => window.bseOpen.longTasks.length);
    await page.waitForTimeout(1_000);
    if (await page.evaluate(() => window.bseOpen.longTasks.length) === before) break;
  }
  const open = await page.evaluate(() => {
    const { chosen, checking, shown, longTasks, progressGoneBeforeShown } = window.bseOpen;
    const sinceChosen = longTasks.filter((task) => task.start >= chosen);
    return {
      read_ms: checking - chosen,
      shown_after_ms: shown - chosen,
      longest_task_ms: Math.max(0, ...sinceChosen.map((task) => task.ms)),
      long_tasks: sinceChosen.length,
      progress_gone_before_shown: progressGoneBeforeShown,
    };
  });
  open.checked_in = await page.getByTestId('opened-dataset').getAttribute('data-checked-in');
  open.diff_ms = await page.evaluate(() => performance.measure('bse-diff', 'bse-diff-start', 'bse-diff-end').duration);
  open.file_bytes = statSync(path).size;
  return open;
}

// The largest file opened on every view in turn (each view builds different parts from it).
async function openOnEveryView({ factor, path }) {
  const views = {};
  for (const view of ['briefing', 'crossings', 'funding', 'announcements', 'sources']) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(base + `#v=1&tab=${view}`);
    await page.getByTestId('tab-panel').waitFor();
    await page.waitForTimeout(1_000);
    views[view] = await timedOpen(page, path);
    await context.close();
  }
  return { factor, views };
}

// The views with date filters, each timed on a change of dates.
const FILTERED_VIEWS = ['briefing', 'crossings', 'funding', 'announcements'];
const N_DATE_CHANGES = 40;

// A change of dates on each view in turn, with the data already open: the "Whole year" quick range
// alternates between the last two whole years. Each is timed inside the page from the change event to
// the last change it made to the page, with the browser's style and layout of that change done (forced
// where the change ends: a frame could not show it sooner); the next change waits until the page has
// been still for 100 ms. 5 untimed changes first on each view.
async function dateFilterChanges(page) {
  const views = {};
  for (const view of FILTERED_VIEWS) {
    await page.evaluate((view) => { location.hash = `#v=1&tab=${view}`; }, view);
    await page.getByTestId('quick-range-year').waitFor();
    await page.waitForTimeout(1_000);
    const timings = await page.evaluate(async (nChanges) => {
      const select = document.querySelector('[data-testid="quick-range-year"]');
      const years = [...select.options].map((option) => option.value).filter(Boolean).slice(-2);
      const timings = [];
      for (let change = 0; change < nChanges; change++) {
        let lastChange = null;
        const observer = new MutationObserver(() => {
          document.documentElement.getBoundingClientRect();
          lastChange = performance.now();
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const start = performance.now();
        select.value = years[change % 2];
        select.dispatchEvent(new Event('change', { bubbles: true }));
        // Still for 100 ms (or 10 s in all): the change is over.
        for (let waited = 0; waited < 100; waited++) {
          const seen = lastChange;
          await new Promise((resolve) => setTimeout(resolve, 100));
          if (seen !== null && seen === lastChange) break;
        }
        observer.disconnect();
        timings.push(lastChange === null ? null : lastChange - start);
      }
      return timings;
    }, N_WARM_UP_CHANGES + N_DATE_CHANGES);
    const timed = timings.slice(N_WARM_UP_CHANGES);
    const measured = timed.filter((ms) => ms !== null);
    views[view] = {
      changes: measured.length,
      unchanged: timed.length - measured.length,
      p50_ms: percentile(measured, 0.5),
      p95_ms: percentile(measured, 0.95),
    };
  }
  return views;
}

async function interactions({ factor, path }) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(base + '#v=1&tab=crossings');
  await page.getByTestId('chart-summary').waitFor();
  const open = factor === 1 ? null : await timedOpen(page, path);
  await page.waitForTimeout(500);
  const afterLoad = await memory(page);
  // Alternate the measure between boats and people: each change recomputes the series, the chart and the
  // summary. Timed from the change event to the summary's text changing in the page.
  const makeChanges = (nChanges) => page.evaluate(async (nChanges) => {
    const select = document.querySelector('[data-testid="option-measure"]');
    const summary = document.querySelector('[data-testid="chart-summary"]');
    const values = ['boats', 'people'];
    const timings = [];
    for (let change = 0; change < nChanges; change++) {
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now()); });
        observer.observe(summary, { childList: true, characterData: true, subtree: true });
      });
      const start = performance.now();
      select.value = values[(select.value === 'boats') ? 1 : 0];
      select.dispatchEvent(new Event('change', { bubbles: true }));
      timings.push((await changed) - start);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return timings;
  }, nChanges);
  // The first few changes also compile and optimise code paths for the first time, and set the wasm
  // memory's high-water mark (a change holds the old and the new chart at once; wasm memory never
  // shrinks). They are made but not timed; growth is measured across the timed changes after them.
  await makeChanges(N_WARM_UP_CHANGES);
  const afterWarmUp = await memory(page);
  const latencies = await makeChanges(N_CHANGES);
  const afterInteractions = await memory(page);
  latencies.push(...(await makeChanges(N_TIMED_CHANGES - N_CHANGES)));
  const dateChanges = await dateFilterChanges(page);
  await context.close();
  return {
    factor,
    open,
    changes: latencies.length,
    p50_ms: percentile(latencies, 0.5),
    p95_ms: percentile(latencies, 0.95),
    memory_after_load: afterLoad,
    memory_after_warm_up: afterWarmUp,
    memory_after_interactions: afterInteractions,
    date_changes: dateChanges,
  };
}

const hostedLoads = [];
const offlineLoads = [];
for (let load = 0; load < N_LOADS; load++) {
  hostedLoads.push(await firstChartMs(base));
  offlineLoads.push(await firstChartMs(offlineUrl));
}
const hostedPaints = [];
const offlinePaints = [];
for (let load = 0; load < N_LOADS; load++) {
  hostedPaints.push(await prerenderedPaint(base));
  offlinePaints.push(await prerenderedPaint(offlineUrl));
}
const startUps = [];
for (let load = 0; load < N_LOADS; load++) startUps.push(await startUpBlocking(base));
const interactionResults = [];
for (const dataset of datasets) interactionResults.push(await interactions(dataset));
const largest = datasets.reduce((largest, dataset) => (dataset.factor > largest.factor ? dataset : largest));
const everyView = await openOnEveryView(largest);
await browser.close();
console.log(JSON.stringify({
  first_chart_ms: { hosted_median: median(hostedLoads), offline_median: median(offlineLoads), hosted_all: hostedLoads, offline_all: offlineLoads },
  prerendered_paint: {
    hosted_first_paint_ms_median: median(hostedPaints.map((run) => run.first_paint_ms)),
    offline_first_paint_ms_median: median(offlinePaints.map((run) => run.first_paint_ms)),
    hosted_app_started_ms_median: median(hostedPaints.map((run) => run.app_started_ms)),
    offline_app_started_ms_median: median(offlinePaints.map((run) => run.app_started_ms)),
    hosted_runs: hostedPaints,
    offline_runs: offlinePaints,
  },
  start_up_4x_cpu: {
    blocking_ms_median: median(startUps.map((run) => run.blocking_ms)),
    longest_task_ms_median: median(startUps.map((run) => run.longest_task_ms)),
    runs: startUps,
  },
  interactions: interactionResults,
  open_on_every_view: everyView,
}));
