// Blocking time read from Chromium's own trace: a steadier figure than Lighthouse's on a shared
// machine, whose CPU benchmark moved from about 1,000 to 1,900 between two runs here.
// Lighthouse's mobile profile runs the page at full speed and then counts each main-thread task
// after the first contentful paint four times over (its simulated slow phone), less 50 ms; this
// does the same on the tasks the trace records, for the welcome and for a results page opened
// from a share link, each loaded RUNS times (env BOUSLA_BLOCKING_RUNS, default 7) in a new
// profile (nothing cached, no service worker), against the production build served by nginx.
//
//   node tests/e2e/blocking.mjs BASE_URL
//
// Prints one `BLOCKING page=… median_ms=… min_ms=… max_ms=… longest_task_ms=…` line per page
// (longest_task_ms: the median of each load's longest task after the first paint, at full
// speed) and writes test-results/blocking.json. Reported, not asserted, like the first-question
// timing: a measured figure for the README.
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchChromium, measuredPages, median } from './measuring.mjs';

const base = process.argv[2];
if (!base) {
  console.error('usage: node tests/e2e/blocking.mjs BASE_URL');
  process.exit(2);
}
const runs = Math.max(1, Number(process.env.BOUSLA_BLOCKING_RUNS || 7));
// Lighthouse's mobile CPU slowdown, and the length past which a task blocks.
const slowdown = 4;
const blocks = 50;

const at = measuredPages(base, 'blocking');
const pages = [
  { name: 'welcome', url: at.welcome, done: 'main.screen [data-testid="start"]' },
  { name: 'results', url: at.results, done: 'section.results[data-drawn="true"]' },
];

const browser = await launchChromium();

// Waits for `selector` by asking the page itself, through the DevTools protocol, every 100 ms.
// Playwright's own waits first evaluate its injected script (hundreds of KB of JavaScript) on the
// page's main thread: a 20–30 ms task after the first paint that Lighthouse never sees, which
// would count as 30–70 ms of blocking here.
async function appeared(cdp, selector) {
  const expression = `document.querySelector(${JSON.stringify(selector)}) !== null`;
  for (const start = Date.now(); Date.now() - start < 60_000;) {
    const { result } = await cdp.send('Runtime.evaluate', { expression, returnByValue: true });
    if (result.value === true) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${selector} did not appear within 60 s`);
}

// One load: the main thread's tasks after the first contentful paint, until a second after the
// page is complete.
async function load(page) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,loading',
    transferMode: 'ReportEvents',
  });
  await tab.goto(page.url);
  await appeared(cdp, page.done);
  await tab.waitForTimeout(1000);
  await cdp.send('Tracing.end');
  await complete;
  await context.close();
  const main = new Set(events
    .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const paint = events.find((e) => e.name === 'firstContentfulPaint' && main.has(`${e.pid}:${e.tid}`));
  if (!paint) throw new Error(`${page.name}: no first contentful paint in the trace`);
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`) && e.ts > paint.ts)
    .map((e) => e.dur / 1000);
  return {
    blocking_ms: Math.round(tasks.reduce((sum, ms) => sum + Math.max(0, slowdown * ms - blocks), 0)),
    longest_task_ms: Math.round(Math.max(0, ...tasks) * 10) / 10,
  };
}

const summary = { runs_per_page: runs, slowdown, counted: 'main-thread tasks after the first contentful paint, each x4 less 50 ms', pages: [] };
for (const page of pages) {
  const loads = [];
  for (let i = 0; i < runs; i++) loads.push(await load(page));
  const blocking = loads.map((l) => l.blocking_ms);
  const result = {
    page: page.name,
    median_ms: median(blocking),
    min_ms: Math.min(...blocking),
    max_ms: Math.max(...blocking),
    longest_task_ms: median(loads.map((l) => l.longest_task_ms)),
    loads,
  };
  summary.pages.push(result);
  console.log(`BLOCKING page=${page.name} median_ms=${result.median_ms} min_ms=${result.min_ms} max_ms=${result.max_ms} longest_task_ms=${result.longest_task_ms}`);
}
await browser.close();
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/blocking.json', JSON.stringify(summary, null, 2));
