// The hardening suite (npm run test:hardening): crash loop, IPC fuzzing, hostile files, corrupt databases,
// concurrency, Electron static checks and packaging config. Kept out of the unit run: its full counts take long.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
    include: ['tests/hardening/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: the crash loop spawns processes of its own; one file at a time keeps the kills honest.
    fileParallelism: false,
  },
});
