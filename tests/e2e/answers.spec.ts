// Answers are the holder's: the three ways a visit used to lose them silently (an unreadable
// link, a friend's link, a partner's `?region=`) now keep them; only "start over" deletes them.
// Each test seeds the stored copy as the app writes it, opens a link, and reads the stored copy
// back, byte for byte.
import { test, expect, type Page } from '@playwright/test';
import { axeViolations, shareFragment, resultsDrawn } from './helpers';

const KEY = 'bousla.answers';
/** The holder's own answers: a young woman's idea in Azilal, financing and coaching. */
const MINE = 'r-beni_mellal_khenifra.p-azilal.s-idea.c-handicraft.a-28.g-female.z-rural.h-morocco.n-financing+coaching.m-0~50000.i-0';
/** A friend's answers: a running firm in the Oriental (every question answered). */
const THEIRS = 'r-oriental.p-oujda_angad.s-running.y-2019.f-company.c-commerce.a-44.g-male.z-urban.h-morocco.n-coaching.i-0.v-500000~1000000.j-6';

const code = (fields: string) => shareFragment(fields).slice('#a='.length);
const stored = (page: Page) => page.evaluate((k) => localStorage.getItem(k), KEY);

/** A device where the holder's answers are saved (as the app saves them). */
async function seed(page: Page, value: string) {
  await page.goto('./?lang=fr');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, value]);
}

/** Opens a URL as a new page load (a fragment change alone would not reload the app). */
async function open(page: Page, url: string) {
  await page.goto('about:blank');
  await page.goto(url);
  await expect(page.locator('#bousla')).toBeVisible();
}

for (const [what, fragment] of [
  ['garbage', '#a=garbage'],
  ['empty', '#a='],
  ['future version', '#a=9.r-oriental.e-00000000'],
  ['cut', shareFragment(THEIRS).slice(0, 40)],
  ['one character changed', shareFragment(THEIRS).replace('a-44', 'a-45')],
  ['version 1, possibly cut', '#a=1.r-oriental.s-running.y-2019'],
]) {
  test(`an unreadable link (${what}) never deletes the stored answers: a notice, and Resume`, async ({ page }) => {
    await seed(page, code(MINE));
    await open(page, `./?lang=fr${fragment}`);
    await expect(page.getByTestId('notice')).toContainText(/illisible/);
    await expect(page.getByTestId('resume')).toBeVisible();
    expect(await stored(page)).toBe(code(MINE));
    expect(await page.evaluate(() => location.hash)).toBe('');
    // Resuming shows the holder's own answers.
    await page.getByTestId('resume').click();
    await page.waitForTimeout(300);
    expect(await stored(page)).toBe(code(MINE));
  });
}

test("a friend's link asks before it replaces different stored answers: keep mine", async ({ page }) => {
  await seed(page, code(MINE));
  await open(page, `./?lang=fr${shareFragment(THEIRS)}`);
  const prompt = page.getByTestId('shared-prompt');
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText('Des réponses partagées avec vous');
  await expect(page.getByTestId('start')).toHaveCount(0);
  expect(await stored(page)).toBe(code(MINE));
  await page.getByTestId('keep-mine').click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByTestId('resume')).toBeVisible();
  expect(await page.evaluate(() => location.hash)).toBe('');
  expect(await stored(page)).toBe(code(MINE));
  // Resume opens the holder's own answers: Azilal, not the Oriental.
  await page.getByTestId('resume').click();
  await expect(page.locator('section.results')).toBeVisible();
  await page.locator('details.answers summary').click();
  await expect(page.locator('li[data-answer="province"] .a')).toHaveText('Azilal');
  expect(await stored(page)).toBe(code(MINE));
});

test("a friend's link, opened: shown in memory; the stored answers stay until the holder changes one", async ({ page }) => {
  await seed(page, code(MINE));
  await open(page, `./?lang=fr${shareFragment(THEIRS)}`);
  await page.getByTestId('open-shared').click();
  await resultsDrawn(page);
  await page.locator('details.answers summary').click();
  await expect(page.locator('li[data-answer="region"] .a')).toHaveText(/Oriental/);
  expect(await stored(page)).toBe(code(MINE));
  // A reload asks again: nothing was decided for the stored answers.
  await open(page, page.url());
  await expect(page.getByTestId('shared-prompt')).toBeVisible();
  await page.getByTestId('open-shared').click();
  await resultsDrawn(page);
  // Changing an answer makes these answers the holder's: now they are saved.
  await page.locator('details.answers summary').click();
  await page.locator('li[data-answer="gender"] button').click();
  await page.locator('section.question button.choice').first().click();
  await expect(page.locator('section.results')).toBeVisible();
  await expect.poll(() => stored(page)).toBe(code(THEIRS.replace('g-male', 'g-female')));
  // The shared link's code is gone from the address; the screen stays named.
  expect(await page.evaluate(() => location.hash)).toBe('#results');
});

test('a link with the same answers as those stored opens the results at once', async ({ page }) => {
  await seed(page, code(MINE));
  await open(page, `./?lang=fr${shareFragment(MINE)}`);
  await expect(page.locator('section.results')).toBeVisible();
  await expect(page.getByTestId('shared-prompt')).toHaveCount(0);
  expect(await stored(page)).toBe(code(MINE));
});

test('on a device with nothing stored, a link opens its results and stores nothing until an answer changes', async ({ page }) => {
  await open(page, `./?lang=fr${shareFragment(THEIRS)}`);
  await resultsDrawn(page);
  expect(await stored(page)).toBeNull();
});

test('a ?region= link never rewrites the stored answers (region and province kept)', async ({ page }) => {
  await seed(page, code(MINE));
  await open(page, './?lang=fr&region=oriental');
  await expect(page.getByTestId('resume')).toBeVisible();
  expect(await stored(page)).toBe(code(MINE));
  // Looking around is not answering.
  await page.getByTestId('resume').click();
  await expect(page.locator('section.question, section.results').first()).toBeVisible();
  await page.waitForTimeout(300);
  expect(await stored(page)).toBe(code(MINE));
  // Back on the holder's own page, their answers are whole.
  await open(page, './?lang=fr');
  await page.getByTestId('resume').click();
  await page.locator('details.answers summary').click();
  await expect(page.locator('li[data-answer="province"] .a')).toHaveText('Azilal');
});

test('a region-locked embed greets a new visitor with Start, not "Resume where you left off", and stores nothing', async ({ page }) => {
  await open(page, './?lang=fr&region=oriental&compact=1');
  await expect(page.getByTestId('start')).toBeVisible();
  await expect(page.getByTestId('start')).toHaveClass(/primary/);
  await expect(page.getByTestId('resume')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(await stored(page)).toBeNull();
});

test('stored answers that cannot be read are kept (a notice) until the holder answers', async ({ page }) => {
  await seed(page, '7.written-by-a-newer-bousla');
  await open(page, './?lang=fr');
  await expect(page.getByTestId('notice')).toBeVisible();
  expect(await stored(page)).toBe('7.written-by-a-newer-bousla');
  await page.getByTestId('start').click();
  await page.getByRole('button', { name: /Oriental/ }).click();
  await expect.poll(() => stored(page)).toBe(code('r-oriental'));
});

test('version-1 answers stored by the old app are read whole and left as they are', async ({ page }) => {
  const v1 = '1.r-oriental.s-running.y-2019.n-coaching';
  await seed(page, v1);
  await open(page, './?lang=fr');
  await expect(page.getByTestId('resume')).toBeVisible();
  await expect(page.getByTestId('notice')).toHaveCount(0);
  expect(await stored(page)).toBe(v1);
});

test('start over is what deletes the stored answers', async ({ page }) => {
  await seed(page, code(MINE));
  await open(page, './?lang=fr');
  await page.getByTestId('resume').click();
  await page.getByTestId('start-over').click();
  await page.getByTestId('confirm-start-over').click();
  await expect(page.getByTestId('start')).toBeVisible();
  expect(await stored(page)).toBeNull();
});

for (const lang of ['ar', 'fr'] as const) {
  test(`screenshot of the "open the shared answers / keep mine" prompt, ${lang} at 360x740`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await seed(page, code(MINE));
    await open(page, `./?lang=${lang}${shareFragment(THEIRS)}`);
    await expect(page.getByTestId('shared-prompt')).toBeVisible();
    // Both choices on the first screen of a phone, with room to tap.
    for (const id of ['open-shared', 'keep-mine']) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(740);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    await page.screenshot({ path: `test-results/screenshots/shared-prompt-${lang}-360.png`, fullPage: true });
    // No accessibility violation (axe-core, as tests/e2e/a11y.spec.ts runs it).
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
  });
}
