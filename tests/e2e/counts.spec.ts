// Office counts on a kiosk (`mode=kiosk&counts=1&staff=…`): 40 scripted holders, then the staff
// export. Every displayed and exported cell obeys the small-count rule (0, "< 10", or 10 and
// more rounded to 5); every storage area is inspected and holds nothing that rebuilds one
// holder's answers (only sums per day, one answer value per counter); counting survives
// reloads and the idle wipe; a wrong code shows nothing; corrupt storage gives staff a notice.
import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { answerAzilal, axeViolations, guard, resultsDrawn, shareFragment, skipToResults } from './helpers';

/** The staff code and its option, as `catalog staff-code --salt e2etestsalt` prints it (the
 *  same value src/counts/code.rs's test and `staffHash` below compute). */
const CODE = '2468-bousla';
const STAFF = 'e2etestsalt.979f6b1b2c7ef6bf20368ecdcc819b60';
const KIOSK = `./?lang=fr&mode=kiosk&counts=1&staff=${STAFF}&idle=600`;
const STORE = 'bousla.counts';

/** A scripted holder: the answers given, by the counters' names (undefined: not answered). */
interface Holder {
  region?: string; province?: string; stage?: string; sector?: string; age?: number;
  gender?: string; area?: string; residence?: string; needs?: string[];
}

/** 30 holders who open their results from a share link (a reload each). Chosen so that
 *  counters land on each side of the rule: 0, 1–9, 10 and more. */
function linkHolders(): Holder[] {
  return Array.from({ length: 30 }, (_, i) => ({
    region: i < 18 ? 'oriental' : i < 25 ? 'souss_massa' : 'casablanca_settat',
    province: i < 18 ? (i % 2 ? 'nador' : 'oujda_angad') : i < 21 ? 'agadir_ida_outanane' : undefined,
    stage: i % 2 ? 'creating' : 'idea',
    sector: ['handicraft', 'agriculture', 'services'][i % 3],
    age: 20 + i,
    gender: i < 17 ? 'female' : i < 27 ? 'male' : undefined,
    area: i % 4 === 0 ? 'urban' : 'rural',
    residence: i === 29 ? 'abroad' : 'morocco',
    needs: i % 2 ? ['coaching'] : ['financing', 'coaching'],
  }));
}

/** The share-link fields of a holder, in the codec's order (src/engine/codec.rs KEYS). */
function fields(h: Holder): string {
  const f: string[] = [];
  if (h.region) f.push(`r-${h.region}`);
  if (h.province) f.push(`p-${h.province}`);
  if (h.stage) f.push(`s-${h.stage}`);
  if (h.sector) f.push(`c-${h.sector}`);
  if (h.age) f.push(`a-${h.age}`);
  if (h.gender) f.push(`g-${h.gender}`);
  if (h.area) f.push(`z-${h.area}`);
  if (h.residence) f.push(`h-${h.residence}`);
  if (h.needs) f.push(`n-${h.needs.join('+')}`);
  return f.join('.');
}

const band = (age: number) => (age <= 24 ? '15-24' : age <= 34 ? '25-34' : age <= 44 ? '35-44' : '45+');

/** The answer counters a holder adds at the results (src/counts/mod.rs `answer_keys`). */
function answerKeys(h: Holder): string[] {
  const one = (dim: string, v?: string) => `${dim}.${v ?? 'unknown'}`;
  const keys = [
    one('region', h.region), one('province', h.province), one('stage', h.stage),
    one('legal_form', undefined), one('sector', h.sector), one('gender', h.gender),
    one('age', h.age ? band(h.age) : undefined), one('area', h.area), one('residence', h.residence),
  ];
  const needs = h.needs ?? [];
  if (needs.length === 0) keys.push('needs.unknown');
  for (const n of needs) keys.push(`needs.${n}`);
  return keys;
}

/** What a cell of `n` people shows. */
function shown(n: number): string {
  if (n === 0) return '0';
  if (n < 10) return '< 10';
  return String(Math.round(n / 5) * 5);
}

/** The rule, on a cell's text: 0, "< 10", or a multiple of 5 of at least 10. */
function obeysRule(text: string): boolean {
  if (text === '0' || text === '< 10' || text === '<10') return true;
  return /^\d+$/.test(text) && Number(text) >= 10 && Number(text) % 5 === 0;
}

async function today(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = new Date();
    const p = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  });
}

/** Today's raw counters as stored (the test reads storage; staff never see these). */
async function stored(page: Page): Promise<Record<string, number>> {
  const [text, day] = await Promise.all([page.evaluate((k) => localStorage.getItem(k), STORE), today(page)]);
  const line = (text ?? '').split('\n').find((l) => l.startsWith(`d ${day} `));
  const out: Record<string, number> = {};
  for (const token of (line ?? '').split(' ').slice(2, -1)) {
    const [k, n] = token.split('=');
    out[k] = Number(n);
  }
  return out;
}

async function waitCount(page: Page, key: string, n: number) {
  await expect.poll(async () => (await stored(page))[key] ?? 0, { message: key }).toBe(n);
}

async function openStaff(page: Page, code: string) {
  for (let i = 0; i < 5; i++) await page.locator('#bousla .brand').click();
  await expect(page.getByTestId('staff')).toBeVisible();
  await expect(page.locator('#staff-code')).toBeFocused();
  await page.locator('#staff-code').fill(code);
  await page.getByTestId('staff-open').click();
}

/** Every storage area the page can reach: keys and values. */
async function everyStore(context: BrowserContext, page: Page) {
  const areas = await page.evaluate(async () => {
    const dump = (s: Storage) => Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)]));
    const idb = 'databases' in indexedDB ? await indexedDB.databases() : [];
    const caches_: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      caches_[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    }
    return { local: dump(localStorage), session: dump(sessionStorage), idb: idb.map((d) => d.name), caches: caches_ };
  });
  return { ...areas, cookies: await context.cookies() };
}

test('40 holders through a counting kiosk; the export obeys the small-count rule; no storage rebuilds a holder', async ({ page, context }) => {
  test.setTimeout(420_000);
  const w = guard(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  const expected: Record<string, number> = {};
  const add = (keys: string[]) => keys.forEach((k) => (expected[k] = (expected[k] ?? 0) + 1));

  // 30 holders open a share link, each on a fresh load (counting survives every reload).
  const holders = linkHolders();
  let qr = 0;
  let printed = 0;
  for (const [i, h] of holders.entries()) {
    await page.goto('about:blank');
    await page.goto(KIOSK + shareFragment(fields(h)));
    add(['activity.results', ...answerKeys(h)]);
    await waitCount(page, 'activity.results', expected['activity.results']);
    if (i % 3 === 0) {
      // The share QR code on screen.
      await resultsDrawn(page);
      await page.locator('#share-body').scrollIntoViewIfNeeded();
      qr++;
      await waitCount(page, 'activity.qr', qr);
    }
    if (i % 5 === 0) {
      // Printing fires `beforeprint` (window.print() would open the print dialog).
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      printed++;
      await waitCount(page, 'activity.printed', printed);
    }
    if (i % 4 === 0) {
      // A program's page, opened twice: counted once for this holder.
      await page.locator('article.card button.secondary').first().click();
      await expect(page.locator('article.detail')).toBeVisible();
      await page.locator('article.detail button.primary').click();
      await page.locator('article.card button.secondary').first().click();
      await expect(page.locator('article.detail')).toBeVisible();
    }
  }
  for (const [k, n] of Object.entries(expected)) expect((await stored(page))[k] ?? 0, k).toBe(n);

  // 8 holders tap through the questionnaire on one kiosk page, "start over" between them.
  await page.goto('about:blank');
  await page.goto(KIOSK);
  const tapper: Holder = { region: 'oriental' };
  for (let i = 0; i < 8; i++) {
    await page.getByTestId('start').click();
    await page.getByRole('button', { name: /Oriental/ }).click();
    await skipToResults(page);
    add(['activity.started', 'activity.results', ...answerKeys(tapper)]);
    await waitCount(page, 'activity.results', expected['activity.results']);
    await page.getByTestId('start-over').click();
    await page.getByTestId('confirm-start-over').click();
    await expect(page.getByTestId('start')).toBeVisible();
  }
  // A ninth answers everything (the helper's young woman in rural Azilal).
  await page.getByTestId('start').click();
  await answerAzilal(page);
  add(['activity.started', 'activity.results', ...answerKeys({
    region: 'beni_mellal_khenifra', province: 'azilal', stage: 'informal', sector: 'handicraft', age: 28,
    gender: 'female', area: 'rural', residence: 'morocco', needs: ['financing', 'coaching'],
  })]);
  await waitCount(page, 'activity.results', expected['activity.results']);

  // The 40th on a kiosk that wipes after 6 idle seconds: the answers go, the counts stay.
  await page.goto('about:blank');
  await page.goto(KIOSK.replace('idle=600', 'idle=6'));
  await page.getByTestId('start').click();
  await page.getByRole('button', { name: /Oriental/ }).click();
  await skipToResults(page);
  add(['activity.started', 'activity.results', ...answerKeys(tapper)]);
  await waitCount(page, 'activity.results', 40);
  const before = await stored(page);
  await expect(page.getByTestId('idle-countdown')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('start')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('resume')).toHaveCount(0);
  expect(await stored(page)).toEqual(before);
  // And a reload changes nothing.
  const raw = await page.evaluate((k) => localStorage.getItem(k), STORE);
  await page.reload();
  await expect(page.getByTestId('start')).toBeVisible();
  expect(await page.evaluate((k) => localStorage.getItem(k), STORE)).toBe(raw);

  // Storage holds exactly the sums of the 40 holders' single answers, nothing else.
  const now = await stored(page);
  for (const [k, n] of Object.entries(expected)) expect(now[k] ?? 0, k).toBe(n);
  for (const k of Object.keys(now)) {
    expect(k, 'one dimension, one value').toMatch(/^[a-z_0-9]+\.[a-z0-9_+-]+$/);
    if (!/^(top5|opened)\./.test(k) && k !== 'activity.qr' && k !== 'activity.printed') expect(expected[k], k).toBe(now[k]);
  }
  expect(now['activity.qr']).toBe(qr);
  expect(now['activity.printed']).toBe(printed);
  // Each of the 40 adds 1 to five of the top-5 counters at most; each holder's page opened once.
  const top = Object.entries(now).filter(([k]) => k.startsWith('top5.')).reduce((s, [, n]) => s + n, 0);
  expect(top).toBeGreaterThan(40);
  expect(top).toBeLessThanOrEqual(40 * 5);
  const opened = Object.entries(now).filter(([k]) => k.startsWith('opened.')).reduce((s, [, n]) => s + n, 0);
  expect(opened).toBe(holders.filter((_, i) => i % 4 === 0).length);

  // Every storage area, inspected.
  const all = await everyStore(context, page);
  expect(Object.keys(all.local)).toEqual([STORE]);
  expect(all.session).toEqual({});
  expect(all.idb).toEqual([]);
  expect(all.cookies).toEqual([]);
  const text = all.local[STORE] ?? '';
  const lines = text.trim().split('\n');
  expect(lines[0]).toBe('bousla-counts 1');
  for (const line of lines.slice(1)) {
    // A day and sums; no time of day, no record of a visit.
    expect(line).toMatch(/^(d \d{4}-\d{2}-\d{2}( [a-z_0-9]+\.[a-z0-9_+-]+=[1-9]\d*)+|x \d{4}-\d{2}-\d{2} \d+) ~[0-9a-f]{8}$/);
  }
  // No holder's answers together anywhere: no share code, no two answers in one value.
  for (const h of [...holders, tapper]) {
    const code = shareFragment(fields(h)).slice(3);
    for (const v of [text, ...Object.values(all.caches).flat()]) expect(v).not.toContain(code);
  }
  for (const urls of Object.values(all.caches)) {
    for (const url of urls) {
      // Answers could ride only in a query or a fragment; the path is one of the app's files
      // (whose hashed names may contain "r-" as in "split_adviser-…").
      const u = new URL(url);
      expect(u.search + u.hash, 'cached URLs carry no answers').not.toMatch(/#|a=2\.|r-[a-z]|g-(female|male)/);
      expect(u.pathname, 'cached URLs are the app\'s files').toMatch(/^\/([a-z0-9_]+(-[0-9a-f]+)?(_bg)?\.[a-z0-9.]+(-(ui|details)\.txt)?)?$/);
    }
  }

  // Staff: a wrong code shows nothing.
  await openStaff(page, 'not-the-code');
  await expect(page.getByTestId('staff-wrong')).toHaveText(/incorrect/);
  await expect(page.getByTestId('staff-counts')).toHaveCount(0);
  await expect(page.locator('table.counts')).toHaveCount(0);
  expect(await page.locator('.staff').innerText()).not.toMatch(/\d{2}/);
  await page.getByTestId('staff-close').click();
  await expect(page.getByTestId('staff')).toHaveCount(0);

  // The right code: the counts of today.
  await openStaff(page, CODE);
  await expect(page.getByTestId('staff-counts')).toBeVisible();
  await expect(page.locator('#staff-title')).toBeFocused();
  await page.getByTestId('staff-period').selectOption('0');
  // Every cell on screen obeys the rule and shows what the sums make.
  const cells = await page.locator('table.counts tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      dim: r.closest('table')!.getAttribute('data-dim')!,
      value: r.getAttribute('data-value')!,
      text: r.querySelector('.n')!.textContent!,
    })),
  );
  expect(cells.length).toBeGreaterThan(60);
  for (const c of cells) {
    expect(obeysRule(c.text), `${c.dim}.${c.value}: ${c.text}`).toBe(true);
    expect(c.text, `${c.dim}.${c.value}`).toBe(shown(now[`${c.dim}.${c.value}`] ?? 0));
  }
  // The three kinds of cell all occur.
  const texts = cells.map((c) => c.text);
  expect(texts).toContain('0');
  expect(texts).toContain('< 10');
  expect(texts.some((t) => /^\d\d+$/.test(t))).toBe(true);

  // CSV: one line per cell, the same numbers.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('staff-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^bousla-counts-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const rows = csv.trim().split('\r\n');
  expect(rows[0]).toBe('from,to,group,value,label,count');
  expect(rows.length - 1).toBe(cells.length);
  for (const row of rows.slice(1)) {
    const count = row.slice(row.lastIndexOf(',') + 1);
    const [, , group, value] = row.split(',');
    expect(obeysRule(count), row).toBe(true);
    expect(count, row).toBe(shown(now[`${group}.${value}`] ?? 0));
  }
  expect(csv).toContain(',region,oriental,L\'Oriental,25');

  // QR codes: the same cells, zeros left out.
  await page.getByTestId('staff-show-qr').click();
  const qrTexts = await page.locator('.staff-qrs figure').evaluateAll((fs) => fs.map((f) => f.getAttribute('data-text')!));
  expect(qrTexts.length).toBeGreaterThanOrEqual(1);
  await expect(page.locator('.staff-qrs svg.qr')).toHaveCount(qrTexts.length);
  for (const t of qrTexts) {
    expect(t.length).toBeLessThanOrEqual(700);
    for (const cell of t.split('\n').slice(1).flatMap((l) => l.replace(/^[a-z_0-9]+: /, '').split(', '))) {
      expect(obeysRule(cell.slice(cell.lastIndexOf(' ') + 1)), cell).toBe(true);
    }
  }
  expect(qrTexts.join('\n')).toContain('oriental 25');

  // After the export, staff may delete the period's counts.
  await page.getByTestId('staff-reset').click();
  await page.getByTestId('staff-reset-yes').click();
  await expect(page.locator('table.counts[data-dim="activity"] .n').first()).toHaveText('0');
  expect(await stored(page)).toEqual({});
  w.assertClean();
});

test('corrupt, doubled or foreign counter storage: dropped with a notice to staff, never counted twice, never a crash', async ({ page }) => {
  const w = guard(page);
  await page.goto(KIOSK);
  await expect(page.getByTestId('start')).toBeVisible();
  // A real holder first, to have a well-formed line to copy (about:blank between: a change of
  // fragment alone would not reload the page).
  await page.goto('about:blank');
  await page.goto(KIOSK + shareFragment('r-oriental.g-female'));
  await expect.poll(async () => (await stored(page))['activity.results']).toBe(1);
  const good = (await page.evaluate((k) => localStorage.getItem(k), STORE))!;
  const line = good.split('\n')[1];
  const day = await today(page);

  for (const [what, text] of [
    ['a day written twice', `bousla-counts 1\n${line}\n${line}\n`],
    ['a changed digit', good.replace('gender.female=1', 'gender.female=9')],
    ['foreign data', '{"visits": 12}'],
    ['a newer version', `bousla-counts 2\n${line}\n`],
  ]) {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORE, text]);
    await page.goto('about:blank');
    await page.goto(KIOSK);
    await openStaff(page, CODE);
    await page.getByTestId('staff-period').selectOption('0');
    await expect(page.getByTestId('staff-discarded'), what).toBeVisible();
    // Nothing of it is counted: the rows are all zero.
    const counted = await page.locator('table.counts[data-dim="region"] tr[data-value="oriental"] .n').textContent();
    expect(counted, what).toBe('0');
    // The storage was cleaned once: the notice is kept, the bad lines are gone.
    const after = (await page.evaluate((k) => localStorage.getItem(k), STORE))!;
    expect(after.split('\n')[0]).toBe('bousla-counts 1');
    expect(after, what).toMatch(new RegExp(`\\nx ${day} \\d+ ~`));
    expect(after).not.toContain('gender.female');
    // The next holder counts from there.
    await page.goto('about:blank');
    await page.goto(KIOSK + shareFragment('r-oriental.g-female'));
    await expect.poll(async () => (await stored(page))['activity.results'], { message: what }).toBe(1);
    await page.evaluate((k) => localStorage.removeItem(k), STORE);
  }
  w.assertClean();
});

test('counts are off without counts=1, outside a kiosk, or without a staff code; the gesture then opens nothing', async ({ page }) => {
  for (const q of ['?mode=kiosk', `?counts=1&staff=${STAFF}`, '?mode=kiosk&counts=1']) {
    await page.goto(`./${q}&lang=en` + shareFragment('r-oriental.g-female'));
    await expect(page.locator('section.results')).toBeVisible();
    await resultsDrawn(page);
    for (let i = 0; i < 5; i++) await page.locator('#bousla .brand').click();
    await expect(page.getByTestId('staff')).toHaveCount(0);
    expect(await page.evaluate((k) => localStorage.getItem(k), STORE), q).toBeNull();
  }
});

test('the staff screen: keyboard shortcut, Escape, and no axe violation (ar, fr, en)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(KIOSK + shareFragment('r-oriental.g-female.n-financing'));
  await expect(page.locator('section.results')).toBeVisible();
  for (const lang of ['ar', 'fr', 'en']) {
    await page.locator(`button.lang[data-lang="${lang}"]`).click();
    // French and English words are downloaded when first chosen; the results are drawn anew
    // (and take the focus) once they are here.
    await expect(page.locator('#bousla')).toHaveAttribute('lang', lang);
    await resultsDrawn(page);
    await page.keyboard.press('Control+Alt+Shift+KeyB');
    await expect(page.locator('#staff-code')).toBeFocused();
    await page.keyboard.type(CODE);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('staff-counts')).toBeVisible();
    await page.getByTestId('staff-show-qr').click();
    const violations = await axeViolations(page, '.staff');
    expect(violations, `${lang}: ${violations.join('\n')}`).toEqual([]);
    if (lang === 'ar') await expect(page.locator('#bousla')).toHaveAttribute('dir', 'rtl');
    await page.screenshot({ path: `test-results/screenshots/staff-counts-${lang}.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('staff-counts')).toHaveCount(0);
  }
});

test('the staff hash is the documented one (salted, iterated SHA-256)', async () => {
  const { createHash } = await import('node:crypto');
  const [salt, hash] = STAFF.split('.');
  let d = createHash('sha256').update(`bousla-staff|${salt}|${CODE}`).digest();
  for (let i = 1; i < 20_000; i++) d = createHash('sha256').update(Buffer.concat([d, Buffer.from(salt)])).digest();
  expect(d.subarray(0, 16).toString('hex')).toBe(hash);
});

// The staff's screen is in the counts' chunk. Staff who tap the name while it is still on its
// way (a slow kiosk just started) are not ignored: the taps made before it arrives count, and
// add up with those made after.
test.describe('without the service worker', () => {
  test.use({ serviceWorkers: 'block' });

  test('five taps on the name before the staff screen\'s code is here open the prompt once it is', async ({ page }) => {
    for (const [before, after] of [[5, 0], [3, 2]]) {
      let release = () => {};
      const held = new Promise<void>((r) => { release = r; });
      await page.route(/\/split_counts-[0-9a-f]+\.wasm$/, async (route) => { await held; await route.continue(); });
      await page.goto('about:blank');
      await page.goto(KIOSK);
      await expect(page.getByTestId('start')).toBeVisible();
      for (let i = 0; i < before; i++) await page.locator('#bousla .brand').click();
      await expect(page.getByTestId('staff')).toHaveCount(0);
      const arrived = page.waitForResponse(/\/split_counts-[0-9a-f]+\.wasm$/);
      release();
      await arrived;
      for (let i = 0; i < after; i++) await page.locator('#bousla .brand').click();
      await expect(page.locator('#staff-code'), `${before} taps before, ${after} after`).toBeFocused();
      await page.unroute(/\/split_counts-[0-9a-f]+\.wasm$/);
    }
  });
});
