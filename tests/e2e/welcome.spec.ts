// The welcome screen in each language, with the right direction on the widget's own root, a
// page that talks to no host but the one that served it, and no error of any kind.
import { test, expect, type Page } from '@playwright/test';
import { watch } from './fixtures';

type Lang = 'ar' | 'fr' | 'en';
const names: Record<Lang, string> = { ar: 'بوصلة', fr: 'Bousla', en: 'Bousla' };
const dirs: Record<Lang, 'rtl' | 'ltr'> = { ar: 'rtl', fr: 'ltr', en: 'ltr' };

async function expectWelcome(page: Page, lang: Lang) {
  const root = page.locator('#bousla');
  await expect(root).toHaveAttribute('lang', lang);
  await expect(root).toHaveAttribute('dir', dirs[lang]);
  await expect(page.locator('h1')).toHaveText(names[lang]);
  await expect(page.getByTestId('start')).toBeVisible();
}

const langButton = (page: Page, lang: Lang) => page.getByRole('button').and(page.locator(`[data-lang="${lang}"]`));

for (const lang of ['ar', 'fr', 'en'] as const) {
  test(`welcome renders in ${lang} from ?lang=${lang}, with lang and dir on the widget's root`, async ({ page }) => {
    const w = watch(page);
    await page.goto(`./?lang=${lang}`);
    await expectWelcome(page, lang);
    // The host page's <html> is not the widget's to change (it may be a partner's page).
    expect(await page.locator('html').getAttribute('dir')).toBeNull();
    w.assertClean();
  });
}

test('without a lang option the app opens in Arabic', async ({ page }) => {
  const w = watch(page);
  await page.goto('./');
  await expectWelcome(page, 'ar');
  w.assertClean();
});

test('the language buttons switch the language and direction', async ({ page }) => {
  const w = watch(page);
  await page.goto('./?lang=fr');
  await expectWelcome(page, 'fr');
  for (const lang of ['ar', 'en', 'fr'] as const) {
    await langButton(page, lang).click();
    await expectWelcome(page, lang);
    await expect(langButton(page, lang)).toHaveAttribute('aria-pressed', 'true');
  }
  w.assertClean();
});

test('the page requests nothing from any other host, through a first question', async ({ page }) => {
  const w = watch(page);
  const hosts = new Set<string>();
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  await page.goto('./?lang=en');
  await page.getByTestId('start').click();
  await page.getByTestId('dont-know').click();
  await page.waitForLoadState('networkidle');
  expect(w.outbound).toEqual([]);
  expect([...hosts]).toEqual([new URL(page.url()).host]);
  w.assertClean();
});

for (const lang of ['ar', 'fr'] as const) {
  for (const [width, height] of [[360, 740], [1920, 1080]]) {
    test(`screenshot of the welcome screen, ${lang} at ${width}x${height}`, async ({ page }) => {
      const w = watch(page);
      await page.setViewportSize({ width, height });
      await page.goto(`./?lang=${lang}`);
      await expectWelcome(page, lang);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: `test-results/screenshots/welcome-${lang}-${width}.png` });
      w.assertClean();
    });
  }
}
