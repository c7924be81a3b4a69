// Results that open on the answer (issue 13): the ten example holders of docs/examples/ see a
// program on the first screen of a 360 × 740 phone and a 1920 × 1080 kiosk, the groups follow
// the needs they stated, and the printed sheet fits one A4 page in every language.
import { test, expect, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { holders, openResults } from './holders';

const PHONE = { width: 360, height: 740 };
const KIOSK = { width: 1920, height: 1080 };

/** Whether a program card's heading is inside the first viewport, and the page's height. */
async function firstScreen(page: Page) {
  return page.evaluate(() => {
    const h = window.innerHeight;
    const cards = [...document.querySelectorAll('section.results article.card')];
    const seen = cards.some((c) => {
      const r = (c.querySelector('h3, h2') ?? c).getBoundingClientRect();
      return r.height > 0 && r.top >= 0 && r.bottom <= h;
    });
    return { seen, height: document.documentElement.scrollHeight };
  });
}

test('measure: a program card on the first screen for the ten example holders (phone and kiosk)', async ({ page }) => {
  test.setTimeout(180_000);
  const rows: string[] = [];
  const out: Record<string, unknown>[] = [];
  for (const [label, size] of [['phone', PHONE], ['kiosk', KIOSK]] as const) {
    await page.setViewportSize(size);
    let seen = 0;
    for (const h of holders) {
      await openResults(page, 'fr', h.fragment);
      await page.evaluate(() => window.scrollTo(0, 0));
      const r = await firstScreen(page);
      if (r.seen) seen++;
      rows.push(`${label} ${h.name}: card on first screen ${r.seen}, page ${r.height} px`);
      out.push({ viewport: label, holder: h.name, ...r });
    }
    rows.push(`${label}: ${seen} of ${holders.length} see a program on the first screen`);
  }
  console.log(rows.join('\n'));
  writeFileSync(`/tmp/c/first-screen-${process.env.BOUSLA_MEASURE_TAG ?? 'now'}.json`, JSON.stringify(out, null, 1));
});
