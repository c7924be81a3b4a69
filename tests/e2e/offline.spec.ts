// After a first visit the app works with no network: the service worker serves the build.
import { test, expect } from '@playwright/test';
import { answerAzilal } from './helpers';

test('after a first visit, the app reloads and completes offline', async ({ page, context }) => {
  await page.goto('./?lang=fr');
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return reg.active?.state;
  });
  // Let the worker take control of this page.
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('start')).toBeVisible();
  await page.getByTestId('start').click();
  await answerAzilal(page);
  await expect(page.locator('section.results')).toBeVisible();
  await context.setOffline(false);
});

// The texts of each language are one file per language, and so are the interface's words of
// French, English and Darija (`-ui`; Arabic's are in the app): a phone keeps the ones it used, a
// kiosk keeps all of them (its next holder may choose any language).
const keptTables = (page: import('@playwright/test').Page) =>
  page.evaluate(async () => {
    const names: string[] = [];
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const request of await cache.keys()) {
        const m = /catalog-[0-9a-f]+\.([a-z]+(?:-ui)?)\.txt$/.exec(request.url);
        if (m) names.push(m[1]);
      }
    }
    return names.sort();
  });

const worker = async (page: import('@playwright/test').Page) => {
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
};

test('a first visit keeps only the language shown; switching keeps the new one too', async ({ page, context }) => {
  await page.goto('./?lang=fr');
  await worker(page);
  await expect.poll(() => keptTables(page)).toEqual(['fr', 'fr-ui']);
  const precached = await page.evaluate(async () => {
    const key = (await caches.keys()).find((k) => k.startsWith('bousla-'))!;
    return (await (await caches.open(key)).keys()).map((r) => new URL(r.url).pathname);
  });
  expect(precached.some((p) => p.endsWith('.wasm'))).toBe(true);
  await page.getByRole('button').and(page.locator('[data-lang="en"]')).click();
  await expect.poll(() => keptTables(page)).toEqual(['en', 'en-ui', 'fr', 'fr-ui']);
  // Offline, the two languages used still show the program texts.
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('start').click();
  await answerAzilal(page);
  await expect(page.locator('section.results')).toBeVisible();
  await expect(page.getByTestId('texts-failed')).toHaveCount(0);
  await page.getByRole('button').and(page.locator('[data-lang="en"]')).click();
  await expect(page.locator('section.results')).toBeVisible();
  await expect(page.getByTestId('texts-failed')).toHaveCount(0);
  await context.setOffline(false);
});

test('a kiosk keeps every language, and the programs\' sources, for offline use', async ({ page }) => {
  await page.goto('./?lang=ar&mode=kiosk');
  await worker(page);
  await expect.poll(() => keptTables(page), { timeout: 20_000 }).toEqual(['ar', 'ary-ui', 'en', 'en-ui', 'fr', 'fr-ui', 'sources']);
});
