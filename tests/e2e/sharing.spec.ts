// Taking results home without a server: share links in the URL fragment, QR codes drawn on the
// device, print; and corrupt links that open a clean start.
import { readFileSync } from 'node:fs';
import { test, expect, type BrowserContext } from '@playwright/test';
import { guard, answerAzilal, resultsDrawn } from './helpers';

test('a share link carries the answers and reopens the same results in a fresh browser', async ({ page, browser }) => {
  await page.goto('./?lang=fr');
  await page.getByTestId('start').click();
  await answerAzilal(page);
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#a=2\.[a-z0-9_.~+-]+\.e-[0-9a-f]{8}$/);
  expect(link).not.toMatch(/name|nom/i);
  await resultsDrawn(page);
  const summary = await page.getByTestId('results-summary').innerText();
  const programs = await page.locator('article.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-program')));

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const g = guard(other);
  await other.goto(link);
  await expect(other.locator('section.results')).toBeVisible();
  await expect(other.getByTestId('results-summary')).toHaveText(summary);
  await resultsDrawn(other);
  expect(await other.locator('article.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-program')))).toEqual(programs);
  g.assertClean();
  await fresh.close();
});

// A phone's camera, as far as a test can be one: jsQR (npm, pinned) reads the SVG painted on a
// canvas, in a blank page of its own (the app's page allows no script but its own).
const JSQR = readFileSync('node_modules/jsqr/dist/jsQR.js', 'utf8');

async function readQr(context: BrowserContext, svg: string): Promise<string | null> {
  const camera = await context.newPage();
  await camera.setContent('<canvas></canvas>');
  await camera.addScriptTag({ content: JSQR });
  const text = await camera.evaluate(async (svg) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await img.decode();
    const side = 480;
    const canvas = document.querySelector('canvas') as HTMLCanvasElement;
    canvas.width = canvas.height = side;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, 0, 0, side, side);
    const pixels = ctx.getImageData(0, 0, side, side).data;
    return (window as any).jsQR(pixels, side, side)?.data ?? null;
  }, svg);
  await camera.close();
  return text;
}

test('the QR codes of the share panel and the printed sheet are drawn on the device, and a camera reads the share link from them', async ({ page, context }) => {
  await page.goto('./?lang=en');
  await page.getByTestId('start').click();
  await answerAzilal(page);
  await resultsDrawn(page);
  const link = await page.getByTestId('share-link').inputValue();
  const qr = page.locator('section.share svg.qr');
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAttribute('aria-label', /QR/);
  // One rectangle per run of dark modules: the first row starts with the 7-module finder.
  expect(await qr.locator('path').getAttribute('d')).toMatch(/^M4,4h7v1h-7z/);
  expect(await readQr(context, await qr.evaluate((e) => e.outerHTML))).toBe(link);
  const printed = page.locator('.print-sheet svg.qr');
  expect(await readQr(context, await printed.evaluate((e) => e.outerHTML))).toBe(link);
  // The reader is no rubber stamp: the same square without its dark modules reads as nothing.
  const blank = (await qr.evaluate((e) => e.outerHTML)).replace(/ d="[^"]*"/, ' d=""');
  expect(await readQr(context, blank)).toBeNull();
});

for (const [name, fragment] of [
  ['corrupt', '#a=1.r-atlantis'],
  ['truncated', '#a=1.r-souss_massa.s-'],
  ['future-version', '#a=9.r-oriental'],
  ['garbage', '#a=%F0%9F%92%A9%00<script>'],
]) {
  test(`a ${name} share link opens a clean start with a short notice`, async ({ page }) => {
    const g = guard(page);
    await page.goto(`./?lang=fr${fragment}`);
    await expect(page.getByTestId('notice')).toBeVisible();
    await expect(page.getByTestId('start')).toBeVisible();
    expect(g.pageErrors).toEqual([]);
  });
}

test('the print stylesheet keeps programs, next steps and contacts on one page', async ({ page }) => {
  await page.goto('./?lang=fr');
  await page.getByTestId('start').click();
  await answerAzilal(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.filters')).toBeHidden();
  await expect(page.locator('header.top')).toBeHidden();
  const sheet = page.locator('.print-sheet');
  await expect(sheet).toBeVisible();
  await expect(sheet.locator('li').first()).toContainText(/.+/);
  await expect(sheet.locator('svg.qr')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/print-fr.png', fullPage: true });
  const pdf = await page.pdf({ format: 'A4' });
  // One A4 page: a PDF with a single /Type /Page object.
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages).toBe(1);
});
