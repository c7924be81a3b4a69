// End-to-end tests in Debian's headless Chromium (no browser download), against the release
// build in dist/ served on 127.0.0.1 by tests/e2e/serve.mjs. Started by `cargo xtask test`.
// Generous timeouts and two workers: CI machines here have two cores, and the wasm build is
// parsed and compiled on each page load.
// BOUSLA_PRODUCTION=1 (with BOUSLA_BASE_URL, set by `cargo xtask test` for its nginx run) runs
// only tests/e2e/production.spec.ts, which checks nginx's headers; other runs leave it out.
import { defineConfig } from '@playwright/test';
import { baseURL, port } from './tests/e2e/fixtures';

const production = !!process.env.BOUSLA_PRODUCTION;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: production ? 'production.spec.ts' : '*.spec.ts',
  testIgnore: production ? undefined : 'production.spec.ts',
  outputDir: production ? 'test-results/artifacts-production' : 'test-results/artifacts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: process.env.BOUSLA_E2E_REPORT || 'test-results/e2e.json' }]],
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
