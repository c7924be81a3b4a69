// Adviser mode (`mode=adviser`, also embed.js's data-mode="adviser"): every question on one page
// by section, follow-up questions in place, the programs beside (≥ 1024 px) or below, updated on
// every answer; filled with the keyboard alone; nothing stored on the device.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { axeViolations, guard, storageKeys, type Lang } from './helpers';
import { baseURL } from './fixtures';
import { holders } from './holders';

const SHOTS = '/tmp/bousla-shots';
const count = (page: Page) => page.getByTestId('adviser-count');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Tab until the element `id` has focus (at most `max` presses). */
async function tabTo(page: Page, id: string, max = 60) {
  for (let i = 0; i < max && (await focusedId(page)) !== id; i++) await page.keyboard.press('Tab');
  expect(await focusedId(page)).toBe(id);
}

test('an adviser fills every question with the keyboard alone; programs follow each answer; follow-ups appear in place', async ({ page, context }) => {
  const g = guard(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('./?lang=fr&mode=adviser');
  await expect(page.locator('section.adviser')).toBeVisible();
  await expect(page.getByTestId('start')).toHaveCount(0);
  await expect(page.locator('.adviser-results')).toBeVisible();
  await expect(page.locator('#q-province-set')).toHaveCount(0);
  const start = await count(page).textContent();

  await page.locator('#bousla-heading').focus();
  // A radio group is one Tab stop: "Je ne sais pas" is checked until an answer is chosen.
  await page.keyboard.press('Tab');
  expect(await focusedId(page)).toBe('q-region-idk');
  await page.keyboard.press('ArrowDown'); // the first region
  await expect(page.locator('#q-region-0')).toBeChecked();
  await expect(page.locator('#q-region-0')).toBeFocused();
  // The province appears in place, right after the region.
  await expect(page.locator('#q-province-set')).toBeVisible();
  await expect(count(page)).not.toHaveText(start!);
  const order = await page.locator('.adviser-questions fieldset.q-inline').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-question')));
  expect(order.slice(0, 3)).toEqual(['region', 'province', 'stage']);
  // Visible focus on the chosen option.
  const outline = await page.locator('label.opt:focus-within').evaluate((l) => getComputedStyle(l).outlineStyle);
  expect(outline).not.toBe('none');

  await page.keyboard.press('Tab');
  expect(await focusedId(page)).toBe('q-province-idk');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#q-province-0')).toBeChecked();

  // A running business: its start year, legal form, revenue and jobs appear in place.
  await page.keyboard.press('Tab');
  expect(await focusedId(page)).toBe('q-stage-idk');
  let before = await count(page).textContent();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(page.locator('#q-stage-2')).toBeChecked();
  for (const q of ['started', 'legal-form', 'revenue', 'jobs']) await expect(page.locator(`#q-${q}-set`)).toBeVisible();
  await expect(count(page)).not.toHaveText(before!);

  // A typed number: Enter keeps it.
  await tabTo(page, 'q-jobs-input');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(page.locator('#q-jobs-input')).toHaveAttribute('aria-invalid', 'false');

  // Needs: Space ticks; financing opens the amount in place.
  await tabTo(page, 'q-needs-financing');
  await page.keyboard.press('Space');
  await expect(page.locator('#q-needs-financing')).toBeChecked();
  await expect(page.locator('#q-amount-set')).toBeVisible();

  before = await count(page).textContent();
  await tabTo(page, 'q-age-input');
  await page.keyboard.type('٢٧'); // Arabic-Indic digits, as an Arabic keyboard types them
  await page.keyboard.press('Tab');
  await expect(page.locator('#q-age-input')).toHaveAttribute('aria-invalid', 'false');

  // The programs beside the questions: cards, in step with the answers.
  await expect(page.locator('.adviser-results article.card').first()).toBeVisible();
  // Side by side at 1366 px (measured from the top: the programs stay in sight as the page scrolls).
  await page.evaluate(() => window.scrollTo(0, 0));
  const q = (await page.locator('.adviser-questions').boundingBox())!;
  const r = (await page.locator('.adviser-results').boundingBox())!;
  expect(Math.abs(q.y - r.y)).toBeLessThan(5);
  expect(r.x).toBeGreaterThan(q.x);

  // Nothing stored on the device.
  const stored = await storageKeys(context, page);
  expect(stored).toEqual({ local: [], session: [], cookies: [] });
  g.assertClean();
});

test('on a phone the programs come below the questions; a bad mode falls back with a clear message', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('./?lang=fr&mode=adviser');
  const q = (await page.locator('.adviser-questions').boundingBox())!;
  const r = (await page.locator('.adviser-results').boundingBox())!;
  expect(r.y).toBeGreaterThan(q.y + q.height - 5);
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.goto('./?lang=fr&mode=advisor');
  await expect(page.getByTestId('start')).toBeVisible();
  expect(warnings.join('\n')).toContain('ignored mode=advisor: use kiosk or adviser');
});

test('printing gives one sheet with the answers, the programs, how to apply and the QR code, without the questions', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('./?lang=fr&mode=adviser');
  await page.locator('#q-region-0').check();
  await page.locator('#q-stage-0').check();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-answers')).toBeVisible();
  await expect(page.locator('.print-answers li')).toHaveCount(2);
  await expect(page.locator('.adviser-questions')).toBeHidden();
  await expect(page.locator('.adviser-results .print-sheet')).toBeVisible();
  await expect(page.locator('.adviser-results .print-sheet svg.qr')).toBeVisible();
  // How to apply to the best programs.
  await expect(page.locator('.print-sheet li .steps').first()).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/adviser-print-fr.png`, fullPage: true });
});

/** Pages of a PDF: its `/Type /Page` objects (not `/Pages`). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

test('the adviser\'s printed sheet fits one A4 page in ar, ary, fr and en: answers, best programs, steps, desk and QR', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  const rows: string[] = [];
  for (const lang of ['ar', 'ary', 'fr', 'en'] as Lang[]) {
    for (const h of holders) {
      // The holder's share link opens the adviser's page with their answers.
      await page.goto('about:blank');
      await page.goto(`./?lang=${lang}&mode=adviser${h.fragment}`);
      await expect(page.locator('section.adviser')).toBeVisible();
      await expect(page.locator('.adviser-results article.card').first()).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.print-answers li').first()).toBeVisible();
      const sheet = page.locator('.adviser-results .print-sheet');
      await expect(sheet.locator('li').first()).toBeVisible();
      await expect(sheet.locator('.verdict').first()).toBeVisible();
      // Each program on paper names the desk to go to (or says there is none).
      // …and how to apply.
      expect(await sheet.locator('li').count()).toBe(await sheet.locator('li .door').count());
      expect(await sheet.locator('li').count()).toBe(await sheet.locator('li .steps').count());
      await expect(sheet.locator('svg.qr')).toBeVisible();
      await expect(page.locator('.adviser-questions')).toBeHidden();
      const n = pdfPages(await page.pdf({ format: 'A4' }));
      rows.push(`${lang} ${h.name}: ${n} page(s)`);
      if (n > 1 && h.name === 'azilal-informal-woman') {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: `${SHOTS}/adviser-print-${lang}-overflow.png`, fullPage: true });
      }
      await page.emulateMedia({ media: 'screen' });
    }
  }
  console.log(rows.join('\n'));
  expect(rows.filter((r) => !r.endsWith(': 1 page(s)'))).toEqual([]);
});

test('the embed option data-mode="adviser" opens the adviser page in the partner page', async ({ page }) => {
  const partner = new URL('./adviser-partner.html', baseURL).href;
  const widget = new URL('./embed.js', baseURL).href;
  await page.route(partner, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="fr"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>CRI</title></head>
      <body><h1>CRI</h1><script src="${widget}" data-lang="fr" data-mode="adviser" async></script></body></html>`,
  }));
  await page.goto(partner);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('section.adviser')).toBeVisible();
  await frame.locator('#q-region-0').check();
  await expect(frame.locator('#q-province-set')).toBeVisible();
  const frameURL = page.frames().find((f) => f.url().includes('embed=1'))!.url();
  expect(frameURL).toContain('mode=adviser');
});

for (const lang of ['fr', 'ar'] as Lang[]) {
  test(`adviser page in ${lang}: axe 0 at 360, 1366 and 1920 px; screenshots`, async ({ page }) => {
    const g = guard(page);
    mkdirSync(SHOTS, { recursive: true });
    await page.goto(`./?lang=${lang}&mode=adviser`);
    await page.locator('#q-region-0').check();
    await page.locator('#q-stage-2').check();
    await page.locator('#q-needs-financing').check();
    await expect(page.locator('#q-amount-set')).toBeVisible();
    const found: string[] = [];
    for (const [width, height] of [[360, 740], [1366, 768], [1920, 1080]]) {
      await page.setViewportSize({ width, height });
      await page.evaluate(() => document.fonts.ready);
      found.push(...(await axeViolations(page)).map((v) => `${width}: ${v}`));
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/adviser-${lang}-${width}.png` });
    }
    expect(found).toEqual([]);
    g.assertClean();
  });
}
