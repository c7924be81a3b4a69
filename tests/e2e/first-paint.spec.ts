// Before the app's wasm has arrived, the page draws the welcome itself (xtask/src/first_paint.js):
// on a slow network the holder reads it at once instead of a blank page. It must be the app's
// own welcome — same words, language, direction, partner options and layout, so nothing moves
// when the app takes over — and a download that fails must say so, with "Try again".
import { test, expect, type Page, type Route } from '@playwright/test';
import { axeViolations, shareFragment, resultsDrawn } from './helpers';

// The wasm is held back (or refused) by routing it; the service worker would fetch it unseen.
test.use({ serviceWorkers: 'block' });

const WASM = /_bg\.wasm$/;

/** Holds every download matching `what` (the app's wasm by default) until `release()`. */
async function hold(page: Page, what: RegExp = WASM) {
  let release!: () => void;
  const held = new Promise<void>((r) => { release = r; });
  await page.route(what, async (route: Route) => { await held; await route.continue(); });
  return release;
}

/** What a holder sees of one copy of the welcome: the root's options, the words, and where. */
async function look(page: Page, root: string) {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel) as HTMLElement;
    const box = (q: string) => {
      const e = r.querySelector(q);
      if (!e) return null;
      const b = e.getBoundingClientRect();
      return { text: (e.textContent ?? '').trim(), x: Math.round(b.x), y: Math.round(b.y), w: Math.round(b.width), h: Math.round(b.height) };
    };
    return {
      class: r.className,
      lang: r.lang,
      dir: r.dir,
      accent: getComputedStyle(r).getPropertyValue('--accent').trim(),
      brand: box('header .brand'),
      langs: box('header nav.langs'),
      pressed: [...r.querySelectorAll('nav.langs button[aria-pressed="true"]')].map((b) => b.getAttribute('lang')),
      h1: box('section.welcome h1'),
      tagline: box('section.welcome p.tagline'),
      what: box('section.welcome p:not([class])'),
      privacy: box('section.welcome p.privacy'),
      footer: box('footer.foot p'),
    };
  }, root);
}

const cases: [string, string][] = [
  ['Arabic by default', './'],
  ['French', './?lang=fr'],
  ['an English kiosk', './?lang=en&mode=kiosk'],
  ['a compact French embed in its partner\'s colour', './?lang=fr&compact=1&theme=%23004488&embed=1'],
  ['a colour too light for white text (the default stays)', './?lang=fr&theme=%23ffff00'],
  ['an unknown language (Arabic)', './?lang=de'],
];

for (const [what, url] of cases) {
  test(`the welcome before the wasm is the app's own, for ${what}`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const release = await hold(page);
    await page.goto(url);
    await expect(page.locator('#bousla-boot section.welcome p.privacy')).toBeVisible();
    await expect(page.locator('#bousla')).toHaveCount(0);
    // Waiting, said plainly; nothing to tap that would do nothing.
    await expect(page.getByTestId('first-paint')).toHaveAttribute('role', 'status');
    await expect(page.locator('#bousla-boot button:not([disabled])')).toHaveCount(0);
    const before = await look(page, '#bousla-boot');
    expect(await axeViolations(page)).toEqual([]);
    expect(before.h1?.text.length).toBeGreaterThan(0);
    expect(before.what?.text.length).toBeGreaterThan(20);

    release();
    await expect(page.getByTestId('start')).toBeVisible();
    await expect(page.locator('#bousla-boot')).toHaveCount(0);
    const after = await look(page, '#bousla');
    expect(before).toEqual(after);
    expect(errors).toEqual([]);
  });
}

const WORDS = (lang: string) => new RegExp(`/catalog-[0-9a-f]{12}\\.${lang}-ui\\.txt$`);

/** The wasm is here and started, its words are not: the app's root is in the page, hidden, and
 * has drawn nothing (no header, no screen); the boot script's copy stays. */
async function waitingForWords(page: Page) {
  await page.waitForFunction(() => (window as any).wasmBindings !== undefined);
  await page.waitForTimeout(300);
  await expect(page.locator('#bousla header, #bousla main.screen > *')).toHaveCount(0);
  await expect(page.locator('#bousla-boot')).toBeVisible();
}

test('a French page downloads its words beside the wasm, once, and the app never draws Arabic before them', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => { if (/-ui\.txt$/.test(r.url())) requested.push(r.url().replace(/.*\//, '')); });
  const releaseWords = await hold(page, WORDS('fr'));
  await page.goto('./?lang=fr');
  await expect(page.locator('#bousla-boot')).toHaveAttribute('lang', 'fr');
  await waitingForWords(page);
  await expect(page.locator('#bousla-boot h1')).toHaveText('Bousla');
  releaseWords();
  await expect(page.getByTestId('start')).toHaveText('Commencer');
  await expect(page.locator('#bousla')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('#bousla-boot')).toHaveCount(0);
  // The boot script's download was the app's: one request, and none for another language.
  expect(requested.length).toBe(1);
  expect(requested[0]).toMatch(/\.fr-ui\.txt$/);
  // Arabic needs no table; English is fetched when chosen, once.
  await page.goto('./?lang=ar');
  await expect(page.getByTestId('start')).toHaveText('ابدأ');
  await page.locator('button.lang[data-lang="en"]').click();
  await expect(page.getByTestId('start')).toHaveText('Start');
  expect(requested.filter((r) => /\.ar-ui\.txt$/.test(r))).toEqual([]);
  expect(requested.filter((r) => /\.en-ui\.txt$/.test(r)).length).toBe(1);
});

test('Darija: the boot script shows Arabic, and the app draws Darija once its words are here', async ({ page }) => {
  const releaseDarija = await hold(page, WORDS('ary'));
  await page.goto('./?lang=ary');
  await expect(page.locator('#bousla-boot')).toHaveAttribute('lang', 'ar');
  await waitingForWords(page);
  releaseDarija();
  await expect(page.locator('#bousla')).toHaveAttribute('lang', 'ary');
  await expect(page.getByTestId('start')).toHaveText('بدا');
  await expect(page.locator('#bousla-boot')).toHaveCount(0);
});

test('French words that cannot be downloaded: the app in Arabic with a notice in French; tapping Français again brings them', async ({ page }) => {
  await page.route(WORDS('fr'), (r) => r.fulfill({ status: 503, body: '' }));
  await page.goto('./?lang=fr');
  await expect(page.getByTestId('lang-failed')).toHaveText(/Impossible de charger le français/);
  await expect(page.getByTestId('lang-failed')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('#bousla')).toHaveAttribute('lang', 'ar');
  await expect(page.getByTestId('start')).toHaveText('ابدأ');
  await expect(page.locator('#bousla-boot')).toHaveCount(0);
  await page.unroute(WORDS('fr'));
  await page.locator('button.lang[data-lang="fr"]').click();
  await expect(page.locator('#bousla')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('start')).toHaveText('Commencer');
  await expect(page.getByTestId('lang-failed')).toHaveCount(0);
});

test('the holder\'s stored language is the first paint\'s too', async ({ page }) => {
  await page.goto('./');
  await page.locator('button.lang[data-lang="en"]').click();
  await expect(page.locator('#bousla')).toHaveAttribute('lang', 'en');
  const release = await hold(page);
  await page.reload();
  await expect(page.locator('#bousla-boot')).toHaveAttribute('lang', 'en');
  await expect(page.locator('#bousla-boot h1')).toHaveText('Bousla');
  const before = await look(page, '#bousla-boot');
  release();
  await expect(page.locator('#bousla-boot')).toHaveCount(0);
  await expect(page.getByTestId('start')).toBeVisible();
  expect(await look(page, '#bousla')).toEqual(before);
});

test('a share link shows only "Loading…" until the app is here, then the results', async ({ page }) => {
  const release = await hold(page);
  await page.goto(`./?lang=fr${shareFragment('r-oriental.s-idea.a-25.g-female.n-financing+coaching.m-0~50000')}`);
  await expect(page.getByTestId('first-paint')).toHaveText('Chargement…');
  await expect(page.locator('#bousla-boot section.welcome')).toHaveCount(0);
  release();
  await resultsDrawn(page);
  await expect(page.locator('#bousla-boot')).toHaveCount(0);
});

// A share link, and the results reloaded while a shared link's answers ride along.
const onTheResults: [string, (link: string) => string][] = [
  ['a share link', (link) => link],
  ['the results reloaded with a shared link\'s answers', (link) => link.replace('#a=', '#results&a=')],
];
for (const [what, fragment] of onTheResults) {
  test(`${what} downloads the programs' texts and the results' code beside the wasm, not after it, the texts once, and sharing's code later`, async ({ page }) => {
    const TABLE = /\/catalog-[0-9a-f]{12}\.fr\.txt$/;
    const RESULTS = /\/split_results-[0-9a-f]{16}\.wasm$/;
    const EXTRAS = /\/split_extras-[0-9a-f]{16}\.wasm$/;
    const tables: string[] = [], extras: string[] = [];
    page.on('request', (r) => { if (TABLE.test(r.url())) tables.push(r.url()); });
    page.on('request', (r) => { if (EXTRAS.test(r.url())) extras.push(r.url()); });
    const release = await hold(page);
    const asked = Promise.all([page.waitForRequest(TABLE), page.waitForRequest(RESULTS)]);
    await page.goto(`./?lang=fr${fragment(shareFragment('r-oriental.s-idea.a-25.g-female.n-financing+coaching.m-0~50000'))}`);
    // The wasm is still held back: only the boot script can have asked for them. Sharing's
    // code, drawn after the cards, does not share their way.
    await asked;
    expect(extras).toEqual([]);
    release();
    await resultsDrawn(page);
    expect(await page.locator('article.card h3').first().innerText()).not.toBe('');
    // The app took the boot script's download of the texts over: no second request.
    expect(tables).toHaveLength(1);
    expect(await page.evaluate(() => 'bouslaTexts' in window)).toBe(false);
  });
}

test('the welcome downloads the wasm alone: the texts are the app\'s to fetch, once it runs', async ({ page }) => {
  const release = await hold(page);
  await page.goto('./?lang=fr');
  await expect(page.getByTestId('first-paint')).toBeVisible();
  expect(await page.evaluate(() => 'bouslaTexts' in window)).toBe(false);
  release();
  await expect(page.getByTestId('start')).toBeVisible();
});

test('a key pressed between the app\'s start and its first drawing still works: the staff prompt opens focused', async ({ page }) => {
  // The app's root is in the page, hidden, while the boot script's welcome still shows (a few
  // milliseconds); the staff's shortcut pressed then opens the prompt, which must have the focus
  // once it is drawn. The key is pressed from a mutation observer, at that exact moment.
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (!document.getElementById('bousla') || !document.getElementById('bousla-boot')) return;
      seen.disconnect();
      (window as unknown as { pressedEarly: boolean }).pressedEarly = true;
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'B', code: 'KeyB', ctrlKey: true, altKey: true, shiftKey: true }));
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  await page.goto('./?lang=fr&mode=kiosk&counts=1&staff=e2etestsalt.979f6b1b2c7ef6bf20368ecdcc819b60&idle=600');
  await expect(page.locator('#staff-code')).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { pressedEarly?: boolean }).pressedEarly)).toBe(true);
  await expect(page.locator('#bousla-boot')).toHaveCount(0);
});

test('the app cannot be downloaded: the holder reads why, in their language, and "Try again" works', async ({ page }) => {
  let fail = true;
  await page.route(WASM, (route: Route) => (fail ? route.abort('internetdisconnected') : route.continue()));
  await page.goto('./?lang=fr');
  const status = page.getByTestId('first-paint');
  await expect(status).toHaveAttribute('role', 'alert');
  await expect(status).toContainText('Impossible de charger Bousla');
  // The welcome stays readable above the message.
  await expect(page.locator('#bousla-boot section.welcome p.privacy')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/first-paint-failed-fr.png', fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  fail = false;
  await status.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.getByTestId('start')).toBeVisible();
  await expect(page.locator('#bousla-boot')).toHaveCount(0);
});

test('the app\'s JavaScript cannot be downloaded: the same message, in Arabic', async ({ page }) => {
  await page.route(/\/bousla-[0-9a-f]+\.js$/, (route: Route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('./');
  await expect(page.getByTestId('first-paint')).toContainText('تعذر تحميل بوصلة');
  await expect(page.getByTestId('first-paint').getByRole('button', { name: 'أعد المحاولة' })).toBeEnabled();
});

test('an altered wasm is refused by the browser before it runs: the message, not a broken app', async ({ page }) => {
  await page.route(WASM, async (route: Route) => {
    const response = await route.fetch();
    const bytes = await response.body();
    bytes[bytes.length - 1] ^= 1;
    await route.fulfill({ response, body: bytes });
  });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto('./?lang=en');
  await expect(page.getByTestId('first-paint')).toContainText('Bousla could not be loaded');
  await expect(page.locator('#bousla')).toHaveCount(0);
  expect(errors.join('\n')).toMatch(/integrity/i);
});
