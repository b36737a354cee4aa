// Build of the keystroke bench page: one HTML page that mounts either the article editor or a bare StarterKit
// editor. The runner builds it into a temporary directory (outDir is passed in) and serves it on 127.0.0.1.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: dirname(fileURLToPath(import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    emptyOutDir: true,
    // Readable stack traces if the page throws; size does not matter here.
    minify: false,
    sourcemap: true,
  },
});
