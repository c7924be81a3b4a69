// The embed's rough edges, on a partner page of another origin (as a partner's site is): the
// clipboard inside the iframe ("Copied" only when it was, else the link selected), an iframe
// that follows its content down as well as up (and reaches the tallest results page), and
// embed.js's strict checks of the height messages.
import { test, expect, type Page, type Frame } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { baseURL } from './fixtures';
import { shareFragment } from './helpers';

let partner: Server;
let partnerURL = '';

test.beforeAll(async () => {
  const widget = new URL('./embed.js', baseURL).href;
  partner = createServer((req, res) => {
    const lang = new URL(req.url ?? '/', 'http://x').searchParams.get('lang') ?? 'fr';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="${lang}"><head><meta name="viewport" content="width=device-width, initial-scale=1"><title>Partner</title></head>
      <body style="margin:0"><h1>Partner</h1><script src="${widget}" data-lang="${lang}" async></script><p id="after">after</p></body></html>`);
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  partnerURL = `http://127.0.0.1:${(partner.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  partner.close();
});

/** The widget's frame, once its app is up. */
async function widget(page: Page): Promise<Frame> {
  await expect(page.frameLocator('iframe').locator('#bousla')).toBeVisible();
  const frame = page.frames().find((f) => f.url().includes('embed=1'));
  expect(frame, 'the widget frame').toBeTruthy();
  return frame!;
}

/** Opens a share link inside the widget's frame (a new load of the frame). */
async function openInFrame(page: Page, frame: Frame, fragment: string) {
  const url = frame.url().split('#')[0] + fragment;
  // Through a blank page, and only once it has loaded: a new src that differs from the frame's
  // current address only by its fragment would be a same-document jump, not a new load.
  await page.evaluate(async (u) => {
    const f = document.querySelector('iframe')!;
    await new Promise<void>((resolve) => {
      f.addEventListener('load', () => resolve(), { once: true });
      f.src = 'about:blank';
    });
    f.src = u;
  }, url);
  // Generous: the frame loads the wasm again, on a machine that may run another test beside.
  await expect(page.frameLocator('iframe').locator('section.results')).toBeVisible({ timeout: 30_000 });
  return widget(page);
}

const frameHeight = (page: Page) => page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);

test('the iframe may use the clipboard and the share sheet; "Copied" shows once the link is copied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(partnerURL);
  await expect(page.locator('iframe')).toHaveAttribute('allow', 'clipboard-write; web-share');
  let frame = await widget(page);
  frame = await openInFrame(page, frame, shareFragment('r-oriental.s-idea.n-coaching'));
  const copy = frame.getByTestId('copy-link');
  await copy.click();
  await expect(copy).toHaveText('Copié');
  await expect(frame.getByTestId('copy-by-hand')).toHaveCount(0);
  const link = await frame.getByTestId('share-link').inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
});

test('where the clipboard is refused, the button does not say "Copied": the link is selected to copy by hand', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(partnerURL);
  let frame = await widget(page);
  // A partner page that framed the widget without embed.js's `allow`.
  await page.locator('iframe').evaluate((f) => f.removeAttribute('allow'));
  frame = await openInFrame(page, frame, shareFragment('r-oriental.s-idea.n-coaching'));
  const copy = frame.getByTestId('copy-link');
  await copy.click();
  await expect(frame.getByTestId('copy-by-hand')).toBeVisible();
  await expect(copy).not.toHaveText('Copié');
  const selection = await frame.evaluate(() => {
    const el = document.getElementById('share-link-field') as HTMLInputElement;
    return { start: el.selectionStart, end: el.selectionEnd, length: el.value.length, focused: document.activeElement === el };
  });
  expect(selection).toEqual({ start: 0, end: selection.length, length: selection.length, focused: true });
  expect(selection.length).toBeGreaterThan(20);
});

test('the iframe follows its content down as well as up, and holds the tallest results page', async ({ page }) => {
  test.setTimeout(120_000);
  const measured: Record<string, number> = {};
  for (const [lang, width] of [['ar', 320], ['fr', 360]] as const) {
    await page.setViewportSize({ width, height: 740 });
    await page.goto(`${partnerURL}?lang=${lang}`);
    let frame = await widget(page);
    await expect.poll(() => frameHeight(page)).toBeLessThan(2000);
    const welcome = await frameHeight(page);
    // A holder who answered nothing: every program is shown, to check.
    frame = await openInFrame(page, frame, shareFragment(''));
    await expect(frame.locator('section.results')).toHaveAttribute('data-drawn', 'true');
    for (let i = 0; i < 10; i++) {
      const more = frame.locator('section.results button.more-cards');
      if ((await more.count()) === 0) break;
      await more.first().click();
    }
    await frame.locator('.bousla details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    // The iframe is as tall as its content: nothing scrolls inside it.
    // The content's height: the <html> element's box (the body with its margins).
    const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
    // (The widget reports whole pixels.)
    await expect.poll(async () => Math.abs((await frameHeight(page)) - content), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    expect(await frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1)).toBe(true);
    measured[`${lang}-${width}`] = Math.ceil(content);
    // Start over: back to the welcome screen, and the iframe shrinks with it.
    await frame.getByTestId('start-over').click();
    await frame.getByTestId('confirm-start-over').click();
    await expect(frame.getByTestId('start')).toBeVisible();
    await expect.poll(() => frameHeight(page), { timeout: 10_000 }).toBeLessThan(welcome + 200);
  }
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/embed-heights.json', JSON.stringify(measured, null, 2) + '\n');
  // embed.js accepts at most MAX_HEIGHT: keep it well above the tallest page measured.
  const max = Number(readFileSync('static/embed.js', 'utf8').match(/MAX_HEIGHT = (\d+)/)![1]);
  for (const h of Object.values(measured)) expect(h * 4).toBeLessThanOrEqual(max);
});

test('embed.js takes only whole pixel counts in bounds, sent as numbers by the widget itself', async ({ page }) => {
  await page.goto(partnerURL);
  const frame = await widget(page);
  await expect.poll(() => frameHeight(page)).toBeLessThan(2000);
  const before = await frameHeight(page);
  // From the widget's own window, but not a sane height: all ignored.
  await frame.evaluate(() => {
    for (const height of ['5000', 5000.5, NaN, Infinity, -5000, 50, 1e9, null, [5000], { height: 5000 }, true, '4e3']) {
      parent.postMessage({ type: 'bousla:height', height }, '*');
    }
    parent.postMessage({ type: 'other', height: 5000 }, '*');
    parent.postMessage('bousla:height', '*');
  });
  await page.waitForTimeout(300);
  expect(await frameHeight(page)).toBe(before);
  // A whole number in bounds is taken.
  await frame.evaluate(() => parent.postMessage({ type: 'bousla:height', height: 4321 }, '*'));
  await expect.poll(() => frameHeight(page)).toBe(4321);
});
