// The results, the extras (the review, sharing, the printed sheet and a program's page), the
// adviser's page and the office counts are wasm chunks fetched when first needed
// (src/ui/chunk.rs, xtask/src/split.rs): the first screen downloads none of them; the results'
// and the extras' chunks come while the holder answers the first question; a share link's cards
// wait for the results' code only; a chunk that cannot be fetched leaves the app working, says
// so, and "Try again" brings it.
import { test, expect, type Route } from '@playwright/test';
import { axeViolations, shareFragment } from './helpers';

const CHUNK = /\/(split_[a-z_]+|chunk_[a-z0-9_]+)-[0-9a-f]{16}\.wasm$/;
const RESULTS = /\/split_results-[0-9a-f]{16}\.wasm$/;
const EXTRAS = /\/split_extras-[0-9a-f]{16}\.wasm$/;
const LINK = (lang: string) => `./?lang=${lang}${shareFragment('r-oriental.s-idea.a-25.g-female.n-financing+coaching.m-0~50000')}`;

test.describe('without the service worker', () => {
  // Requests a service worker makes are not routed or reported by Playwright.
  test.use({ serviceWorkers: 'block' });

  test('the first screen fetches no chunk; the first question fetches the results\' and the extras\' chunks ahead of need', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => { if (CHUNK.test(r.url())) fetched.push(new URL(r.url()).pathname); });
    await page.goto('./?lang=fr');
    await expect(page.getByTestId('start')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(fetched).toEqual([]);
    await page.getByTestId('start').click();
    await expect.poll(() => fetched.some((f) => RESULTS.test(f))).toBe(true);
    await expect.poll(() => fetched.some((f) => EXTRAS.test(f))).toBe(true);
    // Neither the adviser's page nor the office counts: no holder's screen needs them.
    expect(fetched.filter((f) => /split_(adviser|counts)-/.test(f))).toEqual([]);
  });

  test('a share link\'s cards wait for the results\' code only: sharing and the printed sheet follow when theirs is here', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (r) => { if (CHUNK.test(r.url())) fetched.push(new URL(r.url()).pathname); });
    let release = () => {};
    const held = new Promise<void>((r) => { release = r; });
    await page.route(EXTRAS, async (route: Route) => { await held; await route.continue(); });
    await page.goto(LINK('fr'));
    await expect(page.locator('article.card').first()).toBeVisible();
    await expect(page.locator('article.card h3').first()).not.toBeEmpty();
    // Asked for once the first screen's cards are drawn, not beside them.
    await expect.poll(() => fetched.some((f) => EXTRAS.test(f))).toBe(true);
    expect(fetched.findIndex((f) => EXTRAS.test(f))).toBeGreaterThan(fetched.findIndex((f) => RESULTS.test(f)));
    // The page goes on to the lists below the cards, and waits there for sharing's code.
    await expect(page.locator('section.results details.answers')).toBeAttached();
    await expect(page.locator('section.results')).toHaveAttribute('data-drawn', 'false');
    await expect(page.locator('section.share')).toHaveCount(0);
    release();
    await expect(page.locator('section.results')).toHaveAttribute('data-drawn', 'true');
    await expect(page.locator('section.share')).toBeVisible();
    await expect(page.getByTestId('share-link')).toHaveValue(/#a=2\./);
    await expect(page.locator('section.print-sheet')).toHaveCount(1);
    await expect(page.getByTestId('chunk-failed')).toHaveCount(0);
  });

  test('sharing\'s code that cannot be fetched: the cards and lists stay, its place says so with "Try again", which brings it', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let fail = true;
    await page.route(EXTRAS, (route: Route) => (fail ? route.fulfill({ status: 404, body: 'not found' }) : route.continue()));
    await page.goto(LINK('fr'));
    await expect(page.locator('section.results')).toHaveAttribute('data-drawn', 'true');
    await expect(page.locator('article.card').first()).toBeVisible();
    await expect(page.locator('section.results details.answers')).toBeAttached();
    // One notice, in sharing's place: the printed sheet (same chunk) waits for sharing.
    const notice = page.getByTestId('chunk-failed');
    await expect(notice).toHaveCount(1);
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Impossible de charger cette partie');
    await expect(page.locator('section.print-sheet')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    fail = false;
    await notice.getByRole('button').click();
    await expect(page.locator('section.share')).toBeVisible();
    await expect(page.getByTestId('share-link')).toHaveValue(/#a=2\./);
    await expect(page.locator('section.print-sheet')).toHaveCount(1);
    await expect(notice).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('a program\'s page reloaded fetches the extras\' chunk with the page, and not the results\'', async ({ page }) => {
    await page.goto(LINK('fr'));
    await page.locator('article.card button.secondary').first().click();
    await expect(page.locator('article.detail')).toBeVisible();
    // From a share link, the program's page keeps the shared answers after it.
    expect(await page.evaluate(() => location.hash)).toMatch(/^#p=[a-z0-9-]+&a=2\./);
    const fetched: string[] = [];
    page.on('request', (r) => { if (CHUNK.test(r.url())) fetched.push(new URL(r.url()).pathname); });
    // The boot script's preloads are the only requests made before the wasm is here.
    let release = () => {};
    const held = new Promise<void>((r) => { release = r; });
    await page.route(/_bg\.wasm$/, async (route: Route) => { await held; await route.continue(); });
    const reloaded = page.reload();
    await expect.poll(() => fetched.some((f) => EXTRAS.test(f))).toBe(true);
    expect(fetched.filter((f) => RESULTS.test(f))).toEqual([]);
    release();
    await reloaded;
    await expect(page.locator('article.detail h1')).toBeVisible();
    expect(fetched.filter((f) => RESULTS.test(f))).toEqual([]);
  });

  test('while the results\' chunk is on its way, the screen says it is loading', async ({ page }) => {
    let release = () => {};
    const held = new Promise<void>((r) => { release = r; });
    await page.route(RESULTS, async (route: Route) => { await held; await route.continue(); });
    await page.goto(LINK('fr'));
    const loading = page.getByTestId('chunk-loading');
    await expect(loading).toBeVisible();
    await expect(loading).toHaveAttribute('role', 'status');
    await expect(loading).toHaveText('Chargement…');
    release();
    await expect(page.locator('section.results h1')).toBeVisible();
    await expect(loading).toHaveCount(0);
  });

  test('a results chunk that cannot be fetched: a notice with "Try again" that works, and the app goes on', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let fail = true;
    await page.route(RESULTS, (route: Route) => (fail ? route.fulfill({ status: 404, body: 'not found' }) : route.continue()));
    await page.goto(LINK('ar'));
    const notice = page.getByTestId('chunk-failed');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('تعذر تحميل هذا الجزء');
    // The header and the language switch still work.
    await expect(page.locator('#bousla header')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    fail = false;
    await notice.getByRole('button').click();
    await expect(page.locator('section.results h1')).toBeVisible();
    await expect(page.locator('article.card').first()).toBeVisible();
    await expect(notice).toHaveCount(0);
    // The results' heading has the focus, as after any screen change.
    await expect(page.locator('section.results h1')).toBeFocused();
    expect(errors).toEqual([]);
  });
});
