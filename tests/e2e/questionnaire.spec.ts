// The holder's journey: questions, results that explain themselves, answers that survive a
// language switch and a reload, start over, and keyboard-only use.
import { test, expect } from '@playwright/test';
import { guard, answerAzilal, expandResults, questionId, resultsDrawn, type Lang } from './helpers';

const results = (page) => page.locator('section.results');

for (const lang of ['ar', 'fr', 'en'] as Lang[]) {
  test(`a holder completes the questions in ${lang} and sees programs that fit, with reasons and a door`, async ({ page }) => {
    const g = guard(page);
    await page.goto(`./?lang=${lang}`);
    await page.getByTestId('start').click();
    await answerAzilal(page);
    await expect(results(page)).toBeVisible();
    await expect(page.locator('#bousla')).toHaveAttribute('lang', lang);
    // The first group is the best programs for what she needs, with the best one's card first.
    await expect(page.locator('section.group').first()).toHaveAttribute('data-group', 'best');
    await expect(page.locator('section.group[data-group="best"] article.card .where').first()).toBeVisible();
    await expandResults(page);
    // Forsa is open to anyone 18+ living in Morocco: eligible for her.
    const forsa = page.locator('article.card[data-program="forsa"]');
    await expect(forsa).toBeVisible();
    await expect(forsa.locator('.badge.eligible')).toBeVisible();
    // Why it fits: on the best programs' cards (the others leave it to the program's page).
    await expect(page.locator('section.group[data-group="best"] article.card .checks.met li').first()).toBeVisible();
    await expect(page.getByTestId('results-summary')).toContainText(/\d/);
    g.assertClean();
  });
}

test('the live count of programs still possible is announced while answering', async ({ page }) => {
  await page.goto('./?lang=en');
  await page.getByTestId('start').click();
  const live = page.getByTestId('live-count');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toContainText(/^\d+ programs? still possible$/);
});

test('switching language mid-way keeps every answer', async ({ page }) => {
  await page.goto('./?lang=fr');
  await page.getByTestId('start').click();
  await page.getByRole('button', { name: /Souss-Massa/ }).click();
  expect(await questionId(page)).toBe('province');
  await page.locator('button[data-lang="ar"]').click();
  await expect(page.locator('#bousla')).toHaveAttribute('dir', 'rtl');
  expect(await questionId(page)).toBe('province');
  await page.getByTestId('back').click();
  await expect(page.locator('button.choice[aria-pressed="true"]')).toContainText('سوس ماسة');
});

test('a reload resumes where the holder was, and start over clears everything', async ({ page }) => {
  await page.goto('./?lang=en');
  await page.getByTestId('start').click();
  await page.getByRole('button', { name: /Oriental/ }).click();
  // A reload returns straight to the question the holder was on.
  await page.reload();
  await expect(page.locator('section.question')).toHaveAttribute('data-question', 'province');
  // A later visit (no fragment) offers Continue, which goes there too.
  await page.goto('about:blank');
  await page.goto('./?lang=en');
  await expect(page.getByTestId('resume')).toBeVisible();
  await page.getByTestId('resume').click();
  expect(await questionId(page)).toBe('province');
  await page.getByTestId('start-over').click();
  await page.getByTestId('confirm-start-over').click();
  await expect(page.getByTestId('resume')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('bousla.answers'))).toBeNull();
});

test('stored answers that do not parse are discarded with a notice, never a crash', async ({ page }) => {
  const g = guard(page);
  await page.goto('./?lang=fr');
  // The app first (it clears the stored answers of an empty profile), then the tampering.
  await expect(page.getByTestId('start')).toBeVisible();
  await page.evaluate(() => localStorage.setItem('bousla.answers', '9.zz-{"tampered":true}'));
  await page.reload();
  await expect(page.getByTestId('notice')).toBeVisible();
  await expect(page.getByTestId('start')).toBeVisible();
  expect(g.pageErrors).toEqual([]);
});

test('the whole questionnaire works with the keyboard alone, focus moving to each question', async ({ page }) => {
  await page.goto('./?lang=en');
  await page.getByTestId('start').focus();
  await page.keyboard.press('Enter');
  for (let step = 0; step < 20; step++) {
    if (await page.locator('section.results').count()) break;
    await expect(page.locator('#bousla-heading')).toBeFocused();
    if (await page.locator('section.review').count()) {
      // The review of every answer: Tab on to "See the results", Enter.
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'see-results')) break;
      }
      await page.keyboard.press('Enter');
      continue;
    }
    const q = await questionId(page);
    if (q === 'age' || q === 'jobs') {
      await page.keyboard.press('Tab');
      await page.keyboard.type('30');
      await page.keyboard.press('Enter');
    } else if (q === 'needs') {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'next')) break;
      }
      await page.keyboard.press('Enter');
    } else {
      // First choice: Tab from the heading reaches it, Enter picks it.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
    }
  }
  await expect(page.locator('section.results')).toBeVisible();
  await expect(page.locator('#bousla-heading')).toBeFocused();
});

test('an answer can be changed from the results page', async ({ page }) => {
  await page.goto('./?lang=en');
  await page.getByTestId('start').click();
  await answerAzilal(page);
  await page.locator('details.answers summary').click();
  await page.locator('li[data-answer="age"] button').click();
  await page.locator('#q-age-input').fill('40');
  await page.getByTestId('next').click();
  await expect(page.locator('section.results')).toBeVisible();
  await page.locator('details.answers summary').click();
  await expect(page.locator('li[data-answer="age"] .a')).toHaveText('40');
});

// The welcome screen's own screenshots are taken in welcome.spec.ts.
for (const lang of ['ar', 'fr'] as Lang[]) {
  for (const [w, h] of [[360, 740], [1920, 1080]]) {
    test(`screenshots of every screen, ${lang} at ${w}px`, async ({ page }) => {
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`./?lang=${lang}`);
      await page.getByTestId('start').click();
      await expect(page.locator('section.question')).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/question-region-${lang}-${w}.png` });
      await answerAzilal(page);
      await resultsDrawn(page);
      await page.screenshot({ path: `test-results/screenshots/results-${lang}-${w}.png`, fullPage: true });
      await page.locator('article.card button.secondary').first().click();
      await expect(page.locator('article.detail')).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/detail-${lang}-${w}.png`, fullPage: true });
    });
  }
}
