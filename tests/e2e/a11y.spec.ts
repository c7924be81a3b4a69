// Accessibility audit: axe-core (npm, injected into the page) on every screen a holder sees —
// welcome, each question of the flow, results (every section unfolded), a program's detail, and
// the kiosk's idle countdown, and the error and confirmation states — in Arabic, French, English
// and Darija (once its words are downloaded), at phone (360×740) and kiosk
// (1920×1080) sizes. Any violation of any axe rule (WCAG 2.x A and AA, and axe's best
// practices) fails. Each test writes what it audited to test-results/axe/.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { answerAzilal, axeViolations, resultsDrawn, type Lang } from './helpers';

interface Audited { screen: string; violations: string[] }

/** axe on the whole document as it is now; one line per violation and element. */
async function audit(page: Page, screen: string, log: Audited[]) {
  const violations = await axeViolations(page);
  log.push({ screen, violations });
}

for (const lang of ['ar', 'fr', 'en', 'ary'] as Lang[]) {
  for (const [width, height] of [[360, 740], [1920, 1080]]) {
    test(`axe finds no violation on any screen, ${lang} at ${width}x${height}`, async ({ page }) => {
      test.setTimeout(180_000);
      const log: Audited[] = [];
      await page.setViewportSize({ width, height });

      await page.goto(`./?lang=${lang}`);
      await expect(page.getByTestId('start')).toBeVisible();
      await expect(page.locator('#bousla')).toHaveAttribute('lang', lang);
      await audit(page, 'welcome', log);

      await page.getByTestId('start').click();
      await answerAzilal(page, async (q) => {
        await expect(page.locator('section.question')).toBeVisible();
        await audit(page, `question ${q}`, log);
        if (q === 'age') {
          // Next with no number: the error message and aria-invalid state.
          await page.locator('#q-age-input').fill('');
          await page.getByTestId('next').click();
          await expect(page.locator('#q-age-input')).toHaveAttribute('aria-invalid', 'true');
          await audit(page, 'question age, no number typed', log);
        }
      });

      await expect(page.locator('section.results')).toBeVisible();
      await expect(page.locator('article.card').first()).toBeVisible();
      await resultsDrawn(page);
      // Every folded section open, so its content is audited too.
      await page.locator('.bousla details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      await audit(page, 'results', log);
      await page.getByTestId('start-over').click();
      await expect(page.getByTestId('confirm-start-over')).toBeVisible();
      await audit(page, 'start over, confirmation', log);

      await page.locator('article.card button.secondary').first().click();
      await expect(page.locator('article.detail')).toBeVisible();
      await audit(page, 'program detail', log);

      // Kiosk: larger type, QR codes for links, and the idle countdown over a question.
      await page.goto(`./?lang=${lang}&mode=kiosk&idle=10`);
      await expect(page.locator('#bousla')).toHaveAttribute('lang', lang);
      await page.getByTestId('start').click();
      await expect(page.getByTestId('idle-countdown')).toBeVisible({ timeout: 15_000 });
      await audit(page, 'kiosk idle countdown', log);

      // Office counts: the staff's code prompt, then their screen with its QR codes (the code and
      // option of tests/e2e/counts.spec.ts).
      await page.goto(`./?lang=${lang}&mode=kiosk&counts=1&staff=e2etestsalt.979f6b1b2c7ef6bf20368ecdcc819b60&idle=600`);
      await expect(page.locator('#bousla')).toHaveAttribute('lang', lang);
      await page.keyboard.press('Control+Alt+Shift+KeyB');
      await expect(page.locator('#staff-code')).toBeFocused();
      await audit(page, 'staff code prompt', log);
      await page.keyboard.type('2468-bousla');
      await page.keyboard.press('Enter');
      await page.getByTestId('staff-show-qr').click();
      await audit(page, 'staff counts', log);

      mkdirSync('test-results/axe', { recursive: true });
      writeFileSync(`test-results/axe/${lang}-${width}.json`, JSON.stringify(log, null, 2) + '\n');
      const found = log.flatMap((a) => a.violations.map((v) => `${a.screen}: ${v}`));
      expect(found, found.join('\n')).toEqual([]);
      expect(log.length).toBeGreaterThanOrEqual(10);
    });
  }
}
