// A program's sources are a table of their own, downloaded when a holder first opens a
// program's page: the results never show them, and they were a third of each language's first
// download. A missing or damaged table leaves the rest of the page whole, with "Try again".
import { test, expect, type Page, type Route } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { axeViolations, shareFragment, resultsDrawn } from './helpers';

const TABLE = /\/catalog-[0-9a-f]{12}\.sources\.txt$/;
const sourcesTable = () => readFileSync(`dist/${readdirSync('dist').find((f) => /^catalog-[0-9a-f]{12}\.sources\.txt$/.test(f))}`, 'utf8');
const LINK = (lang: string) => `./?lang=${lang}${shareFragment('r-oriental.s-idea.a-25.g-female.n-financing+coaching.m-0~50000')}`;

async function openFirstProgram(page: Page, nth = 0) {
  await page.locator('article.card').nth(nth).locator('button.secondary').last().click();
  await expect(page.locator('article.detail h1')).toBeVisible();
}

test('the results never download the sources; a program page does, once per visit', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (r) => { if (TABLE.test(r.url())) asked.push(r.url()); });
  await page.goto(LINK('fr'));
  await resultsDrawn(page);
  expect(asked).toEqual([]);
  await openFirstProgram(page);
  const links = page.locator('article.detail ul.sources li a');
  await expect(links.first()).toBeVisible();
  expect(await links.count()).toBeGreaterThan(0);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/^https?:\/\//);
  }
  expect(asked).toHaveLength(1);
  await page.getByTestId('detail-back').click();
  await resultsDrawn(page);
  await openFirstProgram(page, 1);
  await expect(page.locator('article.detail ul.sources li a').first()).toBeVisible();
  expect(asked).toHaveLength(1);
});

// Requests a service worker makes are not routed by Playwright: without it, the network can be
// cut here.
test.describe('without the service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('a 404 for the sources: the program page is whole, with a notice and "Try again" that works', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let fail = true;
    await page.route(TABLE, (route: Route) => (fail ? route.fulfill({ status: 404, body: 'not found' }) : route.continue()));
    await page.goto(LINK('ar'));
    await resultsDrawn(page);
    await openFirstProgram(page);
    const notice = page.getByTestId('sources-unavailable');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('تعذر تحميل المصادر');
    // The rest of the page does not wait for the sources.
    await expect(page.locator('article.detail h1')).not.toBeEmpty();
    await expect(page.getByTestId('detail-back')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    fail = false;
    await notice.getByRole('button').click();
    await expect(page.locator('article.detail ul.sources li a').first()).toBeVisible();
    await expect(notice).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('an altered sources table is refused as a whole: no link from it', async ({ page }) => {
    const table = sourcesTable();
    await page.route(TABLE, (route: Route) => route.fulfill({
      status: 200, contentType: 'text/plain; charset=utf-8', body: table.replace('https://', 'javascript:alert(1)//'),
    }));
    await page.goto(LINK('en'));
    await resultsDrawn(page);
    await openFirstProgram(page);
    await expect(page.getByTestId('sources-unavailable')).toBeVisible();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await expect(page.locator('article.detail ul.sources')).toHaveCount(0);
  });
});
