// A program's benefits, steps to apply and website are a table of their own per language, downloaded
// once the results' first cards are drawn (the printed sheet asks for them): the cards never
// show them, and they were 9.5 KB brotli of the 23 KB a holder downloaded before the first
// card. A program's page shows them; a missing or damaged table leaves the rest of the page
// whole, with one notice and "Try again".
import { test, expect, type Page, type Route } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { axeViolations, shareFragment, resultsDrawn } from './helpers';

const DETAILS = /\/catalog-[0-9a-f]{12}\.([a-z]{2})-details\.txt$/;
const detailsTable = (lang: string) =>
  readFileSync(`dist/${readdirSync('dist').find((f) => new RegExp(`^catalog-[0-9a-f]{12}\\.${lang}-details\\.txt$`).test(f))}`, 'utf8');
const LINK = (lang: string) => `./?lang=${lang}${shareFragment('r-oriental.s-idea.a-25.g-female.n-financing+coaching.m-0~50000')}`;

async function openProgram(page: Page, nth = 0) {
  await page.locator('article.card').nth(nth).locator('button.secondary').last().click();
  await expect(page.locator('article.detail h1')).toBeVisible();
}

/// How many of the table's entries the program's page shows (its benefits and its steps).
async function entriesShown(page: Page, table: string) {
  const text = await page.locator('article.detail').innerText();
  return table.split('\u001e').filter((e) => e.length > 30 && text.includes(e)).length;
}

// Requests a service worker makes are not routed by Playwright: without it, the network can be
// held or cut here.
test.describe('without the service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('the first cards do not wait for the details; a program page shows its benefits and steps; one download per visit', async ({ page }) => {
    const asked: string[] = [];
    let cardsWhenAsked = -1;
    await page.route(DETAILS, async (route: Route) => {
      // Counted first: the test reads it once the request is listed.
      cardsWhenAsked = await page.locator('article.card').count();
      asked.push(route.request().url());
      await route.continue();
    });
    await page.goto(LINK('fr'));
    await resultsDrawn(page);
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toMatch(/\.fr-details\.txt$/);
    expect(cardsWhenAsked, 'asked for once the first cards are on screen').toBeGreaterThan(0);
    await expect(page.locator('article.card').first()).not.toContainText(detailsTable('fr').split('\u001e')[0]);
    await openProgram(page);
    await expect.poll(() => entriesShown(page, detailsTable('fr'))).toBe(2);
    await page.getByTestId('detail-back').click();
    await resultsDrawn(page);
    await openProgram(page, 1);
    await expect.poll(() => entriesShown(page, detailsTable('fr'))).toBe(2);
    // A program's own website is in the details too: on its page, not on its card.
    await page.getByTestId('detail-back').click();
    await resultsDrawn(page);
    const card = page.locator('article.card[data-program="company-creation-online"]');
    await expect(card.locator('a[href="https://www.directentreprise.ma"]')).toHaveCount(0);
    await card.locator('button.secondary').last().click();
    await expect(page.locator('article.detail a[href="https://www.directentreprise.ma"]').first()).toBeVisible();
    expect(asked).toHaveLength(1);
  });

  test('a 404 for the details: the page is whole, with one notice and "Try again" that works', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let fail = true;
    await page.route(DETAILS, (route: Route) => (fail ? route.fulfill({ status: 404, body: 'not found' }) : route.continue()));
    await page.goto(LINK('ar'));
    await resultsDrawn(page);
    await openProgram(page);
    const notice = page.getByTestId('details-unavailable');
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText('تعذر تحميل تفاصيل البرنامج');
    await expect(page.locator('article.detail h1')).not.toBeEmpty();
    await expect(page.getByTestId('detail-back')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    fail = false;
    await notice.getByRole('button').click();
    await expect.poll(() => entriesShown(page, detailsTable('ar'))).toBe(2);
    await expect(notice).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('Darija shows the Arabic details; an altered table is refused as a whole', async ({ page }) => {
    const asked: string[] = [];
    const entries = detailsTable('ar').split('\u001e');
    [entries[0], entries[1]] = [entries[1], entries[0]];
    await page.route(DETAILS, (route: Route) => {
      asked.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: entries.join('\u001e') });
    });
    await page.goto(LINK('ary'));
    await resultsDrawn(page);
    await openProgram(page);
    await expect(page.getByTestId('details-unavailable')).toContainText('ما قدرناش نجيبو تفاصيل البرنامج');
    expect(asked.every((u) => /\.ar-details\.txt$/.test(u))).toBe(true);
    expect(await entriesShown(page, entries.join('\u001e'))).toBe(0);
  });
});
