// End-to-end tests in Debian's headless Chromium (no browser download), against the release
// build in dist/ served on 127.0.0.1 by tests/e2e/serve.mjs. Started by `cargo xtask test`.
// Generous timeouts and two workers: CI machines here have two cores, and the wasm build is
// parsed and compiled on each page load.
import { defineConfig } from '@playwright/test';
import { baseURL, port } from './tests/e2e/fixtures';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    serviceWorkers: 'allow',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--no-first-run', '--disable-sync', '--disable-quic',
      ],
    },
  },
  webServer: process.env.BOUSLA_BASE_URL ? undefined : {
    command: `node tests/e2e/serve.mjs ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
