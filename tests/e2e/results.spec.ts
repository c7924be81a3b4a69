// The results page as a holder and an adviser read it: the engine's groups in order (programs
// for the stated needs first, then also open, not taking applications, within reach), bands
// kept as ranges (a rule they straddle is "to check", never a made-up amount), an exact amount
// typed in any digits, doors with their reason and a phone to call, and programs past their
// closing date in their own group. Facts come from data/catalog, read here, so the tests follow
// the catalog as officers edit it.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { guard, expandResults, shareFragment } from './helpers';

const NNBSP = '\u202F';

/** Every `[[program]]` / `[[desk]]` block of the catalog's TOML files, as raw text. */
function blocks(kind: 'program' | 'desk'): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.toml')) files.push(path);
    }
  };
  walk('data/catalog');
  return files.flatMap((f) => readFileSync(f, 'utf8').split(/^\[\[/m).filter((b) => b.startsWith(`${kind}]]`)));
}

/** A top-level `key = "value"` of a block (not inside a table further down). */
function field(block: string, key: string): string | undefined {
  const head = block.split(/^\[/m)[0] ?? block;
  return head.match(new RegExp(`^${key}\\s*=\\s*"([^"]*)"`, 'm'))?.[1];
}

const card = (page: Page, id: string) => page.locator(`article.card[data-program="${id}"]`);

async function editAnswer(page: Page, question: string) {
  await page.locator('details.answers summary').click();
  await page.locator(`li[data-answer="${question}"] button`).click();
  await expect(page.locator(`section.question[data-question="${question}"]`)).toBeVisible();
}

test('a band answer is a range: a rule it straddles is "to check", never met or failed on a made-up amount', async ({ page }) => {
  const g = guard(page);
  // A running company asking for financing (the amount comes next, through the question).
  await page.goto(`./?lang=en${shareFragment('s-running.y-2020.f-company.c-industry.n-financing')}`);
  await expect(page.locator('section.results')).toBeVisible();
  await editAnswer(page, 'amount');
  await page.locator('button.choice').filter({ hasText: /From 300,000 MAD to 1,200,000 MAD/ }).click();
  await expect(page.locator('section.results')).toBeVisible();
  await page.locator('details.answers summary').click();
  await expect(page.locator('li[data-answer="amount"] .a')).toHaveText('From 300,000 MAD to 1,200,000 MAD');
  await expandResults(page);
  // Damane Istitmar guarantees investments of at least 1,000,000 MAD: for 300,000 to 1,200,000
  // it is "to check" (the old app stored 1,200,000 and called it eligible).
  const damane = card(page, 'tamwilcom-damane-istitmar');
  await expect(damane).toBeVisible();
  await expect(damane.locator('.badge')).toHaveClass(/possible/);
  const toCheck = damane.locator('.checks.unknown li').filter({ hasText: /at least 1,000,000 MAD/ });
  await expect(toCheck).toBeVisible();
  await expect(damane.locator('.met-of')).toContainText(/You meet (all )?\d+ of its \d+ conditions\.|You meet (its one condition|both of its conditions)\.|Its one condition is not met yet\.|You meet (none of its \d+|neither of its two) conditions yet\./);
  // The question that settles it is one tap away.
  await expect(toCheck.locator('button.answer-q')).toHaveAttribute('data-question', 'amount');
  await expect(toCheck.locator('button.answer-q')).toHaveText('Answer: Roughly how much money do you need?');
  // No amount the holder did not give appears anywhere.
  await expect(page.locator('section.results')).not.toContainText('Your answer: 1,200,000 MAD');
  // Tapping it opens the amount question with the band selected.
  await toCheck.locator('button.answer-q').click();
  await expect(page.locator('section.question[data-question="amount"]')).toBeVisible();
  await expect(page.locator('button.choice[aria-pressed="true"]')).toHaveText(/From 300,000 MAD to 1,200,000 MAD/);
  g.assertClean();
});

test('an exact amount typed in Arabic-Indic digits is kept exact; an unreadable one is refused and the answer stays', async ({ page }) => {
  const g = guard(page);
  await page.goto(`./?lang=ar${shareFragment('s-running.y-2020.f-company.c-industry.n-financing.m-300000~1200000')}`);
  await expect(page.locator('section.results')).toBeVisible();
  await editAnswer(page, 'amount');
  await page.locator('#q-amount-input').fill('١٬٥٠٠٬٠٠٠');
  await page.getByTestId('amount-next').click();
  await expect(page.locator('section.results')).toBeVisible();
  await page.locator('details.answers summary').click();
  await expect(page.locator('li[data-answer="amount"] .a')).toHaveText(`1${NNBSP}500${NNBSP}000${NNBSP}درهم`);
  // 1,500,000 is at least 1,000,000: Damane Istitmar's amount rule is now met.
  await expandResults(page);
  const damane = card(page, 'tamwilcom-damane-istitmar');
  await expect(damane.locator('.checks.unknown')).toHaveCount(0);
  await expect(damane.locator('.badge')).toHaveClass(/eligible/);
  expect(await page.evaluate(() => location.hash + (localStorage.getItem('bousla.answers') ?? ''))).toContain('m-1500000');

  // Back to the question: the amount shows as typed, no band is selected.
  await page.locator('li[data-answer="amount"] button').click();
  await expect(page.locator('#q-amount-input')).toHaveValue(`1${NNBSP}500${NNBSP}000`);
  await expect(page.locator('button.choice[aria-pressed="true"]')).toHaveCount(0);
  // Eastern Arabic-Indic digits with spaces, then a decimal that is refused.
  await page.locator('#q-amount-input').fill('۲۵۰ ۰۰۰');
  await page.getByTestId('amount-next').click();
  await page.locator('details.answers summary').click();
  await expect(page.locator('li[data-answer="amount"] .a')).toHaveText(`250${NNBSP}000${NNBSP}درهم`);
  await page.locator('li[data-answer="amount"] button').click();
  await page.locator('#q-amount-input').fill('12,5');
  await page.getByTestId('amount-next').click();
  await expect(page.locator('#q-amount-input')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#q-amount-error')).toContainText('اكتب المبلغ');
  await expect(page.locator('section.question[data-question="amount"]')).toBeVisible();
  await page.locator('.nav button.link').click(); // back to the results, nothing changed
  await page.locator('details.answers summary').click();
  await expect(page.locator('li[data-answer="amount"] .a')).toHaveText(`250${NNBSP}000${NNBSP}درهم`);
  g.assertClean();
});

test('the age accepts Arabic-Indic digits', async ({ page }) => {
  await page.goto(`./?lang=ar${shareFragment('r-oriental')}`);
  await expect(page.locator('section.results')).toBeVisible();
  await editAnswer(page, 'age');
  await page.locator('#q-age-input').fill('٢٨');
  await page.getByTestId('next').click();
  await page.locator('details.answers summary').click();
  await expect(page.locator('li[data-answer="age"] .a')).toHaveText('28');
});

test('the best programs for the stated needs come first, then one group per stated need, before pathways; the others are "also open to you"', async ({ page }) => {
  const g = guard(page);
  await page.goto(`./?lang=fr${shareFragment('r-casablanca_settat.p-el_jadida.s-running.y-2020.f-cooperative.n-market_access')}`);
  const best = page.locator('section.group[data-group="best"]');
  const also = page.locator('section.group[data-group="also-open"]');
  await expect(best.locator('h2')).toContainText('Le mieux pour vous');
  await expect(also.locator('h2')).toContainText('Aussi ouverts à vous');
  await expect(also.locator('article.card').first()).toBeVisible();
  // Two cards per group below the best, the rest one tap away.
  expect(await also.locator('article.card').count()).toBeLessThanOrEqual(2);
  // The best program is drawn before the filters, the answers, the pathways and the other groups.
  const order = await page.locator('section.results').evaluate((root) => {
    const all = [...root.querySelectorAll('section.group[data-group="best"] article.card, .filters, details.answers, section.pathways, section.group[data-group="also-open"]')];
    return all.map((e) => (e.matches('article.card') ? 'card' : e.className.split(' ')[0] + (e.getAttribute('data-group') ?? '')));
  });
  expect(order[0]).toBe('card');
  expect(order.indexOf('filters')).toBeGreaterThan(order.lastIndexOf('card'));
  expect(order.indexOf('groupalso-open')).toBeGreaterThan(order.lastIndexOf('card'));
  g.assertClean();
});

test("a door says why it is the right office; a cooperative in El Jadida goes to ODCo's Safi delegation", async ({ page }) => {
  await page.goto(`./?lang=en${shareFragment('r-casablanca_settat.p-el_jadida.s-running.y-2020.f-cooperative.n-coaching+market_access')}`);
  await expandResults(page);
  const desk = page.locator('article.card .desk[data-desk^="odco"]').filter({ hasText: /Safi/ }).first();
  await expect(desk.locator('.why')).toHaveText('Serves the province of El Jadida');
});

test('a desk with a phone number shows it as a tel: link, with the reason it is the door', async ({ page }) => {
  const desks = blocks('desk')
    .map((b) => ({ id: field(b, 'id'), provider: field(b, 'provider'), region: field(b, 'region'), province: field(b, 'province'), phone: field(b, 'phone') }))
    .filter((d) => d.id && d.phone);
  test.skip(desks.length === 0, 'no desk in data/catalog has a phone number yet');
  const programs = blocks('program').map((b) => ({
    id: field(b, 'id'),
    provider: field(b, 'provider'),
    deliveredBy: b.match(/^delivered_by\s*=\s*\[([^\]]*)\]/m)?.[1] ?? '',
  }));
  for (const d of desks.slice(0, 6)) {
    const place = [d.region && `r-${d.region}`, d.province && `p-${d.province}`].filter(Boolean).join('.');
    await page.goto(`./?lang=en${shareFragment(place)}`);
    await expandResults(page);
    const theirs = programs.filter((p) => p.provider === d.provider || p.deliveredBy.includes(`"${d.provider}"`)).map((p) => p.id);
    let found = page.locator(`article.card .desk[data-desk="${d.id}"]`);
    if ((await found.count()) === 0) {
      // Not the first door of any card: look on the page of one of its provider's programs.
      for (const id of theirs) {
        const c = card(page, id!);
        if ((await c.count()) === 0) continue;
        await c.locator('button.secondary').last().click();
        found = page.locator(`article.detail .desk[data-desk="${d.id}"]`);
        if (await found.count()) break;
        await page.locator('article.detail button.primary').click();
        await expandResults(page);
      }
    }
    if ((await found.count()) === 0) continue;
    const desk = found.first();
    const tel = 'tel:' + d.phone!.replace(/(?!^\+)[^\d]/g, '');
    await expect(desk.locator('a.call')).toHaveAttribute('href', tel);
    await expect(desk.locator('a.call')).toContainText(d.phone!);
    await expect(desk.locator('.why')).toHaveText(/Serves|In your region|National or online desk/);
    return;
  }
  throw new Error(`none of the desks with a phone (${desks.map((d) => d.id).join(', ')}) was shown as a door`);
});

/** Programs with a closing date in the catalog, as [id, YYYY-MM-DD]. */
function closingDates(): [string, string][] {
  return blocks('program')
    .map((b) => [field(b, 'id'), field(b, 'closes')] as [string | undefined, string | undefined])
    .filter((x): x is [string, string] => !!x[0] && !!x[1] && /^\d{4}-\d{2}-\d{2}$/.test(x[1]));
}

const enDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m - 1]} ${y}`;
};

const dayAfter = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000);

test('a program past its closing date moves to "Not taking applications now", with the date', async ({ page }) => {
  const dated = closingDates();
  test.skip(dated.length === 0, 'no program in data/catalog has a closing date');
  const [id, closes] = dated[0];
  // The device's clock a few days after the closing date: nothing else in the app changes.
  await page.clock.setFixedTime(dayAfter(closes, 3));
  await page.goto(`./?lang=en${shareFragment('')}`);
  await expandResults(page);
  const closed = page.locator('section.group[data-group="closed"]');
  await expect(closed.locator('h2')).toContainText('Not taking applications now');
  const c = closed.locator(`article.card[data-program="${id}"]`);
  await expect(c).toBeVisible();
  await expect(c.locator('.timing.shut')).toContainText(`Closed since ${enDate(closes)}`);
  await expect(c.locator('.badge.closed')).toBeVisible();
  await expect(page.locator(`section.group:is([data-group="best"], [data-group="fits"]) article.card[data-program="${id}"]`)).toHaveCount(0);
});

test('a program closing within 60 days says so, with its deadline', async ({ page }) => {
  const dated = closingDates();
  test.skip(dated.length === 0, 'no program in data/catalog has a closing date');
  const [id, closes] = dated[0];
  await page.clock.setFixedTime(dayAfter(closes, -20));
  await page.goto(`./?lang=en${shareFragment('')}`);
  await expandResults(page);
  const c = page.locator(`section.group:is([data-group="best"], [data-group="fits"]) article.card[data-program="${id}"]`);
  await expect(c.locator('.timing.soon')).toContainText(`Closing soon: deadline ${enDate(closes)}`);
});

for (const lang of ['ar', 'fr'] as const) {
  test(`on a 360 px phone the results never scroll sideways (${lang}, a holder with many rules still to check)`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`./?lang=${lang}${shareFragment('n-financing.m-150000~300000')}`);
    await expandResults(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    // Rules to check name the question that settles them.
    await expect(page.locator('button.answer-q').first()).toBeVisible();
  });
}
