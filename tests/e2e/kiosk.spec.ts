// Kiosk mode: bigger targets, nothing stored, external links as QR codes, and an idle countdown
// that wipes the session for the next person.
import { test, expect } from '@playwright/test';
import { answerAzilal, storageKeys } from './helpers';

test('a kiosk stores nothing and wipes the session after the idle timeout, with a visible countdown', async ({ page, context }) => {
  await page.goto('./?lang=fr&mode=kiosk&idle=6');
  await expect(page.locator('#bousla.kiosk')).toBeVisible();
  await page.getByTestId('start').click();
  await answerAzilal(page);
  const stored = await storageKeys(context, page);
  expect(stored.local).toEqual([]);
  expect(stored.session).toEqual([]);
  expect(stored.cookies).toEqual([]);
  await expect(page.getByTestId('idle-countdown')).toBeVisible({ timeout: 10_000 });
  await page.screenshot({ path: 'test-results/screenshots/kiosk-countdown-fr.png' });
  await expect(page.getByTestId('start')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('resume')).toHaveCount(0);
  expect(await page.evaluate(() => location.hash)).toBe('');
});

test('touching the screen during the countdown keeps the session', async ({ page }) => {
  await page.goto('./?lang=en&mode=kiosk&idle=6');
  await page.getByTestId('start').click();
  await page.getByRole('button', { name: /Oriental/ }).click();
  await expect(page.getByTestId('idle-countdown')).toBeVisible({ timeout: 10_000 });
  await page.getByTestId('idle-countdown').getByRole('button').click();
  await expect(page.getByTestId('idle-countdown')).toBeHidden();
  await expect(page.locator('section.question')).toBeVisible();
});

test('on a kiosk, links to other sites are QR codes, and targets are at least 44 px', async ({ page }) => {
  await page.goto('./?lang=fr&mode=kiosk&idle=600');
  await page.getByTestId('start').click();
  await answerAzilal(page);
  // On the results too: their QR codes come with sharing's code, after the first cards.
  await expect(page.locator('article.card .qr-link svg.qr').first()).toBeVisible();
  expect(await page.locator('article.card a[target="_blank"]').count()).toBe(0);
  await page.locator('article.card button.secondary').first().click();
  await expect(page.locator('article.detail')).toBeVisible();
  expect(await page.locator('article.detail a[target="_blank"]').count()).toBe(0);
  await expect(page.locator('article.detail .qr-link svg.qr').first()).toBeVisible();
  for (const box of await page.locator('button').evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().height))) {
    expect(box).toBeGreaterThanOrEqual(44);
  }
});
