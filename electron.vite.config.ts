// Build of the three Electron bundles: main (ESM, native and npm dependencies left external), the sandboxed
// preload (CommonJS, everything inlined — a sandboxed preload cannot require npm packages) and the renderer.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = dirname(fileURLToPath(import.meta.url));
/** Where the bundles go; TADQIQ_OUT_DIR lets separate builds (e.g. parallel e2e runs) live side by side. */
const out = resolve(root, process.env.TADQIQ_OUT_DIR ?? 'out');

export default defineConfig({
  main: {
    build: {
      outDir: resolve(out, 'main'),
      // The spelling worker runs Hunspell off the main process's thread; it is loaded from beside index.js.
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          spellingWorker: resolve(root, 'src/node/spelling/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(out, 'preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    build: {
      outDir: resolve(out, 'renderer'),
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
