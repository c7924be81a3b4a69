// Shared steps of the end-to-end specs: a holder answering, and guards that every page stays
// on its own host and error-free.
import { expect, type Page, type BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { watch } from './fixtures';

export type Lang = 'ar' | 'fr' | 'en' | 'ary';

/** The page watch of fixtures.ts, under the name the flow specs use. */
export const guard = watch;

export const choice = (page: Page, index: number) => page.locator('section.question button.choice').nth(index);

/** "I don't know" to every question left, then past the review to the results. */
export async function skipToResults(page: Page) {
  for (let step = 0; step < 20 && !(await page.locator('section.review, section.results').count()); step++) {
    await page.getByTestId('dont-know').click();
  }
  if (await page.locator('section.review').count()) await page.getByTestId('see-results').click();
  await expect(page.locator('section.results')).toBeVisible();
}

export async function questionId(page: Page) {
  return page.locator('section.question').getAttribute('data-question');
}

/** The answers of a young woman with an informal handicraft activity in rural Azilal (two
 *  people, under 200,000 DH a year).
 *  Answers by the question on screen, so the flow's order may change without breaking this.
 *  `onQuestion` runs on each question screen before it is answered (the accessibility audit);
 *  `stopAt: 'review'` stops on the review page instead of going on to the results. */
export async function answerAzilal(page: Page, onQuestion?: (id: string | null) => Promise<void>, stopAt: 'results' | 'review' = 'results') {
  for (let step = 0; step < 20; step++) {
    if (await page.locator('section.results').count()) return;
    // The review of every answer comes before the results.
    if (await page.locator('section.review').count()) {
      if (stopAt === 'review') return;
      await page.getByTestId('see-results').click();
      continue;
    }
    const q = await questionId(page);
    if (onQuestion) await onQuestion(q);
    switch (q) {
      case 'region': await page.getByRole('button', { name: /Béni Mellal|بني ملال|Beni Mellal/ }).click(); break;
      case 'province': await page.getByRole('button', { name: /Azilal|أزيلال/ }).click(); break;
      case 'stage': await choice(page, 3).click(); break; // informal activity
      case 'started': await choice(page, 3).click(); break; // three years ago
      case 'sector': await page.locator('section.question button.choice').filter({ hasText: /Artisanat|Handicrafts|الصناعة التقليدية|الصنعة التقليدية/ }).click(); break;
      case 'needs':
        await page.locator('label.tick').nth(0).click(); // financing
        await page.locator('label.tick').nth(1).click(); // coaching
        await page.getByTestId('next').click();
        break;
      case 'amount': await choice(page, 0).click(); break; // up to 50,000
      case 'revenue': await choice(page, 0).click(); break; // up to 200,000 a year
      case 'jobs':
        await page.locator('#q-jobs-input').fill('2');
        await page.getByTestId('next').click();
        break;
      case 'age':
        await page.locator('#q-age-input').fill('28');
        await page.getByTestId('next').click();
        break;
      case 'gender': await choice(page, 0).click(); break; // woman
      case 'area': await choice(page, 0).click(); break; // rural
      case 'residence': await choice(page, 0).click(); break; // Morocco
      case 'innovative': await choice(page, 1).click(); break; // no
      default: await page.getByTestId('dont-know').click();
    }
  }
  throw new Error('the questionnaire did not end');
}

/** A share-link fragment (version 2, with its CRC-32 end marker) for the given fields, written
 *  as Bousla writes them (keys in src/engine/codec.rs's order, needs in their fixed order). */
export function shareFragment(fields: string): string {
  const body = fields ? `2.${fields}` : '2';
  return `#a=${body}.e-${(crc32(body) >>> 0).toString(16).padStart(8, '0')}`;
}

/** The results page drawn to its last step (it is drawn in steps, the best program first). */
export async function resultsDrawn(page: Page) {
  await expect(page.locator('section.results')).toHaveAttribute('data-drawn', 'true');
}

/** Every group of the results unfolded: "show all" in each, and every folded section open. */
export async function expandResults(page: Page) {
  await resultsDrawn(page);
  for (let i = 0; i < 10; i++) {
    const more = page.locator('section.results button.more-cards');
    if ((await more.count()) === 0) break;
    await more.first().click();
  }
  await page.locator('.bousla details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

export async function storageKeys(context: BrowserContext, page: Page) {
  const local = await page.evaluate(() => Object.keys(localStorage));
  const session = await page.evaluate(() => Object.keys(sessionStorage));
  const cookies = await context.cookies();
  return { local, session, cookies };
}

/** axe-core (npm) on the document, or on the element `selector` names, as it is now: one line
 * per violation and element (rule, impact, help, element, what fails). Evaluated, not added as
 * a <script>: the page's own CSP (a <meta> in dist/index.html) forbids inline scripts. */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.evaluate(readFileSync('node_modules/axe-core/axe.min.js', 'utf8'));
  }
  return page.evaluate(async (sel) => {
    type Result = { violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[] };
    const axe = (window as unknown as { axe: { run: (c: Node, o: object) => Promise<Result> } }).axe;
    const r = await axe.run(sel ? document.querySelector(sel)! : document, { resultTypes: ['violations'] });
    return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`));
  }, selector);
}
