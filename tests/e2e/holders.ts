// The ten example holders of docs/examples/ as share links, for the results and print specs.
import { type Page } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { shareFragment, resultsDrawn, type Lang } from './helpers';

/** The codec's field order (src/engine/codec.rs KEYS) and the needs' fixed order. */
const KEYS: [string, string][] = [
  ['r', 'region'], ['p', 'province'], ['s', 'stage'], ['y', 'started'], ['f', 'legal_form'],
  ['c', 'sector'], ['a', 'age'], ['g', 'gender'], ['z', 'area'], ['h', 'residence'],
  ['n', 'needs'], ['m', 'amount'], ['i', 'innovative'], ['v', 'revenue'], ['j', 'jobs'],
];
const NEEDS = ['financing', 'coaching', 'incubation', 'market_access', 'formalisation'];

/** The ten example holders as share-link fragments, by file name. */
export const holders: { name: string; profile: Record<string, unknown>; fragment: string }[] = readdirSync('docs/examples')
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const profile = JSON.parse(readFileSync(`docs/examples/${f}`, 'utf8')) as Record<string, unknown>;
    const fields = KEYS.flatMap(([k, name]) => {
      const v = profile[name];
      if (v === undefined || v === null) return [];
      if (name === 'needs') {
        const n = v as string[];
        return [`${k}-${n.length ? [...n].sort((a, b) => NEEDS.indexOf(a) - NEEDS.indexOf(b)).join('+') : 'none'}`];
      }
      if (typeof v === 'boolean') return [`${k}-${v ? 1 : 0}`];
      return [`${k}-${v}`];
    });
    return { name: f.replace(/\.json$/, ''), profile, fragment: shareFragment(fields.join('.')) };
  });

/** A holder's results from their share link, drawn to the last step (a fresh load each time: a
 *  fragment change alone is not a new page). */
export async function openResults(page: Page, lang: Lang, fragment: string) {
  await page.goto('about:blank');
  await page.goto(`./?lang=${lang}${fragment}`);
  await resultsDrawn(page);
}
