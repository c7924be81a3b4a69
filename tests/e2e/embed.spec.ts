// A partner's page with one <script> line: the widget resizes with its content, keeps the
// partner's region and colour, and the partner's CSS stays out.
import { test, expect } from '@playwright/test';
import { guard } from './helpers';

test('the embedded widget fits its content, locks the region, takes the theme, and keeps partner CSS out', async ({ page }) => {
  const g = guard(page);
  await page.goto('./demo/partner.html');
  const frameEl = page.locator('iframe');
  await expect(frameEl).toHaveAttribute('title', /Bousla/);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('start')).toBeVisible();
  const before = (await frameEl.boundingBox())!.height;

  // Region lock: the first question is not the region.
  await frame.getByTestId('start').click();
  await expect(frame.locator('section.question')).toHaveAttribute('data-question', 'province');
  await expect(frame.locator('section.question button.choice').first()).toContainText(/Oujda|Nador|Driouch|Jerada|Berkane|Taourirt|Guercif|Figuig/);

  // Resize: a long screen grows the iframe.
  await expect.poll(async () => (await frameEl.boundingBox())!.height).not.toBe(before);

  // Theme: the partner's colour reaches the widget's accent.
  const accent = await frame.locator('#bousla').evaluate((el) => getComputedStyle(el).getPropertyValue('--accent').trim());
  expect(accent).toBe('#6b1d1d');

  // Isolation: the partner's `button { color: hotpink !important }` does not reach the widget.
  const colour = await frame.locator('section.question button.choice').first().evaluate((el) => getComputedStyle(el).color);
  expect(colour).not.toBe('rgb(255, 105, 180)');
  const lang = await frame.locator('#bousla').getAttribute('lang');
  expect(lang).toBe('fr');
  // The partner page's own <html> keeps its language.
  expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  g.assertClean();
});

test('bad partner options fall back to defaults with a console warning, and the page still works', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto('./?lang=xx&region=atlantis&theme=%23ffffff&idle=abc&mode=tv');
  await expect(page.getByTestId('start')).toBeVisible();
  expect(warnings.filter((w) => w.startsWith('Bousla')).length).toBeGreaterThanOrEqual(5);
});

test('the embed only listens to well-formed height messages from its own frame', async ({ page }) => {
  await page.goto('./demo/partner.html');
  const frameEl = page.locator('iframe');
  await expect(page.frameLocator('iframe').getByTestId('start')).toBeVisible();
  const before = (await frameEl.boundingBox())!.height;
  // A message from the partner page itself (wrong source) and malformed ones are ignored.
  await page.evaluate(() => {
    window.postMessage({ type: 'bousla:height', height: 5000 }, '*');
    window.postMessage('bousla:height', '*');
  });
  await page.waitForTimeout(300);
  expect((await frameEl.boundingBox())!.height).toBe(before);
});
