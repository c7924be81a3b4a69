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
