// What the measuring scripts (lighthouse.mjs, first-question.mjs, blocking.mjs) share: how
// Chromium is started, the pages they measure, the median they report.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';

// Debian's Chromium as root, with nothing of its own on the network.
export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--disable-quic',
];

export const launchChromium = () =>
  chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: chromiumArgs });

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// The welcome, and the results of the share link a holder got at the end of the questionnaire
// (tests/e2e/production.spec.ts writes it after answering in Chromium against the same server).
// `script` names the caller in the message when the link is missing; the process then ends.
export function measuredPages(base, script) {
  const linkFile = 'test-results/share-link.txt';
  if (!existsSync(linkFile)) {
    console.error(`${script}: ${linkFile} is missing (the production spec writes it)`);
    process.exit(1);
  }
  const link = new URL(readFileSync(linkFile, 'utf8').trim());
  return {
    welcome: new URL('./', base).href,
    results: new URL(`./${link.search}${link.hash}`, base).href,
  };
}
