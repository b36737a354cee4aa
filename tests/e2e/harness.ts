// The e2e fixture: serves out/renderer over HTTP (module scripts do not run from file://), opens a fresh
// SQLite database with the real services, and injects window.tadqiq exactly as the preload does, backed by
// the same dispatch Electron main uses. The renderer cannot tell it is not inside Electron.
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { tsImport } from 'tsx/esm/api';
import type { Dispatch } from '../../src/core/ipc/dispatch';
import type * as BackendModule from './backend';

type Backend = typeof BackendModule;
/** Playwright's own TypeScript loader cannot import JSON modules without import attributes; tsx can. */
const backend = (await tsImport('./backend.ts', import.meta.url)) as Backend;

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEED_PATH = path.resolve(repoRoot, '../shared/seed/000_a8186a127eafc528.txt');
// TADQIQ_OUT_DIR lets two builds (e.g. two working copies' test runs) live side by side.
const RENDERER_DIR = path.resolve(repoRoot, process.env.TADQIQ_OUT_DIR ?? 'out', 'renderer');
export const SCREENS_DIR = path.resolve(repoRoot, 'test-results/screens');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

function startServer(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      `${RENDERER_DIR}/index.html is missing: run "npx electron-vite build" first (npm run test:e2e does).`,
    );
  }
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.resolve(RENDERER_DIR, '.' + (urlPath === '/' ? '/index.html' : urlPath));
    if (!file.startsWith(RENDERER_DIR + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

export type AppFixture = {
  page: Page;
  /** The same entry point the page calls: lets a test prepare or inspect the store directly. */
  invoke: Dispatch;
  /** Loads the app (again); the database persists across reloads within one test. */
  open: () => Promise<void>;
  /** Problems the page reported (uncaught errors, console errors, CSP violations). */
  problems: string[];
  /** Makes every 'article:save' fail as a full disk would, until called with false. */
  failSaves: (on: boolean) => void;
};

const HARNESS_SCRIPT_BLOCKED_IN_SANDBOX =
  /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed and the 'allow-scripts' permission is not set\.$/;

type WorkerFixtures = { server: { url: string } };

export const test = base.extend<{ app: AppFixture }, WorkerFixtures>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const s = await startServer();
      await use(s);
      await s.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, server }, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tadqiq-e2e-'));
    const db = backend.openDatabase(path.join(dir, 'tadqiq.db'));
    const internal: string[] = [];
    const dispatch = backend.createDispatch(backend.createServices(db), (channel, e) => {
      internal.push(`${channel}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    });
    const problems: string[] = [];
    let savesFail = false;
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // The harness's own init script (below) is injected into every frame, also the report's script-less
      // srcdoc frame, where Chromium refuses it and says so. That refusal is the sandbox working, not a page
      // problem; any other blocked script (another frame, another reason) still counts.
      if (m.type() === 'error' && !HARNESS_SCRIPT_BLOCKED_IN_SANDBOX.test(m.text()))
        problems.push(`console: ${m.text()}`);
    });
    await page.exposeFunction('__tadqiqInvoke', async (channel: unknown, arg: unknown) => {
      const r =
        savesFail && channel === 'article:save'
          ? { ok: false, error: { code: 'database', message: 'database or disk is full' } }
          : await dispatch(channel, arg);
      if (process.env.TADQIQ_E2E_TRACE)
        console.log(channel, JSON.stringify(arg).slice(0, 200), JSON.stringify(r).slice(0, 300));
      return r;
    });
    await page.addInitScript(() => {
      const w = window as unknown as {
        tadqiq: unknown;
        __tadqiqInvoke: (c: unknown, a: unknown) => Promise<unknown>;
      };
      w.tadqiq = { invoke: (c: unknown, a: unknown) => w.__tadqiqInvoke(c, a), on: () => () => {} };
    });
    await use({
      page,
      invoke: dispatch,
      problems,
      failSaves: (on) => {
        savesFail = on;
      },
      open: async () => {
        await page.goto(server.url);
      },
    });
    db.close();
    rmSync(dir, { recursive: true, force: true });
    expect(internal, 'unexpected errors inside the services').toEqual([]);
  },
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  // Webfonts load when text first needs them; a screenshot before that shows a fallback face.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`) });
}

export function seedPath(): string {
  if (!existsSync(SEED_PATH)) {
    throw new Error(
      `The seed article is missing: expected ${SEED_PATH} (shared/ must sit beside the repository).`,
    );
  }
  return SEED_PATH;
}

/** Imports the seed through the library's file input and waits for it to open in the editor. */
export async function importSeed(page: Page): Promise<Locator> {
  await page.getByTestId('import-input').setInputFiles(seedPath());
  const editor = page.getByTestId('editor');
  await expect(editor).toBeVisible();
  return editor;
}

/**
 * Selects `text` inside `block` as a mouse selection would, with the editor focused; with `after`, the
 * occurrence that follows those characters. The block's text may be split over several DOM text nodes
 * (decorations wrap findings and quotes in their own elements), so offsets are found in the block's whole
 * text and mapped back to nodes.
 */
export async function selectText(block: Locator, text: string, opts: { after?: string } = {}): Promise<void> {
  await block.click();
  // The editor may redraw the block meanwhile (a spelling answer arriving, the checker's pause pass) before it
  // has read the new selection, and put its own caret back: select again until the selection holds.
  await expect
    .poll(async () => {
      await selectOnce(block, text, opts.after ?? '');
      await block.page().waitForTimeout(50);
      return block.page().evaluate(() => window.getSelection()?.toString() ?? '');
    })
    .toBe(text);
}

async function selectOnce(block: Locator, text: string, after: string): Promise<void> {
  await block.evaluate(
    (el, [before, wanted]) => {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const all = nodes.map((n) => n.data).join('');
      const found = all.indexOf(before + wanted);
      if (found < 0) throw new Error(`"${before}${wanted}" not found`);
      const point = (offset: number): [Text, number] => {
        let rest = offset;
        for (const n of nodes) {
          if (rest <= n.data.length) return [n, rest];
          rest -= n.data.length;
        }
        throw new Error('offset out of range');
      };
      const start = found + before.length;
      const range = document.createRange();
      range.setStart(...point(start));
      range.setEnd(...point(start + wanted.length));
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    },
    [after, text] as const,
  );
}
