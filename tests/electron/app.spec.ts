// The real Electron app: window creation with the hardened preferences, the real preload's bridge, and a
// save round trip through IPC into SQLite. Run by tests/electron/run.mjs where an Electron binary exists.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, _electron as electron, type ElectronApplication } from '@playwright/test';

const root = join(__dirname, '../..');
let app: ElectronApplication;
let dir: string;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tadqiq-electron-'));
  app = await electron.launch({
    args: [root],
    env: { ...process.env, TADQIQ_DB: join(dir, 'tadqiq.db') } as Record<string, string>,
  });
});
test.afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('opens one right-to-left window whose page reaches no Node or Electron API', async () => {
  const win = await app.firstWindow();
  await expect(win.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  // nodeIntegration off, sandbox and context isolation on: the page sees neither require, process nor
  // the preload's ipcRenderer.
  const reach = await win.evaluate(() => {
    const g = globalThis as Record<string, unknown>;
    return [typeof g.require, typeof g.process, typeof g.ipcRenderer, typeof g.module];
  });
  expect(reach).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
  // Navigation away from the app is refused.
  await win.evaluate(() => {
    window.location.href = 'https://example.org/';
  });
  await win.waitForTimeout(500);
  expect(new URL(win.url()).protocol).not.toBe('https:');
});

test('the preload exposes only the contract and rejects malformed arguments', async () => {
  const win = await app.firstWindow();
  const keys = await win.evaluate(() => Object.keys((window as unknown as { tadqiq: object }).tadqiq).sort());
  expect(keys).toEqual(['invoke', 'on']);
  const bad = await win.evaluate(() =>
    (window as unknown as { tadqiq: { invoke: (c: string, a: unknown) => Promise<unknown> } }).tadqiq.invoke(
      'article:open',
      { id: 42 },
    ),
  );
  expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
});

test('a pasted article is saved and read back through IPC', async () => {
  const win = await app.firstWindow();
  const result = await win.evaluate(async () => {
    // Raw IPC results: the shapes are asserted by the services' own tests.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const t = (window as unknown as { tadqiq: { invoke: (c: string, a: unknown) => Promise<any> } }).tadqiq;
    const imported = await t.invoke('library:importText', { text: 'عنوان تجريبي\n\nفقرة أولى في المقال.' });
    const id = imported.value.id as string;
    const opened = await t.invoke('article:open', { id });
    const content = { ...opened.value.article, body: [{ type: 'paragraph', text: 'فقرة معدلة.' }] };
    delete content.id;
    delete content.status;
    delete content.suggestedTags;
    delete content.warnings;
    const saved = await t.invoke('article:save', { id, content, reason: 'manual', note: null });
    const revisions = await t.invoke('revisions:list', { id });
    return { saved: saved.value.saved, count: revisions.value.length };
  });
  expect(result).toEqual({ saved: true, count: 2 });
});
