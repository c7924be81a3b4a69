// What every spec shares: where the build under test is served, and a watch on a page that
// catches what a holder would not see but must never happen (console errors, wasm panics,
// requests leaving the machine, missing files).
import { expect, type Page } from '@playwright/test';

/** The port tests/e2e/serve.mjs listens on; `cargo xtask test` picks a free one. */
export const port = Number(process.env.BOUSLA_E2E_PORT || 4173);
/** The build under test; BOUSLA_BASE_URL points the specs at another server (e.g. trunk serve). */
export const baseURL = process.env.BOUSLA_BASE_URL || `http://127.0.0.1:${port}/`;
/** The one host the app may talk to: the one that served it. */
export const ownHost = new URL(baseURL).host;

export interface Watch {
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests (http, https, ws) to any host but `ownHost`. */
  outbound: string[];
  /** Responses with status 400 or more, and requests that failed, with their URLs. */
  failed: string[];
  /** All of the above, one line each. */
  problems(): string[];
  assertClean(): void;
}

/** Starts watching `page`; call before `page.goto`. A wasm panic shows as a page error
 *  "RuntimeError: unreachable". */
export function watch(page: Page): Watch {
  const w: Watch = {
    consoleErrors: [],
    pageErrors: [],
    outbound: [],
    failed: [],
    problems: () => [
      ...w.pageErrors.map((e) => `page error: ${e}`),
      ...w.consoleErrors.map((e) => `console error: ${e}`),
      ...w.outbound.map((u) => `request to another host: ${u}`),
      ...w.failed.map((u) => `failed: ${u}`),
    ],
    assertClean: () => {
      const p = w.problems();
      expect(p, p.join('\n')).toEqual([]);
    },
  };
  page.on('pageerror', (e) => w.pageErrors.push(`${e.name}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') w.consoleErrors.push(m.text());
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (['data:', 'blob:', 'about:'].includes(url.protocol)) return;
    if (url.host !== ownHost) w.outbound.push(r.url());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) w.failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText ?? 'failed';
    // Aborted: the page navigated or closed while a request was under way, not a fault.
    if (error !== 'net::ERR_ABORTED') w.failed.push(`${error} ${r.url()}`);
  });
  return w;
}
