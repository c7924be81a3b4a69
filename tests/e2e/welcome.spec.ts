// The welcome screen in each language, with the right direction, and a page that talks to no
// host but the one that served it.
import { test, expect } from '@playwright/test';
import { guard } from './helpers';

const names = { ar: 'بوصلة', fr: 'Bousla', en: 'Bousla' };

for (const [lang, dir] of [['ar', 'rtl'], ['fr', 'ltr'], ['en', 'ltr']] as const) {
  test(`welcome renders in ${lang} with lang and dir on the widget's root`, async ({ page }) => {
    const g = guard(page);
    await page.goto(`./?lang=${lang}`);
    const root = page.locator('.bousla');
    await expect(root).toHaveAttribute('lang', lang);
    await expect(root).toHaveAttribute('dir', dir);
    await expect(page.locator('h1')).toHaveText(names[lang]);
    await expect(page.getByTestId('start')).toBeVisible();
    // The host page's <html> is not the widget's to change.
    expect(await page.locator('html').getAttribute('dir')).toBeNull();
    g.assertClean();
  });
}

test('the language buttons switch the language and direction', async ({ page }) => {
  await page.goto('./?lang=fr');
  await page.locator('button[data-lang="ar"]').click();
  await expect(page.locator('.bousla')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('h1')).toHaveText('بوصلة');
  await page.locator('button[data-lang="en"]').click();
  await expect(page.locator('.bousla')).toHaveAttribute('lang', 'en');
  await expect(page.locator('button[data-lang="en"]')).toHaveAttribute('aria-pressed', 'true');
});

test('without a lang option the app opens in Arabic', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.bousla')).toHaveAttribute('lang', 'ar');
});

test('the page requests nothing from any other host, through a whole session', async ({ page }) => {
  const g = guard(page);
  const hosts = new Set<string>();
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  await page.goto('./?lang=en');
  await page.getByTestId('start').click();
  await page.getByTestId('dont-know').click();
  expect([...hosts]).toEqual([new URL(page.url()).host]);
  g.assertClean();
});
