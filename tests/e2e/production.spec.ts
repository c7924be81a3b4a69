// Production serving, against Debian's nginx running deploy/nginx.conf (started by
// `cargo xtask test`, which sets BOUSLA_BASE_URL and BOUSLA_PRODUCTION): the headers of every
// kind of file, precompressed brotli and gzip, and the app working under the strict
// Content-Security-Policy with no violation and no request to another host.
import { test, expect, type Page, type APIResponse } from '@playwright/test';
import { readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { baseURL } from './fixtures';
import { guard, answerAzilal } from './helpers';

const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *";
const IMMUTABLE = 'public, max-age=31536000, immutable';

const files = readdirSync('dist').filter((f) => statSync(join('dist', f)).isFile());
const one = (re: RegExp) => {
  const found = files.filter((f) => re.test(f));
  expect(found, `one file in dist/ matching ${re}`).toHaveLength(1);
  return found[0];
};
const size = (f: string) => statSync(join('dist', f)).size;

function expectSecurityHeaders(r: APIResponse, what: string) {
  const h = r.headers();
  expect(h['content-security-policy'], what).toBe(CSP);
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['referrer-policy'], what).toBe('no-referrer');
  const permissions = h['permissions-policy'] ?? '';
  for (const feature of ['camera', 'microphone', 'geolocation']) {
    expect(permissions, what).toContain(`${feature}=()`);
  }
  // Partners embed the widget in an iframe: nothing may forbid framing.
  expect(h['x-frame-options'], what).toBeUndefined();
}

test('index.html, sw.js and embed.js are never cached, and carry the security headers', async ({ request }) => {
  for (const [path, type] of [
    ['./', 'text/html'],
    ['./index.html', 'text/html'],
    ['./sw.js', 'text/javascript'],
    ['./embed.js', 'text/javascript'],
  ]) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(200);
    expect(r.headers()['cache-control'], path).toBe('no-cache');
    expect(r.headers()['content-type'], path).toContain(type);
    expectSecurityHeaders(r, path);
  }
});

test('dist/index.html carries the same policy in a <meta> element, for hosts that send no header', async ({ request }) => {
  const html = await (await request.get('./index.html')).text();
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  expect(meta, 'a meta CSP in dist/index.html').not.toBeNull();
  // All of the header's directives but frame-ancestors, which a <meta> element cannot carry.
  expect(meta![1]).toBe(CSP.replace('; frame-ancestors *', ''));
  // Before any script or stylesheet.
  expect(html.indexOf('http-equiv="Content-Security-Policy"')).toBeLessThan(html.search(/<script|<link/));
});

test('hashed assets are immutable for a year, with their types and the security headers', async ({ request }) => {
  const assets: [string, string][] = [
    [one(/^bousla-[0-9a-f]{1,16}_bg\.wasm$/), 'application/wasm'],
    [one(/^bousla-[0-9a-f]{1,16}\.js$/), 'text/javascript'],
    [one(/^boot-[0-9a-f]{12}\.js$/), 'text/javascript'],
    [one(/^main-[0-9a-f]{1,16}\.css$/), 'text/css'],
    // The programs' texts and details of each language, their sources, and the interface words
    // of French, English and Darija.
    ...files.filter((f) => /^catalog-[0-9a-f]{12}\.(ar|fr|en|ar-details|fr-details|en-details|sources|fr-ui|en-ui|ary-ui)\.txt$/.test(f)).map((f): [string, string] => [f, 'text/plain']),
  ];
  expect(assets.length).toBe(14);
  for (const [file, type] of assets) {
    const r = await request.get(`./${file}`);
    expect(r.status(), file).toBe(200);
    expect(r.headers()['cache-control'], file).toBe(IMMUTABLE);
    expect(r.headers()['content-type'], file).toBe(type === 'application/wasm' ? type : `${type}; charset=utf-8`);
    expectSecurityHeaders(r, file);
  }
});

test('wasm, scripts, styles and the page come precompressed: br when accepted, else gzip, else plain', async ({ request }) => {
  for (const file of [one(/_bg\.wasm$/), one(/^bousla-[0-9a-f]{1,16}\.js$/), one(/^main-.*\.css$/), 'index.html']) {
    for (const [accept, encoding, copy] of [
      ['br', 'br', `${file}.br`],
      ['gzip, deflate, br', 'br', `${file}.br`],
      ['gzip', 'gzip', `${file}.gz`],
      ['identity', undefined, file],
    ]) {
      const r = await request.get(`./${file}`, { headers: { 'Accept-Encoding': accept! } });
      const what = `${file} with Accept-Encoding: ${accept}`;
      expect(r.status(), what).toBe(200);
      expect(r.headers()['content-encoding'], what).toBe(encoding);
      // The very file the build compressed, sent as it is: its length on disk.
      expect(Number(r.headers()['content-length']), what).toBe(size(copy!));
      expect(r.headers()['vary'] ?? '', what).toMatch(/Accept-Encoding/i);
      // Decoded, it is the original file.
      expect((await r.body()).length, what).toBe(size(file));
    }
  }
  const wasm = await request.get(`./${one(/_bg\.wasm$/)}`, { headers: { 'Accept-Encoding': 'br' } });
  expect(wasm.headers()['content-type']).toBe('application/wasm');
});

test('a missing file is a 404 with the same security headers, and dot files are not served', async ({ request }) => {
  for (const path of ['./no-such-file.js', './.git/config', './.well-known/x']) {
    const r = await request.get(path);
    expect(r.status(), path).toBe(404);
    expectSecurityHeaders(r, path);
  }
});

/** Records CSP violations in every frame (the `securitypolicyviolation` event) and console
 *  messages about the Content Security Policy. */
async function watchCsp(page: Page) {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) messages.push(`${m.type()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return async () => {
    const violations: string[] = [...messages];
    for (const frame of page.frames()) {
      violations.push(...await frame.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []));
    }
    return violations;
  };
}

test('under the CSP the app loads, a holder answers every question, sees results and a program, and the service worker installs', async ({ page, browser }) => {
  const g = guard(page);
  const violations = await watchCsp(page);
  await page.goto('./?lang=fr');
  // A policy that stops the app fails here first: say which directive did it.
  await expect(page.getByTestId('start')).toBeVisible().catch(async (e) => {
    throw new Error(`${e.message}\nCSP violations: ${(await violations()).join('\n') || 'none'}`);
  });
  await page.getByTestId('start').click();
  await expect(page.locator('section.question')).toBeVisible();
  await answerAzilal(page);
  await expect(page.locator('section.results')).toBeVisible();
  await expect(page.locator('article.card').first()).toBeVisible();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#a=2\./);
  await page.locator('article.card button.secondary').first().click();
  await expect(page.locator('article.detail')).toBeVisible();
  // worker-src 'self': the service worker registers and activates.
  expect(await page.evaluate(async () => !!(await navigator.serviceWorker.ready).active)).toBe(true);
  expect(await violations()).toEqual([]);
  g.assertClean();

  // The share link, in a fresh browser, reopens the results, still under the CSP.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const g2 = guard(other);
  const violations2 = await watchCsp(other);
  await other.goto(link);
  await expect(other.locator('section.results')).toBeVisible();
  await expect(other.locator('article.card').first()).toBeVisible();
  expect(await violations2()).toEqual([]);
  g2.assertClean();
  await fresh.close();
  // For Lighthouse (tests/e2e/lighthouse.mjs): a results page as a holder reopens it.
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/share-link.txt', link + '\n');
});

test('a partner page on another origin embeds the widget: embed.js loads, the iframe is allowed and works', async ({ page }) => {
  // The partner's page, served on another port: another origin, as a partner's site is. (On
  // loopback: Chromium lets a page reach loopback addresses only from loopback itself.)
  const widget = new URL('./embed.js', baseURL).href;
  const partnerServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="fr"><head><title>Partenaire</title></head><body><h1>Partenaire</h1>
      <script src="${widget}" data-lang="fr" data-region="oriental" async></script></body></html>`);
  });
  await new Promise<void>((resolve) => partnerServer.listen(0, '127.0.0.1', resolve));
  const partner = `http://127.0.0.1:${(partnerServer.address() as AddressInfo).port}/`;
  try {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    const violations = await watchCsp(page);
    await page.goto(partner);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('start')).toBeVisible();
    await frame.getByTestId('start').click();
    await expect(frame.locator('section.question')).toHaveAttribute('data-question', 'province');
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    partnerServer.close();
  }
});
