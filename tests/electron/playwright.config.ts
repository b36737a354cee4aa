import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts/,
  workers: 1,
  reporter: 'list',
  outputDir: '../../test-results/electron',
  timeout: 60_000,
});
