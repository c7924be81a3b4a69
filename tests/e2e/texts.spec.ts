// The program texts come in a separate file per language, checked against the digest the build
// recorded. A missing (404) or damaged table gives a clear notice with "Try again", the answers
// and the share link — never nameless cards or empty pathway blocks — and "Try again" works
// once the file is back.
import { test, expect, type Page, type Route } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { axeViolations, shareFragment, resultsDrawn } from './helpers';

const TABLE = /\/catalog-[0-9a-f]{12}\.fr\.txt$/;
const frTable = () => readFileSync(`dist/${readdirSync('dist').find((f) => /^catalog-[0-9a-f]{12}\.fr\.txt$/.test(f))}`, 'utf8');
/** A holder whose results hold cards and a pathway. */
const LINK = `./?lang=fr${shareFragment('r-oriental.s-idea.a-25.g-female.n-financing+coaching.m-0~50000')}`;

async function expectFailedCleanly(page: Page) {
  await expect(page.getByTestId('texts-failed')).toBeVisible();
  await expect(page.getByTestId('texts-failed')).toContainText(/Impossible de charger/);
  await expect(page.getByTestId('retry-texts')).toBeVisible();
  // No card, no pathway block, no list of names: nothing drawn without its text.
  await expect(page.locator('article.card')).toHaveCount(0);
  await expect(page.locator('.pathways, .pathway, details.not-eligible')).toHaveCount(0);
  // What needs no program text stays: the counts, the answers, the share link.
  await expect(page.getByTestId('results-summary')).toBeVisible();
  await expect(page.locator('details.answers')).toBeVisible();
  await expect(page.getByTestId('share-link')).toBeVisible();
}

const damaged: [string, (t: string) => string][] = [
  ['cut in half', (t) => t.slice(0, t.length / 2)],
  ['two entries swapped', (t) => { const e = t.split('\u001e'); [e[0], e[4]] = [e[4], e[0]]; return e.join('\u001e'); }],
  ['a link made javascript:', (t) => t.replace('https://', 'javascript:alert(1)//')],
  ['an HTML page', () => '<!doctype html><title>Not found</title>'],
];

test('a 404 for the text table: a notice with "Try again", no nameless cards; "Try again" loads them', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let fail = true;
  await page.route(TABLE, (route: Route) => (fail ? route.fulfill({ status: 404, body: 'not found' }) : route.continue()));
  await page.goto(LINK);
  await expectFailedCleanly(page);
  await page.screenshot({ path: 'test-results/screenshots/texts-failed-fr.png', fullPage: true });
  const violations = await axeViolations(page);
  expect(violations).toEqual([]);
  fail = false;
  await page.getByTestId('retry-texts').click();
  await resultsDrawn(page);
  await expect(page.getByTestId('texts-failed')).toHaveCount(0);
  const names = await page.locator('article.card h3').allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  expect(names.every((n) => n.trim().length > 0)).toBe(true);
  expect(errors).toEqual([]);
});

for (const [what, damage] of damaged) {
  test(`a text table ${what} is refused as a whole: the notice, no card`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const table = frTable();
    await page.route(TABLE, (route: Route) => route.fulfill({
      status: 200, contentType: 'text/plain; charset=utf-8', body: damage(table),
    }));
    await page.goto(LINK);
    await expectFailedCleanly(page);
    expect(await page.locator('a[href^="javascript:"], a[href^="data:"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
}

test('the welcome screen says the texts failed, with "Try again", too', async ({ page }) => {
  await page.route(TABLE, (route: Route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('./?lang=fr');
  await expect(page.getByTestId('retry-texts')).toBeVisible();
  await expect(page.getByTestId('start')).toBeVisible();
});

test("the kiosk's number fields are not remembered by the browser (autocomplete off)", async ({ page }) => {
  const url = `./?lang=fr&mode=kiosk&idle=600${shareFragment('r-oriental.s-running.y-2019.f-company.c-commerce')}`;
  for (const [question, field] of [['age', '#q-age-input'], ['jobs', '#q-jobs-input'], ['revenue', '#q-revenue-input']]) {
    await page.goto('about:blank');
    await page.goto(url);
    await expect(page.locator('section.results')).toBeVisible();
    await page.locator('details.answers summary').click();
    await page.locator(`li[data-answer="${question}"] button`).click();
    await expect(page.locator(field)).toHaveAttribute('autocomplete', 'off');
    await expect(page.locator(field)).toHaveAttribute('inputmode', 'numeric');
  }
});
