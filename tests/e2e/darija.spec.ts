// The Darija interface (issue 15): a fourth choice الدارجة in the language switch; its words are
// downloaded only when it is chosen (the first load of Arabic, French and English carries none
// of them); the interface is lang="ary", dir="rtl", the program texts stay Modern Standard
// Arabic (lang="ar"); share links, storage and ?lang= keep it; a failed download leaves the
// interface as it was, with a notice (tapping الدارجة again tries again). Screenshots at 360 and 1920 px in test-results/darija/.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { answerAzilal, guard, resultsDrawn } from './helpers';

const root = (page: Page) => page.locator('#bousla');
const ARY_TABLE = /\/catalog-[0-9a-f]{12}\.ary-ui\.txt$/;
/** Words only the Darija table has ("does not suit you now", "how is your business registered"). */
const DARIJA = ['ما كيناسبكش دابا', 'كيفاش مسجّلة الخدمة ديالك؟', 'شنو خاصك؟'];

async function inDarija(page: Page) {
  await expect(root(page)).toHaveAttribute('lang', 'ary');
  await expect(root(page)).toHaveAttribute('dir', 'rtl');
}

test('Darija words are not in the first load: only in their own table, fetched when chosen', async ({ page }) => {
  const files = readdirSync('dist');
  const wasm = readFileSync(`dist/${files.find((f) => f.endsWith('_bg.wasm'))}`);
  const table = readFileSync(`dist/${files.find((f) => /^catalog-[0-9a-f]{12}\.ary-ui\.txt$/.test(f))}`, 'utf8');
  for (const words of DARIJA) {
    expect(wasm.includes(Buffer.from(words, 'utf8')), words).toBe(false);
    expect(table.includes(words), words).toBe(true);
  }
  // Arabic, French and English: the table is never requested.
  const requested: string[] = [];
  page.on('request', (r) => { if (ARY_TABLE.test(r.url())) requested.push(r.url()); });
  for (const lang of ['ar', 'fr', 'en']) {
    await page.goto(`./?lang=${lang}`);
    await page.getByTestId('start').click();
    await expect(page.locator('section.question')).toBeVisible();
  }
  expect(requested).toEqual([]);
  // Chosen: fetched once, then shown.
  await page.goto('./?lang=ar');
  await page.locator('button.lang[data-lang="ary"]').click();
  await inDarija(page);
  expect(requested.length).toBe(1);
});

test('a holder switches to الدارجة, answers, and reads the results in Darija with the program texts in Arabic', async ({ page, browser }) => {
  const g = guard(page);
  await page.goto('./');
  await expect(root(page)).toHaveAttribute('lang', 'ar');
  const ary = page.locator('button.lang[data-lang="ary"]');
  await expect(ary).toHaveText('الدارجة');
  await expect(ary).toHaveAttribute('lang', 'ary');
  await ary.click();
  await inDarija(page);
  await expect(ary).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('p.tagline')).toHaveText('لقا برامج الدعم اللي كتناسب المشروع ديالك فالمغرب.');
  await expect(page.getByTestId('start')).toHaveText('بدا');

  await page.getByTestId('start').click();
  await expect(page.locator('section.question h1')).toHaveText('فاشمن جهة كاين المشروع ديالك؟');
  await answerAzilal(page, async (q) => {
    if (q === 'stage') await expect(page.locator('section.question')).toContainText('عندي غير الفكرة');
    if (q === 'needs') await expect(page.locator('section.question h1')).toHaveText('شنو خاصك؟');
  });
  await expect(page.locator('section.results')).toBeVisible();
  await resultsDrawn(page);
  await inDarija(page);
  await expect(page.getByTestId('results-summary')).toContainText('كيناسبوك');
  // Program texts: Modern Standard Arabic, marked so; the words around them: Darija.
  const card = page.locator('article.card').first();
  await expect(card.locator('h3')).toHaveAttribute('lang', 'ar');
  await expect(card.locator('p[lang="ar"]').first()).toBeVisible();
  await expect(page.locator('section.results')).toContainText(/كيناسبك|يقدر يناسبك/);
  await expect(root(page).locator('[lang="fr"], [lang="en"]')).toHaveCount(2); // the switch's buttons only
  // No placeholder left anywhere.
  expect(await page.locator('#bousla').innerText()).not.toMatch(/\{[a-z_]+\}/);

  // The program page.
  await card.locator('button.secondary').last().click();
  await expect(page.locator('article.detail h1')).toHaveAttribute('lang', 'ar');
  await inDarija(page);
  await expect(page.locator('article.detail')).toContainText('كيفاش تقدّم الطلب');

  // Stored: a reload stays in Darija, on the program page.
  await page.reload();
  await inDarija(page);
  await expect(page.locator('article.detail')).toBeVisible();

  // The share link keeps the language, and opens in Darija in a fresh browser.
  await page.goto('./?lang=ary');
  await inDarija(page);
  // Continue returns where the holder was: the program page, then back to the results.
  await page.getByTestId('resume').click();
  await expect(page.locator('article.detail')).toBeVisible();
  await page.getByTestId('detail-back').click();
  await expect(page.locator('section.results')).toBeVisible();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('lang=ary');
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const g2 = guard(other);
  await other.goto(link);
  await inDarija(other);
  await expect(other.locator('section.results')).toBeVisible();
  await resultsDrawn(other);
  await expect(other.locator('article.card h3').first()).toHaveAttribute('lang', 'ar');
  g2.assertClean();
  await fresh.close();
  g.assertClean();
});

test('bad language values keep Arabic; Darija from storage comes back', async ({ page }) => {
  for (const bad of ['xx', 'ARY', 'ar-MA', 'darija']) {
    await page.goto(`./?lang=${bad}`);
    await expect(root(page)).toHaveAttribute('lang', 'ar');
    await expect(page.getByTestId('start')).toBeVisible();
  }
  await page.evaluate(() => localStorage.setItem('bousla.lang', 'ary'));
  await page.goto('./');
  await inDarija(page);
  await page.evaluate(() => localStorage.setItem('bousla.lang', 'klingon'));
  await page.goto('./');
  await expect(root(page)).toHaveAttribute('lang', 'ar');
});

test.describe('without the service worker (so the network can be cut here)', () => {
test.use({ serviceWorkers: 'block' });
test('when the Darija words cannot be downloaded, the interface stays as it was, with a notice; tapping again retries', async ({ page }) => {
  await page.route(ARY_TABLE, (r) => r.fulfill({ status: 503, body: '' }));
  await page.goto('./?lang=fr');
  await page.locator('button.lang[data-lang="ary"]').click();
  await expect(page.getByTestId('lang-failed')).toHaveText(/Impossible de charger la darija/);
  await expect(root(page)).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('start')).toHaveText('Commencer');
  // An altered table is refused the same way (its SHA-256 differs).
  await page.unroute(ARY_TABLE);
  await page.route(ARY_TABLE, async (r) => {
    const res = await r.fetch();
    await r.fulfill({ response: res, body: (await res.text()).replace('بدا', 'ابدأ') });
  });
  await page.locator('button.lang[data-lang="ary"]').click();
  await expect(page.getByTestId('lang-failed')).toBeVisible();
  await expect(root(page)).toHaveAttribute('lang', 'fr');
  await page.unroute(ARY_TABLE);
  await page.locator('button.lang[data-lang="ary"]').click();
  await inDarija(page);
  await expect(page.getByTestId('lang-failed')).toHaveCount(0);
});
});

for (const [width, height] of [[360, 740], [1920, 1080]]) {
  test(`screenshots of the Darija flow at ${width}px`, async ({ page }) => {
    mkdirSync('test-results/darija', { recursive: true });
    await page.setViewportSize({ width, height });
    await page.goto('./?lang=ary');
    await inDarija(page);
    await page.screenshot({ path: `test-results/darija/${width}-1-welcome.png`, fullPage: true });
    await page.getByTestId('start').click();
    let shot = false;
    await answerAzilal(page, async (q) => {
      if (q === 'stage' || q === 'needs') {
        await page.screenshot({ path: `test-results/darija/${width}-2-question-${q}.png`, fullPage: true });
        shot = true;
      }
    });
    expect(shot).toBe(true);
    await resultsDrawn(page);
    await page.screenshot({ path: `test-results/darija/${width}-3-results.png`, fullPage: width > 1000 });
    await page.locator('article.card').first().screenshot({ path: `test-results/darija/${width}-4-card.png` });
    await page.locator('article.card button.secondary').last().click();
    await expect(page.locator('article.detail')).toBeVisible();
    await page.screenshot({ path: `test-results/darija/${width}-5-detail.png` });
  });
}
