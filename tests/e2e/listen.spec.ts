// Read aloud. Two halves:
// 1. The contract, against a recording stand-in for `speechSynthesis` (injected before the app
//    loads): what is spoken, in which language, by which voice — never a network voice, even
//    the only one or the default — the button absent without a local voice (or without
//    speechSynthesis), voices arriving late, one speech at a time (second tap, another listen,
//    leaving the screen, the kiosk's wipe), the keyboard, names in each language, axe with the
//    buttons in Arabic, Darija and French at 360 and 1920 px, and screenshots of them.
// 2. Real voices: Debian's Chromium started with --enable-speech-dispatcher, with Debian's
//    speech-dispatcher and espeak-ng (installed by `cargo xtask test`), lists local voices for
//    Arabic, French and English; the app speaks with them. Only the `real voices` group below
//    launches its browser with that flag; every other spec's browser lists no voice at all.
import { test, expect, chromium, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseURL } from './fixtures';
import { answerAzilal, axeViolations, guard, resultsDrawn, type Lang } from './helpers';

interface Voice { name: string; lang: string; localService: boolean; default?: boolean }
interface Spoken { text: string; lang: string; voice: string | null; local: boolean | null; rate: number }
interface Log { spoken: Spoken[]; cancels: number }

/** A device with network voices (the browser's default among them) and local ones. */
const VOICES: Voice[] = [
  { name: 'Google العربية (network)', lang: 'ar-SA', localService: false, default: true },
  { name: 'Google français (network)', lang: 'fr-FR', localService: false },
  { name: 'Arabic (device)', lang: 'ar', localService: true },
  { name: 'Français Belgique (device)', lang: 'fr-BE', localService: true },
  { name: 'Français (device)', lang: 'fr-FR', localService: true },
  { name: 'English (device)', lang: 'en-US', localService: true },
];

const NAMES = {
  ar: { question: 'استمع إلى السؤال', results: 'استمع إلى الملخص' },
  fr: { question: 'Écouter la question', results: 'Écouter le résumé' },
  en: { question: 'Listen to the question', results: 'Listen to the summary' },
};

/** Replaces `speechSynthesis` and `SpeechSynthesisUtterance` before the app loads with a
 *  recorder: `window.__speech.log` lists each utterance queued; `finish()` ends them all as a
 *  voice would; `cancel()` fails the queued ones asynchronously ("interrupted"), as Chrome does.
 *  `lateMs`: the list is empty until then, then `voiceschanged`. `missing`: no speechSynthesis. */
async function standIn(page: Page, voices: Voice[], opts: { lateMs?: number; missing?: boolean } = {}) {
  await page.addInitScript(({ voices, lateMs, missing }) => {
    const w = window as unknown as Record<string, unknown>;
    if (missing) {
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: undefined, configurable: true });
      return;
    }
    type U = { text: string; lang: string; voice: { name: string; localService: boolean } | null; rate: number;
      onend: ((e: object) => void) | null; onerror: ((e: object) => void) | null };
    const log = { spoken: [] as object[], cancels: 0 };
    let ready = !lateMs;
    const list = voices.map((v) => ({ voiceURI: v.name, default: false, ...v }));
    let queue: U[] = [];
    class Utterance {
      text: string; lang = ''; voice = null; rate = 1; pitch = 1; volume = 1;
      onstart = null; onend = null; onerror = null; onboundary = null; onpause = null; onresume = null; onmark = null;
      constructor(text = '') { this.text = text; }
    }
    const synth = new EventTarget() as EventTarget & Record<string, unknown>;
    Object.assign(synth, {
      speaking: false, pending: false, paused: false, onvoiceschanged: null,
      getVoices: () => (ready ? list.slice() : []),
      speak: (u: U) => {
        log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null, local: u.voice ? u.voice.localService : null, rate: u.rate });
        queue.push(u);
        synth.speaking = true;
      },
      cancel: () => {
        log.cancels++;
        const q = queue;
        queue = [];
        synth.speaking = false;
        setTimeout(() => q.forEach((u) => u.onerror && u.onerror({ error: 'interrupted' })), 0);
      },
      pause: () => {}, resume: () => {},
    });
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });
    w.__speech = {
      log,
      finish: () => {
        const q = queue;
        queue = [];
        synth.speaking = false;
        q.forEach((u) => u.onend && u.onend({}));
      },
      arrive: () => {
        ready = true;
        synth.dispatchEvent(new Event('voiceschanged'));
      },
    };
    if (lateMs) setTimeout(() => (w.__speech as { arrive: () => void }).arrive(), lateMs);
  }, { voices, lateMs: opts.lateMs ?? 0, missing: !!opts.missing });
}

const log = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { log: Log } }).__speech.log);
const finish = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { finish: () => void } }).__speech.finish());

/** The text a voice is given for `text` shown on screen: thousands not grouped, dirhams. */
const voiced = (text: string) =>
  text.replace(/(\d)[\u202f\u00a0](?=\d)/g, '$1').replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/[\u202f\u00a0]/g, ' ').replace(/\s+[—–]\s*/g, ', ').replace(/\s·\s/g, '. ')
    .replace(/\b(DH|MAD)\b/g, 'dirhams').replace(/\s+/g, ' ').trim();

async function firstQuestion(page: Page, lang: Lang) {
  await page.goto(`./?lang=${lang}`);
  // Darija's words arrive in a download: wait for them.
  await expect(page.locator('#bousla')).toHaveAttribute('lang', lang);
  await page.getByTestId('start').click();
  await expect(page.locator('section.question')).toBeVisible();
}

/** What the question screen shows: the question, then each answer's words. */
async function questionOnScreen(page: Page) {
  const title = (await page.locator('#bousla-heading').textContent())!.trim();
  const answers = await page.locator('section.question button.choice').evaluateAll((bs) =>
    bs.map((b) => (b.lastElementChild as HTMLElement).textContent!.trim()));
  const numbers = await page.locator('section.question button.choice .num').allTextContents();
  return { title, answers, numbers };
}

test.describe('read aloud, with a recording stand-in for speechSynthesis', () => {
  for (const [lang, voice, tag] of [['ar', 'Arabic (device)', 'ar'], ['fr', 'Français (device)', 'fr-FR'], ['en', 'English (device)', 'en-US']] as const) {
    test(`a question is read in ${lang} by the local ${lang} voice: the question, then each answer with the number on its button`, async ({ page }) => {
      const w = guard(page);
      await standIn(page, VOICES);
      await firstQuestion(page, lang);
      const listen = page.getByRole('button', { name: NAMES[lang].question, exact: true });
      await expect(listen).toBeVisible();
      await expect(listen).toHaveAttribute('aria-pressed', 'false');
      const shown = await questionOnScreen(page);
      expect(shown.numbers).toEqual(shown.answers.map((_, i) => String(i + 1)));
      await listen.click();
      await expect(listen).toHaveAttribute('aria-pressed', 'true');
      const spoken = (await log(page)).spoken;
      expect(spoken.map((s) => s.text)).toEqual([voiced(shown.title), ...shown.answers.map((a, i) => `${i + 1}. ${voiced(a)}`)]);
      for (const s of spoken) {
        expect(s.voice).toBe(voice);
        expect(s.local).toBe(true);
        expect(s.lang).toBe(tag);
        expect(s.rate).toBeCloseTo(0.9, 5);
      }
      // The voice reaches the end: the button is no longer pressed.
      await finish(page);
      await expect(listen).toHaveAttribute('aria-pressed', 'false');
      w.assertClean();
    });
  }

  test('a network voice is never chosen, even the only one for the language and the default: no button', async ({ page }) => {
    const w = guard(page);
    await standIn(page, [
      { name: 'Google العربية (network)', lang: 'ar-MA', localService: false, default: true },
      { name: 'Microsoft Hoda Online (Natural)', lang: 'ar-EG', localService: false },
      { name: 'Français (device)', lang: 'fr-FR', localService: true },
    ]);
    await firstQuestion(page, 'ar');
    // The French voice proves voices were read; the Arabic screen still has no button.
    await page.waitForTimeout(500);
    await expect(page.getByTestId('listen')).toHaveCount(0);
    await page.locator('button.lang[data-lang="fr"]').click();
    await expect(page.getByRole('button', { name: NAMES.fr.question })).toBeVisible();
    await page.getByRole('button', { name: NAMES.fr.question }).click();
    const spoken = (await log(page)).spoken;
    expect(spoken.length).toBeGreaterThan(0);
    expect(spoken.every((s) => s.voice === 'Français (device)' && s.local)).toBe(true);
    w.assertClean();
  });

  test('no local voice at all, or no speechSynthesis: no button, and nothing breaks', async ({ page }) => {
    const w = guard(page);
    await standIn(page, [{ name: 'Google English (network)', lang: 'en-US', localService: false, default: true }]);
    await firstQuestion(page, 'en');
    await answerAzilal(page);
    await resultsDrawn(page);
    await expect(page.getByTestId('listen')).toHaveCount(0);
    expect((await log(page)).spoken).toEqual([]);
    w.assertClean();
  });

  test('without speechSynthesis: no button, no error', async ({ page }) => {
    const w = guard(page);
    await standIn(page, [], { missing: true });
    await firstQuestion(page, 'fr');
    await answerAzilal(page);
    await resultsDrawn(page);
    await expect(page.getByTestId('listen')).toHaveCount(0);
    w.assertClean();
  });

  test("Chromium without --enable-speech-dispatcher lists no voice: no button", async ({ page }) => {
    const w = guard(page);
    await firstQuestion(page, 'fr');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
    await expect(page.getByTestId('listen')).toHaveCount(0);
    w.assertClean();
  });

  test('voices that arrive late (voiceschanged) bring the button', async ({ page }) => {
    const w = guard(page);
    // The voices arrive when the test says so, not on a timer: a slow machine may take longer
    // than any fixed delay to reach the first question.
    await standIn(page, VOICES, { lateMs: 3_600_000 });
    await firstQuestion(page, 'fr');
    await expect(page.getByTestId('listen')).toHaveCount(0);
    await page.evaluate(() => (window as unknown as { __speech: { arrive: () => void } }).__speech.arrive());
    await expect(page.getByRole('button', { name: NAMES.fr.question })).toBeVisible({ timeout: 5000 });
    w.assertClean();
  });

  test('results: the summary, then a card (name, verdict, why, where to go), amounts as digits and dirhams', async ({ page }) => {
    const w = guard(page);
    await standIn(page, VOICES);
    await firstQuestion(page, 'fr');
    await answerAzilal(page);
    await resultsDrawn(page);
    const summary = page.getByRole('button', { name: NAMES.fr.results });
    await summary.click();
    const title = (await page.locator('#bousla-heading').textContent())!.trim();
    const counts = (await page.getByTestId('results-summary').textContent())!.trim();
    expect((await log(page)).spoken.map((s) => s.text)).toEqual([title, voiced(counts)]);
    expect(counts).toMatch(/programmes? vous correspond/);

    const card = page.locator('article.card').first();
    const name = (await card.locator('h3').textContent())!.trim();
    const listen = card.getByRole('button', { name: `Écouter : ${name}` });
    const before = (await log(page)).spoken.length;
    await listen.click();
    await expect(listen).toHaveAttribute('aria-pressed', 'true');
    await expect(summary).toHaveAttribute('aria-pressed', 'false');
    const said = (await log(page)).spoken.slice(before).map((s) => s.text);
    expect(said[0]).toBe(voiced(name));
    expect(said[1]).toBe((await card.locator('.badge').textContent())!.trim());
    const why = said.indexOf('Pourquoi cela vous correspond');
    const where = said.indexOf("Où s'adresser");
    expect(why).toBeGreaterThan(1);
    expect(where).toBeGreaterThan(why);
    const desk = (await card.locator('.desk strong').first().textContent())!.trim();
    expect(said[where + 1]).toBe(voiced(desk));
    const amount = card.locator('p.amount');
    if (await amount.count()) {
      expect(said).toContain(voiced((await amount.textContent())!));
      expect(said.join(' ')).toContain('dirhams');
    }
    for (const s of said) {
      expect(s).not.toMatch(/\u202f|\bDH\b|·/);
    }
    // The summary's speech, stopped by the card's, fails late ("interrupted"): that must not
    // end the card's.
    await page.waitForTimeout(300);
    await expect(listen).toHaveAttribute('aria-pressed', 'true');
    w.assertClean();
  });

  test('Arabic results: the Arabic voice, amounts as "50000 درهم"', async ({ page }) => {
    const w = guard(page);
    await standIn(page, VOICES);
    await firstQuestion(page, 'ar');
    await answerAzilal(page);
    await resultsDrawn(page);
    const card = page.locator('article.card').first();
    const name = (await card.locator('h3').textContent())!.trim();
    await card.getByRole('button', { name: `استمع: ${name}` }).click();
    const spoken = (await log(page)).spoken;
    expect(spoken.every((s) => s.voice === 'Arabic (device)' && s.lang === 'ar')).toBe(true);
    expect(spoken[0].text).toBe(voiced(name));
    const amount = card.locator('p.amount');
    if (await amount.count()) {
      const said = voiced((await amount.textContent())!);
      expect(said).toMatch(/\d درهم/);
      expect(spoken.map((s) => s.text)).toContain(said);
    }
    w.assertClean();
  });

  test('a second tap stops; the keyboard works (Tab from the heading, Enter, Space)', async ({ page }) => {
    const w = guard(page);
    await standIn(page, VOICES);
    await firstQuestion(page, 'en');
    const listen = page.getByRole('button', { name: NAMES.en.question });
    await expect(page.locator('#bousla-heading')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(listen).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(listen).toHaveAttribute('aria-pressed', 'true');
    const { cancels } = await log(page);
    await page.keyboard.press('Space');
    await expect(listen).toHaveAttribute('aria-pressed', 'false');
    expect((await log(page)).cancels).toBe(cancels + 1);
    await listen.click();
    await expect(listen).toHaveAttribute('aria-pressed', 'true');
    await listen.click();
    await expect(listen).toHaveAttribute('aria-pressed', 'false');
    w.assertClean();
  });

  test('leaving the screen stops: an answer, the program page and back, a language switch', async ({ page }) => {
    const w = guard(page);
    await standIn(page, VOICES);
    await firstQuestion(page, 'fr');
    await page.getByRole('button', { name: NAMES.fr.question }).click();
    let { cancels, spoken } = await log(page);
    await page.locator('section.question button.choice').first().click();
    await expect(page.locator('section.question')).toHaveAttribute('data-question', 'province');
    expect((await log(page)).cancels).toBeGreaterThan(cancels);
    await expect(page.getByRole('button', { name: NAMES.fr.question })).toHaveAttribute('aria-pressed', 'false');
    expect((await log(page)).spoken.length).toBe(spoken.length);

    await page.getByTestId('dont-know').click();
    await answerAzilal(page);
    await resultsDrawn(page);
    await page.locator('article.card').first().locator('button.secondary').click();
    const detail = page.locator('article.detail');
    await expect(detail).toBeVisible();
    const name = (await detail.locator('h1').textContent())!.trim();
    const listen = detail.getByRole('button', { name: `Écouter : ${name}` });
    const before = (await log(page)).spoken.length;
    await listen.click();
    const said = (await log(page)).spoken.slice(before).map((s) => s.text);
    expect(said[0]).toBe(voiced(name));
    expect(said[1]).toBe((await detail.locator('.badge').first().textContent())!.trim());
    expect(said).toContain("Où s'adresser");
    ({ cancels } = await log(page));
    await detail.getByRole('button', { name: /Retour aux résultats/ }).click();
    await expect(page.locator('section.results')).toBeVisible();
    expect((await log(page)).cancels).toBeGreaterThan(cancels);

    await page.getByRole('button', { name: NAMES.fr.results }).click();
    ({ cancels } = await log(page));
    await page.locator('button.lang[data-lang="en"]').click();
    await expect(page.getByRole('button', { name: NAMES.en.results })).toHaveAttribute('aria-pressed', 'false');
    expect((await log(page)).cancels).toBeGreaterThan(cancels);
    w.assertClean();
  });

  test("the kiosk's idle wipe stops the speech", async ({ page }) => {
    const w = guard(page);
    await standIn(page, VOICES);
    await page.goto('./?lang=fr&mode=kiosk&idle=6');
    await page.getByTestId('start').click();
    await answerAzilal(page);
    await resultsDrawn(page);
    await page.getByRole('button', { name: NAMES.fr.results }).click();
    const { cancels } = await log(page);
    await expect(page.getByTestId('idle-countdown')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId('start')).toBeVisible({ timeout: 15_000 });
    expect((await log(page)).cancels).toBeGreaterThan(cancels);
    w.assertClean();
  });

  test('Darija (ary) is read by the Arabic voice', async ({ page }) => {
    const w = guard(page);
    await standIn(page, VOICES);
    await page.goto('./?lang=ary');
    await expect(page.locator('#bousla')).toHaveAttribute('lang', 'ary');
    await page.getByTestId('start').click();
    await expect(page.locator('section.question')).toBeVisible();
    const listen = page.getByTestId('listen');
    await expect(listen).toBeVisible();
    await listen.click();
    const spoken = (await log(page)).spoken;
    const shown = await questionOnScreen(page);
    expect(spoken[0].text).toBe(voiced(shown.title));
    expect(spoken.every((s) => s.voice === 'Arabic (device)' && s.lang === 'ar')).toBe(true);
    w.assertClean();
  });

  for (const lang of ['ar', 'ary', 'fr'] as Lang[]) {
    for (const [width, height] of [[360, 740], [1920, 1080]]) {
      test(`axe finds no violation with the listen buttons, and screenshots, ${lang} at ${width}x${height}`, async ({ page }) => {
        const w = guard(page);
        await page.setViewportSize({ width, height });
        await standIn(page, VOICES);
        await firstQuestion(page, lang);
        const found: string[] = [];
        const audit = async (screen: string) => {
          const v = await axeViolations(page);
          found.push(...v.map((x) => `${screen}: ${x}`));
        };
        mkdirSync('test-results/screenshots', { recursive: true });
        const shot = (name: string) => page.screenshot({ path: `test-results/screenshots/listen-${name}-${lang}-${width}.png` });
        await expect(page.getByTestId('listen')).toBeVisible();
        await page.getByTestId('listen').click();
        await audit('question, speaking');
        await shot('question');
        await finish(page);
        // A question with more answers, in a grid at kiosk width.
        await page.getByRole('button', { name: /Béni Mellal|بني ملال/ }).click();
        await expect(page.locator('section.question')).toHaveAttribute('data-question', 'province');
        await audit('question province');
        await shot('province');
        await answerAzilal(page);
        await resultsDrawn(page);
        await audit('results');
        await shot('results');
        await page.locator('article.card').first().locator('button.secondary').click();
        await expect(page.locator('article.detail')).toBeVisible();
        await audit('program page');
        await shot('detail');
        expect(found, found.join('\n')).toEqual([]);
        w.assertClean();
      });
    }
  }
});

test.describe('real voices: speech-dispatcher and espeak-ng', () => {
  // Its own browser, launched here with the flag: every other test's browser lists no voice.
  // speech-dispatcher, spawned by Chromium, in a home of its own: a daemon left by another run
  // is never the one asked, and its sound goes to libao's null driver (no sound card here; with
  // none, a stopped speech leaves the daemon unable to start the next one).
  let browser: Browser;
  let home = '';
  test.beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'bousla-speechd-'));
    mkdirSync(join(home, 'config', 'speech-dispatcher'), { recursive: true });
    writeFileSync(join(home, 'config', 'speech-dispatcher', 'speechd.conf'), 'AudioOutputMethod "libao"\n');
    writeFileSync(join(home, '.libao'), 'default_driver=null\n');
    browser = await chromium.launch({
      env: { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_CONFIG_HOME: join(home, 'config') },
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--no-first-run', '--disable-sync', '--disable-quic', '--enable-speech-dispatcher',
      ],
    });
  });
  test.afterAll(async () => {
    await browser?.close();
    // The daemon this group's browser spawned, by its id (it closes its voice modules).
    const pidFile = join(home, 'cache', 'speech-dispatcher', 'pid', 'speech-dispatcher.pid');
    if (existsSync(pidFile)) {
      try { process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGTERM'); } catch { /* already gone */ }
    }
    rmSync(home, { recursive: true, force: true });
  });
  const newPage = async () => (await browser.newContext({ baseURL })).newPage();

  test.beforeEach(() => {
    for (const f of ['/usr/bin/speech-dispatcher', '/usr/bin/espeak-ng', '/usr/lib/speech-dispatcher-modules/sd_espeak-ng']) {
      expect(existsSync(f), `${f} is missing: apt-get install speech-dispatcher speech-dispatcher-espeak-ng espeak-ng (cargo xtask test installs them)`).toBe(true);
    }
  });

  /** Watches the real speechSynthesis: each utterance's text, language, voice, and events. */
  async function hear(page: Page) {
    await page.addInitScript(() => {
      const heard: object[] = [];
      (window as unknown as { __heard: object[] }).__heard = heard;
      const synth = window.speechSynthesis;
      const speak = synth.speak.bind(synth);
      synth.speak = (u: SpeechSynthesisUtterance) => {
        const rec = { text: u.text, lang: u.lang, voice: u.voice?.name ?? null, local: u.voice?.localService ?? null, events: [] as string[] };
        heard.push(rec);
        u.addEventListener('start', () => rec.events.push('start'));
        u.addEventListener('end', () => rec.events.push('end'));
        u.addEventListener('error', (e) => rec.events.push(`error:${(e as SpeechSynthesisErrorEvent).error}`));
        speak(u);
      };
    });
  }
  const heard = (page: Page) => page.evaluate(() => (window as unknown as { __heard: { text: string; lang: string; voice: string | null; local: boolean | null; events: string[] }[] }).__heard);

  test('Chromium lists local voices for Arabic, French and English', async () => {
    const page = await newPage();
    await page.goto('./?lang=fr');
    await expect.poll(() => page.evaluate(() => speechSynthesis.getVoices().length), { timeout: 20_000 }).toBeGreaterThan(0);
    const voices = await page.evaluate(() => speechSynthesis.getVoices().map((v) => ({ lang: v.lang, local: v.localService })));
    const local = (p: string) => voices.filter((v) => v.local && v.lang.split(/[-_]/)[0] === p).length;
    console.log(`voices: ${voices.length}, local: ${voices.filter((v) => v.local).length}; ar ${local('ar')}, fr ${local('fr')}, en ${local('en')}`);
    for (const p of ['ar', 'fr', 'en']) expect(local(p), p).toBeGreaterThan(0);
  });

  for (const [lang, tag] of [['ar', 'ar'], ['fr', 'fr'], ['en', 'en']] as const) {
    test(`the question is spoken in ${lang} by a local espeak-ng voice`, async () => {
      const page = await newPage();
      const w = guard(page);
      await hear(page);
      await firstQuestion(page, lang);
      const listen = page.getByRole('button', { name: NAMES[lang].question });
      await expect(listen).toBeVisible({ timeout: 20_000 });
      await listen.click();
      // Spoken to the end (into the null sound driver): then the button is no longer pressed.
      await expect.poll(async () => (await heard(page)).at(-1)?.events ?? [], { timeout: 30_000 }).toContain('end');
      await expect(listen).toHaveAttribute('aria-pressed', 'false');
      const h = await heard(page);
      const shown = await questionOnScreen(page);
      expect(h.map((u) => u.text)).toEqual([voiced(shown.title), ...shown.answers.map((a, i) => `${i + 1}. ${voiced(a)}`)]);
      for (const u of h) {
        expect(u.voice).toMatch(/espeak-ng/);
        expect(u.local).toBe(true);
        expect(u.lang.split(/[-_]/)[0]).toBe(tag);
        expect(u.events).toEqual(['start', 'end']);
      }
      console.log(`${lang}: ${h.length} utterances by "${h[0].voice}" (${h[0].lang}), each started and ended`);
      w.assertClean();
    });
  }

  test('another listen stops the first and the next one is spoken (cancel, then speak)', async () => {
    const page = await newPage();
    test.setTimeout(120_000);
    const w = guard(page);
    await hear(page);
    await firstQuestion(page, 'ar');
    await answerAzilal(page);
    await resultsDrawn(page);
    const summary = page.getByRole('button', { name: NAMES.ar.results });
    await expect(summary).toBeVisible({ timeout: 20_000 });
    await summary.click();
    await expect.poll(async () => (await heard(page))[0]?.events ?? [], { timeout: 15_000 }).toContain('start');
    const before = (await heard(page)).length;
    const card = page.locator('article.card').first();
    await card.getByTestId('listen').click();
    await expect(card.getByTestId('listen')).toHaveAttribute('aria-pressed', 'true');
    await expect(summary).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(async () => (await heard(page))[before]?.events ?? [], { timeout: 15_000 }).toContain('start');
    const h = await heard(page);
    expect(h[before].text).toBe(voiced((await card.locator('h3').textContent())!));
    w.assertClean();
  });
});
