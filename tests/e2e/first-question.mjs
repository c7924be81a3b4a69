// Time to the first question on a slow phone: Debian's Chromium with its CPU slowed 4× and a
// slow-4G network (1.6 Mbps down, 750 kbps up, 150 ms round trip), each run in a new profile
// (nothing cached, no service worker), against the production build served by nginx.
//
//   node tests/e2e/first-question.mjs BASE_URL
//
// Per language (ar, fr), RUNS runs (env BOUSLA_FIRST_QUESTION_RUNS, default 5), median reported:
//   - welcome: from navigation to the welcome's words being on the page at an animation frame
//     (drawn by the boot script before the wasm arrives, or by the app);
//   - ready: from navigation to the welcome screen's start button being clickable (the wasm is
//     loaded and the app drawn);
//   - first question: from navigation to the first answer button being clickable, the start
//     button tapped as soon as it could be;
//   - bytes: what crossed the network for that page (encoded, as the server sent it).
// Reported, not asserted: timings are measured figures (README, Quality), not pass/fail checks.
// Prints one `FIRST_QUESTION lang=… welcome_ms=… ready_ms=… first_question_ms=… bytes=…` line per language
// and writes test-results/first-question.json.
import { launchChromium, median } from './measuring.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';

const base = process.argv[2];
if (!base) {
  console.error('usage: node tests/e2e/first-question.mjs BASE_URL');
  process.exit(2);
}
const runs = Math.max(1, Number(process.env.BOUSLA_FIRST_QUESTION_RUNS || 5));
// Lighthouse's "slow 4G" figures, applied to the page's real requests.
const network = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const cpuSlowdown = 4;

const browser = await launchChromium();

async function once(lang) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  const start = Date.now();
  await page.goto(new URL(`./?lang=${lang}`, base).href, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('section.welcome p.privacy'), null, { polling: 'raf', timeout: 120_000 });
  const welcome = Date.now() - start;
  const startButton = page.getByTestId('start');
  await startButton.click({ trial: true, timeout: 120_000 });
  const ready = Date.now() - start;
  await startButton.click();
  await page.locator('section.question button.choice').first().click({ trial: true, timeout: 60_000 });
  const firstQuestion = Date.now() - start;
  await context.close();
  return { welcome, ready, firstQuestion, bytes };
}

const results = { runs_per_language: runs, network, cpu_slowdown: cpuSlowdown, languages: {} };
let failed = false;
for (const lang of ['ar', 'fr']) {
  const measured = [];
  for (let i = 0; i < runs; i++) {
    try {
      measured.push(await once(lang));
    } catch (e) {
      console.error(`first-question: ${lang} run ${i + 1} failed: ${e.message.split('\n')[0]}`);
      failed = true;
    }
  }
  if (!measured.length) continue;
  const row = {
    welcome_ms: median(measured.map((m) => m.welcome)),
    ready_ms: median(measured.map((m) => m.ready)),
    first_question_ms: median(measured.map((m) => m.firstQuestion)),
    bytes: median(measured.map((m) => m.bytes)),
    runs: measured,
  };
  results.languages[lang] = row;
  console.log(`FIRST_QUESTION lang=${lang} welcome_ms=${row.welcome_ms} ready_ms=${row.ready_ms} first_question_ms=${row.first_question_ms} bytes=${row.bytes}`);
}
await browser.close();
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/first-question.json', JSON.stringify(results, null, 2) + '\n');
process.exit(failed ? 1 : 0);
