// The review page between the last question and the results: every answer by section, each
// changed in place (the widget opens in its row) or on its own screen (a tap that returns to the
// review); unanswered questions listed as such with what answering would settle.
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { answerAzilal, axeViolations, guard, type Lang } from './helpers';

const row = (page: Page, q: string) => page.locator(`section.review li[data-answer="${q}"]`);

/** "I don't know" to every question, up to the review. */
async function skipToReview(page: Page) {
  for (let step = 0; step < 20 && !(await page.locator('section.review').count()); step++) {
    await page.getByTestId('dont-know').click();
  }
  await expect(page.locator('section.review')).toBeVisible();
}

test('after the last question, the review shows every answer by section, then the results', async ({ page }) => {
  const g = guard(page);
  await page.goto('./?lang=en');
  await page.getByTestId('start').click();
  await answerAzilal(page, undefined, 'review');
  const review = page.locator('section.review');
  await expect(review).toBeVisible();
  await expect(page.locator('#bousla-heading')).toBeFocused();
  await expect(page.locator('#bousla-heading')).toHaveText('Check your answers');
  // Four sections, in the questionnaire's order; every question asked has its row.
  await expect(review.locator('.review-section:not(.empty) h2')).toHaveText(['Where the project is', 'The activity', 'What you need', 'About you']);
  const asked = ['region', 'province', 'stage', 'started', 'revenue', 'jobs', 'sector', 'needs', 'amount', 'age', 'gender', 'area', 'residence', 'innovative'];
  expect(await review.locator('li[data-answer]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-answer')))).toEqual(asked);
  await expect(row(page, 'province').locator('.a')).toHaveText('Azilal');
  await expect(row(page, 'age').locator('.a')).toHaveText('28');
  // Not asked of an informal activity: no row for the legal form.
  await expect(row(page, 'legal-form')).toHaveCount(0);
  // Everything answered: nothing listed as unanswered.
  await expect(review.locator('li.unanswered')).toHaveCount(0);
  await page.getByTestId('see-results').click();
  await expect(page.locator('section.results')).toBeVisible();
  g.assertClean();
});

test('an answer changed in place: the widget opens in its row, Done closes it and focus returns', async ({ page }) => {
  const g = guard(page);
  await page.goto('./?lang=en');
  await page.getByTestId('start').click();
  await answerAzilal(page, undefined, 'review');
  // A typed answer: Enter keeps it.
  await row(page, 'age').locator('button.edit').click();
  await expect(row(page, 'age').locator('button.edit')).toHaveAttribute('aria-expanded', 'true');
  await page.locator('#q-age-input').fill('40');
  await page.locator('#q-age-input').press('Enter');
  await expect(row(page, 'age').locator('.a')).toHaveText('40');
  await row(page, 'age').getByTestId('review-done').click();
  await expect(page.locator('#q-age-input')).toHaveCount(0);
  await expect(row(page, 'age').locator('button.edit')).toBeFocused();
  // A choice: the radio records at once; "I don't know" lists it as unanswered, with what
  // answering would settle (for this holder, 9 programs hang on the sector).
  await row(page, 'sector').locator('button.edit').click();
  await page.locator('#q-sector-idk').check();
  await expect(row(page, 'sector').locator('.a')).toHaveText('Not answered');
  await expect(row(page, 'sector')).toHaveClass(/unanswered/);
  await expect(row(page, 'sector').getByTestId('hanging')).toHaveText(/^Answering would settle whether \d+ programs? fits? you$/);
  await page.locator('#q-sector-set label.opt').filter({ hasText: 'Handicrafts' }).locator('input').check();
  await expect(row(page, 'sector').locator('.a')).toHaveText(/Handicrafts/);
  await expect(row(page, 'sector').getByTestId('hanging')).toHaveCount(0);
  await row(page, 'sector').getByTestId('review-done').click();
  // An answer that opens follow-up questions: they appear in place.
  await row(page, 'stage').locator('button.edit').click();
  await page.locator('#q-stage-2').check(); // a running business
  await expect(row(page, 'legal-form')).toBeVisible();
  await expect(row(page, 'legal-form')).toHaveClass(/unanswered/);
  g.assertClean();
});

test('a tap on a question opens it on its own screen and the answer returns to the review', async ({ page }) => {
  const g = guard(page);
  await page.goto('./?lang=en');
  await page.getByTestId('start').click();
  await answerAzilal(page, undefined, 'review');
  const before = await row(page, 'area').locator('.a').textContent();
  await row(page, 'area').getByTestId('review-question').click();
  await expect(page.locator('section.question[data-question="area"]')).toBeVisible();
  await page.locator('section.question button.choice').nth(1).click();
  await expect(page.locator('section.review')).toBeVisible();
  await expect(row(page, 'area').locator('.a')).not.toHaveText(before!);
  g.assertClean();
});

for (const lang of ['fr', 'ar'] as Lang[]) {
  test(`unanswered questions are listed as such with what answering would settle (${lang}), axe 0 at 360 px`, async ({ page }) => {
    const g = guard(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`./?lang=${lang}`);
    await page.getByTestId('start').click();
    await skipToReview(page);
    const rows = page.locator('section.review li[data-answer]');
    expect(await rows.count()).toBeGreaterThan(8);
    await expect(page.locator('section.review li:not(.unanswered)')).toHaveCount(0);
    const hanging = row(page, 'region').getByTestId('hanging');
    await expect(hanging).toHaveText(lang === 'fr'
      ? /^Répondre dirait si \d+ programmes? vous convien/
      : /^جوابك يحسم هل (يناسبك|تناسبك) /);
    expect(await axeViolations(page)).toEqual([]);
    mkdirSync('/tmp/bousla-shots', { recursive: true });
    await page.screenshot({ path: `/tmp/bousla-shots/review-${lang}-360.png`, fullPage: true });
    // An editor open in a row passes axe too.
    await row(page, 'stage').locator('button.edit').click();
    expect(await axeViolations(page)).toEqual([]);
    g.assertClean();
  });
}
