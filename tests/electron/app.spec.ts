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

test('opens one window with the hardened web preferences', async () => {
  const win = await app.firstWindow();
  await expect(win.locator('html')).toHaveAttribute('dir', 'rtl');
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const p = BrowserWindow.getAllWindows()[0]!.webContents.getLastWebPreferences();
    return {
      contextIsolation: p?.contextIsolation,
      sandbox: p?.sandbox,
      nodeIntegration: p?.nodeIntegration,
    };
  });
  expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
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
