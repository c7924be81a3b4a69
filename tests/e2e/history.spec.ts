// History that matches the flow: each screen an entry of the browser's history (in the
// fragment, never `#a=`), Back and Forward through questions, review, results and program
// pages; a reload returns to the screen; Back from the welcome screen leaves the app; "Continue"
// returns where the holder was; "I don't know" never erases an answer by moving on; progress in
// steps that never shrink; a kiosk; an embed that adds nothing to the partner page's history.
import { test, expect, type Page, type Frame } from '@playwright/test';
import { guard, choice, questionId, shareFragment, skipToResults } from './helpers';

/** A page of another site before the app: Back from the welcome screen must return to it. */
const BEFORE = 'data:text/html,<title>before</title><p>before</p>';

const hash = (page: Page) => page.evaluate(() => location.hash);
/** The browser's Back and Forward (same-document entries: no load to wait for). */
const back = (page: Page) => page.evaluate(() => history.back());
const forward = (page: Page) => page.evaluate(() => history.forward());
const screen = (page: Page) => page.locator('main.screen > *').first();

async function expectQuestion(page: Page, id: string) {
  await expect(page.locator('section.question')).toHaveAttribute('data-question', id);
}

async function expectPressed(page: Page, name: RegExp) {
  await expect(page.locator('button.choice[aria-pressed="true"]')).toContainText(name);
}

test('Back and Forward step through questions, review, results and a program page; Back from the welcome leaves', async ({ page }) => {
  const g = guard(page);
  await page.goto(BEFORE);
  await page.goto('./?lang=en');
  expect(await hash(page)).toBe('');
  await page.getByTestId('start').click();
  await expectQuestion(page, 'region');
  expect(await hash(page)).toBe('#q=region');
  await page.getByRole('button', { name: /Oriental/ }).click();
  await expectQuestion(page, 'province');
  expect(await hash(page)).toBe('#q=province');
  await choice(page, 0).click();
  await expectQuestion(page, 'stage');

  // Back twice: the province, then the region, each with its answer kept.
  await back(page);
  await expectQuestion(page, 'province');
  await expect(page.locator('button.choice[aria-pressed="true"]')).toHaveCount(1);
  await back(page);
  await expectQuestion(page, 'region');
  await expectPressed(page, /Oriental/);
  // Forward twice: the province, then the stage.
  await forward(page);
  await expectQuestion(page, 'province');
  await forward(page);
  await expectQuestion(page, 'stage');

  // On to the review, the results and a program's page.
  await skipToResults(page);
  expect(await hash(page)).toBe('#results');
  await page.locator('article.card button.secondary').first().click();
  await expect(page.locator('article.detail')).toBeVisible();
  expect(await hash(page)).toMatch(/^#p=[a-z0-9-]+$/);
  const detail = await hash(page);

  // The browser's Back: results, review, the last question.
  await back(page);
  await expect(page.locator('section.results')).toBeVisible();
  await back(page);
  await expect(page.locator('section.review')).toBeVisible();
  expect(await hash(page)).toBe('#review');
  await back(page);
  await expect(page.locator('section.question')).toBeVisible();
  // Forward again to the program page.
  await forward(page);
  await expect(page.locator('section.review')).toBeVisible();
  await forward(page);
  await expect(page.locator('section.results')).toBeVisible();
  await forward(page);
  await expect(page.locator('article.detail')).toBeVisible();
  expect(await hash(page)).toBe(detail);

  // The page's own "Back to the results" is a step back in the history: Forward reopens the page.
  await page.getByTestId('detail-back').click();
  await expect(page.locator('section.results')).toBeVisible();
  await forward(page);
  await expect(page.locator('article.detail')).toBeVisible();

  // Back all the way: the welcome screen, then the page before the app.
  for (let i = 0; i < 30 && (await hash(page)) !== ''; i++) {
    await back(page);
    await page.waitForTimeout(50);
  }
  await expect(page.getByTestId('start')).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/^data:/);
  g.assertClean();
});

test('the app\'s Back button walks back question by question to the welcome screen, then Forward finds nothing after it', async ({ page }) => {
  await page.goto('./?lang=en');
  await page.getByTestId('start').click();
  await page.getByRole('button', { name: /Oriental/ }).click();
  await choice(page, 0).click();
  await expectQuestion(page, 'stage');
  await page.getByTestId('back').click();
  await expectQuestion(page, 'province');
  await page.getByTestId('back').click();
  await expectQuestion(page, 'region');
  await page.getByTestId('back').click();
  await expect(page.getByTestId('start')).toBeVisible();
  expect(await hash(page)).toBe('');
  // The app's Back went back in the history: Forward returns to the region, as the browser's would.
  await forward(page);
  await expectQuestion(page, 'region');
});

test('a reload returns to the screen the holder was on, with every answer', async ({ page }) => {
  const g = guard(page);
  await page.goto('./?lang=fr');
  await page.getByTestId('start').click();
  await page.getByRole('button', { name: /Oriental/ }).click();
  await expectQuestion(page, 'province');
  await page.reload();
  await expectQuestion(page, 'province');
  await back(page);
  await expectQuestion(page, 'region');
  await expectPressed(page, /Oriental/);
  await page.reload();
  await expectQuestion(page, 'region');
  await expectPressed(page, /Oriental/);

  await page.getByTestId('keep').click();
  await expectQuestion(page, 'province');
  await skipToResults(page);
  await page.reload();
  await expect(page.locator('section.results')).toBeVisible();
  await back(page);
  await expect(page.locator('section.review')).toBeVisible();
  await page.reload();
  await expect(page.locator('section.review')).toBeVisible();
  await page.getByTestId('see-results').click();
  await page.locator('article.card button.secondary').first().click();
  await expect(page.locator('article.detail')).toBeVisible();
  const program = await page.locator('article.detail').getAttribute('data-program');
  await page.reload();
  await expect(page.locator('article.detail')).toBeVisible();
  if (program) await expect(page.locator('article.detail')).toHaveAttribute('data-program', program);
  // The answers came back with the screen: the Oriental is still the region.
  await page.getByTestId('detail-back').click();
  await expect(page.locator('section.results')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('bousla.answers'))).toContain('r-oriental');
  g.assertClean();
});

test('"Continue" on a later visit returns exactly where the holder was, not to the first "I don\'t know"', async ({ page }) => {
  await page.goto('./?lang=en');
  await page.getByTestId('start').click();
  await page.getByRole('button', { name: /Oriental/ }).click();
  // "I don't know" to the province and the stage, then answers up to the sector.
  await page.getByTestId('dont-know').click();
  await page.getByTestId('dont-know').click();
  const at = await questionId(page);
  expect(at).not.toBe('province');
  await choice(page, 0).click();
  const was = await questionId(page);
  // A new visit (no fragment): the welcome screen offers Continue, which goes to that question.
  await page.goto('about:blank');
  await page.goto('./?lang=en');
  await page.getByTestId('resume').click();
  await expectQuestion(page, was!);

  // On to the results; a later visit's Continue opens the results.
  await skipToResults(page);
  await page.goto('about:blank');
  await page.goto('./?lang=en');
  await page.getByTestId('resume').click();
  await expect(page.locator('section.results')).toBeVisible();
});

test('a holder who answered "I don\'t know" to everything still gets Continue back to the results', async ({ page }) => {
  await page.goto('./?lang=fr');
  await page.getByTestId('start').click();
  await skipToResults(page);
  await page.goto('about:blank');
  await page.goto('./?lang=fr');
  await expect(page.getByTestId('resume')).toBeVisible();
  await page.getByTestId('resume').click();
  await expect(page.locator('section.results')).toBeVisible();
});

test('"Next" moves on and keeps an answer; only "I don\'t know" chosen for that question forgets it', async ({ page }) => {
  await page.goto('./?lang=en');
  await page.getByTestId('start').click();
  // Nothing answered yet: no Next, only the answers and "I don't know".
  await expect(page.getByTestId('keep')).toHaveCount(0);
  await page.getByRole('button', { name: /Oriental/ }).click();
  await choice(page, 1).click();
  await expectQuestion(page, 'stage');
  await page.getByTestId('back').click();
  await page.getByTestId('back').click();
  await expectQuestion(page, 'region');
  // Next: the region is kept, and so is the province.
  await page.getByTestId('keep').click();
  await expectQuestion(page, 'province');
  await expect(page.locator('button.choice[aria-pressed="true"]')).toHaveCount(1);
  await page.getByTestId('keep').click();
  await expectQuestion(page, 'stage');
  await page.getByTestId('back').click();
  await page.getByTestId('back').click();
  await expectPressed(page, /Oriental/);
  // "I don't know" to the region itself: forgotten (and the province with it).
  await page.getByTestId('dont-know').click();
  await expect(page.locator('section.question')).toHaveAttribute('data-question', /stage|province/);
  await page.getByTestId('back').click();
  await expectQuestion(page, 'region');
  await expect(page.locator('button.choice[aria-pressed="true"]')).toHaveCount(0);
});

test('progress reads in steps whose number never changes and never goes back while answering', async ({ page }) => {
  await page.goto('./?lang=en');
  await page.getByTestId('start').click();
  const seen: [number, number][] = [];
  // Answers that open every branch: a running activity (start year, legal form, revenue,
  // jobs) and financing (the amount).
  for (let step = 0; step < 25; step++) {
    if (await page.locator('section.review, section.results').count()) break;
    const text = (await page.getByTestId('progress').textContent()) ?? '';
    const m = text.match(/^Step (\d+) of (\d+): \S/);
    expect(m, text).not.toBeNull();
    seen.push([Number(m![1]), Number(m![2])]);
    const q = await questionId(page);
    if (q === 'stage') await choice(page, 2).click();
    else if (q === 'needs') {
      await page.locator('label.tick').nth(0).click();
      await page.getByTestId('next').click();
    } else if (q === 'age' || q === 'jobs') {
      await page.locator(`#q-${q}-input`).fill('30');
      await page.getByTestId('next').click();
    } else await choice(page, 0).click();
  }
  expect(seen.length).toBeGreaterThan(10);
  expect(new Set(seen.map(([, total]) => total))).toEqual(new Set([4]));
  for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThanOrEqual(seen[i - 1][0]);
  expect(seen[0][0]).toBe(1);
  expect(seen[seen.length - 1][0]).toBe(4);
});

test('a kiosk keeps Back and Forward, and its wipe leaves nothing of the last holder behind Back', async ({ page }) => {
  await page.goto(BEFORE);
  await page.goto('./?lang=fr&mode=kiosk&idle=600');
  await page.getByTestId('start').click();
  await page.getByRole('button', { name: /Oriental/ }).click();
  await expectQuestion(page, 'province');
  await back(page);
  await expectQuestion(page, 'region');
  await forward(page);
  await expectQuestion(page, 'province');
  await page.getByTestId('start-over').click();
  await page.getByTestId('confirm-start-over').click();
  await expect(page.getByTestId('start')).toBeVisible();
  await expect.poll(() => hash(page)).toBe('');
  // The next person's Back leaves the kiosk's page: no earlier holder's question behind it.
  await page.goBack();
  await expect(page).toHaveURL(/^data:/);
});

test('a share link pasted into the open app is read as on a first load (it asks before replacing the holder\'s answers)', async ({ page }) => {
  await page.goto('./?lang=fr');
  await page.getByTestId('start').click();
  await page.getByRole('button', { name: /Oriental/ }).click();
  await expectQuestion(page, 'province');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('bousla.answers'))).toContain('r-oriental');
  await page.evaluate((f) => { location.hash = f; }, shareFragment('r-souss_massa.s-idea'));
  await expect(page.getByTestId('shared-prompt')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('bousla.answers'))).toContain('r-oriental');
  await page.getByTestId('open-shared').click();
  await expect(page.locator('section.results')).toBeVisible();
  expect(await hash(page)).toMatch(/^#results&a=2\./);
});

test('start over after a reload returns to the welcome screen, never to a shared link opened before the reload', async ({ page }) => {
  await page.goto(`./?lang=fr${shareFragment('r-oriental.s-idea')}`);
  await expect(page.locator('section.results')).toBeVisible();
  await page.locator('article.card button.secondary').first().click();
  await expect(page.locator('article.detail')).toBeVisible();
  await page.reload();
  await expect(page.locator('article.detail')).toBeVisible();
  await page.getByTestId('start-over').click();
  await page.getByTestId('confirm-start-over').click();
  await expect(page.getByTestId('start')).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('start')).toBeVisible();
  expect(await hash(page)).toBe('');
  await expect(page.getByTestId('resume')).toHaveCount(0);
});

async function frameOf(page: Page): Promise<Frame> {
  const el = await page.locator('iframe').elementHandle();
  return (await el!.contentFrame())!;
}

test('an embed adds nothing to the partner page\'s history; its own Back buttons move between screens; a reload of the partner page offers Continue back there', async ({ page }) => {
  await page.goto('./demo/partner.html');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('start')).toBeVisible();
  const length = await page.evaluate(() => history.length);
  await frame.getByTestId('start').click();
  await expect(frame.locator('section.question')).toHaveAttribute('data-question', 'province');
  await frame.locator('section.question button.choice').first().click();
  await expect(frame.locator('section.question')).toHaveAttribute('data-question', 'stage');
  await frame.getByTestId('dont-know').click();
  await frame.getByTestId('dont-know').click();
  expect(await page.evaluate(() => history.length)).toBe(length);
  // The frame's address follows the screen (replaced, not added).
  expect(new URL((await frameOf(page)).url()).hash).toMatch(/^#q=/);
  // Back: the sector, the stage, the province (the region is the partner's), the welcome.
  for (const id of ['sector', 'stage', 'province']) {
    await frame.getByTestId('back').click();
    await expect(frame.locator('section.question')).toHaveAttribute('data-question', id);
  }
  await frame.getByTestId('back').click();
  await expect(frame.getByTestId('start')).toBeVisible();
  expect(await page.evaluate(() => history.length)).toBe(length);
  // The partner's page reloaded: the widget offers Continue, back to the last question seen.
  await page.reload();
  await frame.getByTestId('resume').click();
  await expect(frame.locator('section.question')).toHaveAttribute('data-question', 'province');
  await expect(frame.locator('button.choice[aria-pressed="true"]')).toHaveCount(1);
});

for (const lang of ['ar', 'fr'] as const) {
  test(`screenshot of the progress in ${lang} at 360 px`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`./?lang=${lang}`);
    await page.getByTestId('start').click();
    await page.getByRole('button', { name: /Oriental|الشرق/ }).click();
    await choice(page, 0).click();
    await choice(page, 2).click();
    await expect(page.getByTestId('progress')).toContainText(lang === 'ar' ? /2 من 4/ : /2 sur 4/);
    // On a phone the progress line is in sight after each answer, above the question.
    await expect(page.getByTestId('progress')).toBeInViewport();
    await page.screenshot({ path: `test-results/screenshots/progress-${lang}-360.png` });
    await expect(screen(page)).toBeVisible();
  });
}
