// Chromium end-to-end suite: the built renderer served on 127.0.0.1 with the real services behind the same
// bridge the preload exposes. Runs after `electron-vite build` (npm run test:e2e).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts/,
  workers: 1,
  // On CI a spec that fails once is run again and reported as flaky in the summary, so a timing hiccup of a
  // shared build machine is seen without failing the build; a spec that fails twice fails it.
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  outputDir: process.env.TADQIQ_TEST_RESULTS ?? '../../test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download is not available on the build machines.
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      // Without the networking flags Chromium keeps trying to reach Google services on a closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1360, height: 860 },
    locale: 'ar',
    trace: 'retain-on-failure',
  },
});
