// Keystroke-to-paint latency of the article editor on a 10,000-word article, beside a bare TipTap StarterKit
// editor holding the same text, in one headless Chromium. Characters are typed with DevTools Protocol key
// events (keyDown with text, then keyUp): Playwright's keyboard.type sends Arabic without keydown. Headless
// frame timing puts a floor of about 16–19 ms under both, so the ratio is the figure that matters.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { build } from 'vite';
import { plain, vs, type BenchContext, type BenchModule, type Result } from '../benchmark';
import { longArticle } from '../support/corpus';
import { percentile } from '../support/stats';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Without the networking flags Chromium keeps trying to reach Google services on a closed network.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const EDITORS = ['starterkit', 'article-nochecker', 'article'] as const;
type EditorKind = (typeof EDITORS)[number];
const WARMUP = 20;
const ROUNDS = 4;
const PER_ROUND = 50;
/** Typed in a loop: a real phrase with its spaces, so words are started and finished as an author would. */
const PHRASE = 'وأكد المتحدث الرسمي أن الاجتماع ناقش أسعار النفط ';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

async function buildPage(ctx: BenchContext): Promise<string> {
  const outDir = path.join(ctx.tmpDir, 'keystroke-page');
  ctx.log('building the bench page with Vite …');
  await build({ configFile: path.join(HERE, 'vite.config.ts'), build: { outDir } });
  if (!existsSync(path.join(outDir, 'index.html'))) throw new Error(`The Vite build wrote no index.html.`);
  return outDir;
}

/** Serves the built page and the article as /content.json on 127.0.0.1. */
function serve(dir: string, contentJson: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (urlPath === '/content.json') {
      res.writeHead(200, { 'content-type': MIME['.json']!, 'cache-control': 'no-store' }).end(contentJson);
      return;
    }
    const file = path.resolve(dir, '.' + (urlPath === '/' ? '/index.html' : urlPath));
    if (!file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      // Cross-origin isolation: performance.now() then ticks in microseconds instead of 100 µs steps.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

type Tab = { kind: EditorKind; page: Page; cdp: CDPSession; typed: number; sizeAtStart: number };

async function openTab(browser: Browser, url: string, kind: EditorKind): Promise<Tab> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ar' });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${url}?editor=${kind}`);
  await page.waitForFunction(() => window.bench !== undefined, null, { timeout: 60_000 });
  const error = await page.evaluate(() => window.bench!.error);
  if (error || problems.length) throw new Error(`The ${kind} page failed: ${error ?? problems.join('; ')}`);
  const cdp = await page.context().newCDPSession(page);
  const sizeAtStart = await page.evaluate(() => window.bench!.docSize());
  return { kind, page, cdp, typed: 0, sizeAtStart };
}

/** Types `count` characters of the phrase, one at a time, each measured before the next is sent. */
async function type(tab: Tab, count: number): Promise<void> {
  await tab.page.bringToFront();
  const chars = [...PHRASE];
  for (let i = 0; i < count; i++) {
    const ch = chars[tab.typed % chars.length]!;
    const key = { key: ch, code: ch === ' ' ? 'Space' : '' };
    await tab.cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: ch, unmodifiedText: ch, ...key });
    await tab.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
    tab.typed++;
    await tab.page.evaluate((n) => window.bench!.waitForSamples(n), tab.typed);
  }
}

export const keystrokeLatency: BenchModule = {
  name: 'keystroke',
  async run(ctx) {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH.`);
    }
    const article = await longArticle(ctx);
    const outDir = await buildPage(ctx);
    const server = await serve(outDir, JSON.stringify(article));
    ctx.defer(server.close);
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    ctx.defer(() => browser.close());

    const tabs = {} as Record<EditorKind, Tab>;
    for (const kind of EDITORS) tabs[kind] = await openTab(browser, server.url, kind);
    for (const kind of EDITORS) await type(tabs[kind], WARMUP);
    ctx.log(`${ROUNDS * PER_ROUND} keystrokes per editor, in alternating rounds …`);
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which editor goes first, so none always follows another's garbage.
      const order = round % 2 === 0 ? EDITORS : [...EDITORS].reverse();
      for (const kind of order) await type(tabs[kind], PER_ROUND);
    }

    const paint: Record<EditorKind, number[]> = { starterkit: [], 'article-nochecker': [], article: [] };
    const update: Record<EditorKind, number[]> = { starterkit: [], 'article-nochecker': [], article: [] };
    for (const kind of EDITORS) {
      const tab = tabs[kind];
      const state = await tab.page.evaluate(() => ({
        samples: window.bench!.samples,
        unchanged: window.bench!.unchanged,
        work: window.bench!.work,
        workUnchanged: window.bench!.workUnchanged,
        size: window.bench!.docSize(),
        caretBlock: window.bench!.caretBlockText(),
      }));
      // Every character must have reached the document, and before the frame that was timed.
      if (state.size - tab.sizeAtStart !== tab.typed) {
        throw new Error(
          `${kind}: typed ${tab.typed} characters, the document grew by ${state.size - tab.sizeAtStart}.`,
        );
      }
      if (!state.caretBlock.includes(PHRASE.trim())) {
        throw new Error(`${kind}: the typed phrase is not in the paragraph holding the caret.`);
      }
      if (state.unchanged > 0 || state.workUnchanged > 0) {
        throw new Error(`${kind}: ${state.unchanged + state.workUnchanged} timings ended before the edit.`);
      }
      if (state.samples.length !== tab.typed || state.work.length !== tab.typed) {
        throw new Error(
          `${kind}: ${state.samples.length} and ${state.work.length} samples for ${tab.typed} keys.`,
        );
      }
      paint[kind] = state.samples.slice(WARMUP);
      update[kind] = state.work.slice(WARMUP);
    }

    const results: Result[] = [plain('keystroke.keystrokes', paint.article.length, 'keystrokes')];
    // paint: keydown to the first task after the next frame (what the author waits for, frame clock, style and
    // layout included); update: beforeinput to the end of the input event, once the editor has applied the
    // change (the editor's own work, below the frame floor).
    for (const [what, samples] of [
      ['paint', paint],
      ['update', update],
    ] as const) {
      for (const p of [50, 95]) {
        const base = `keystroke.${what}.starterKit.p${p}`;
        results.push(
          plain(base, percentile(samples.starterkit, p), 'ms'),
          vs(`keystroke.${what}.articleEditor.p${p}`, percentile(samples.article, p), 'ms', base),
          // The checker's own cost: the article editor with it on, beside the same editor with it off.
          vs(
            `keystroke.${what}.checkerOn.p${p}`,
            percentile(samples.article, p),
            'ms',
            `keystroke.${what}.checkerOff.p${p}`,
          ),
          plain(`keystroke.${what}.checkerOff.p${p}`, percentile(samples['article-nochecker'], p), 'ms'),
        );
      }
    }
    return results;
  },
};
