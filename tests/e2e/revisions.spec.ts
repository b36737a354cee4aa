// Revisions in real Chromium: an edit saved with Ctrl+S and a note, the history panel, a read-only view of
// an old revision, restore, autosave of the latest edit; and the interface switched to English and back.
import { expect, importSeed, screenshot, selectText, test } from './harness';

test('edit, save with a note, find it in the history, view and restore the previous revision', async ({
  app,
}) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'ليلى' });
  // Time is held still while editing so that the idle autosave cannot run before Ctrl+S does.
  await page.clock.install();
  await app.open();
  await importSeed(page);
  const editor = page.getByTestId('editor');
  const subheading = editor.locator('h2.article-subheading');
  await expect(subheading).toHaveText('اجتماع مرتقب');

  await page.clock.pauseAt(Date.now() + 60_000);
  await selectText(subheading, 'مرتقب');
  await page.keyboard.type('منتظر');
  await expect(subheading).toHaveText('اجتماع منتظر');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'dirty');

  await page.keyboard.press('Control+s');
  const dialog = page.getByTestId('save-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('save-note').fill('تعديل العنوان الفرعي');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByText('حُفظت النسخة 2')).toBeVisible();
  await page.clock.resume();

  await page.getByTestId('toggle-history').click();
  const history = page.getByTestId('history');
  const revisions = history.getByTestId('revision');
  await expect(revisions).toHaveCount(2);
  const newest = revisions.first();
  await expect(newest).toHaveAttribute('data-seq', '2');
  await expect(newest.getByTestId('revision-reason')).toHaveText('حفظ يدوي');
  await expect(newest.getByTestId('revision-note')).toHaveText('تعديل العنوان الفرعي');
  await expect(newest).toContainText('ليلى');
  await expect(revisions.nth(1).getByTestId('revision-reason')).toHaveText('استيراد');
  await screenshot(page, 'history-panel');

  // Open the imported revision read-only: the old word, and no way to type into it.
  await revisions.nth(1).getByRole('button', { name: 'عرض' }).click();
  const view = page.getByTestId('revision-view');
  await expect(view.locator('h2.article-subheading')).toHaveText('اجتماع مرتقب');
  await expect(view).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByTestId('readonly-banner')).toContainText('النسخة 1');
  await screenshot(page, 'revision-readonly');
  await page.getByRole('button', { name: 'العودة إلى النسخة الحالية' }).click();
  await expect(subheading).toHaveText('اجتماع منتظر');

  // Restore the import: a new revision (3) with the old text, and the editor reloaded with it.
  await revisions.nth(1).getByRole('button', { name: 'استعادة' }).click();
  await expect(page.getByTestId('editor').locator('h2.article-subheading')).toHaveText('اجتماع مرتقب');
  await expect(revisions).toHaveCount(3);
  await expect(revisions.first().getByTestId('revision-reason')).toHaveText('استعادة');

  // The latest edit is saved on its own after an idle pause (autosave), with nothing pressed.
  const firstParagraph = page.getByTestId('editor').locator('p').first();
  await selectText(firstParagraph, 'أعلن');
  await page.keyboard.type('صرّح');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(revisions).toHaveCount(4);
  await expect(revisions.first().getByTestId('revision-reason')).toHaveText('حفظ تلقائي');
  const list = (await app.invoke('revisions:get', { id: await articleId(app.invoke), seq: 4 })) as {
    ok: true;
    value: { content: { body: { text: string }[] } };
  };
  expect(list.value.content.body[0]!.text.startsWith('صرّح وزير الخارجية الروسي')).toBe(true);
  expect(app.problems).toEqual([]);
});

async function articleId(invoke: (c: unknown, a: unknown) => Promise<unknown>): Promise<string> {
  const r = (await invoke('library:list', { trash: false })) as { ok: true; value: { id: string }[] };
  return r.value[0]!.id;
}

test('the interface switches to English and back, and remembers the choice', async ({ app }) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'Omar' });
  await app.open();
  await importSeed(page);
  await page.getByTestId('nav-library').click();
  await expect(page.getByTestId('article-row')).toContainText('مسودة');

  await page.getByTestId('language').click();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('dir', 'ltr');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('nav-library')).toHaveText('Library');
  await expect(page.getByTestId('article-row')).toContainText('Draft');
  // The article's headline stays Arabic and right-to-left inside the English interface.
  await expect(page.getByTestId('article-row').locator('td[dir="rtl"]')).toContainText('لافروف');
  await screenshot(page, 'library-english');

  await page.getByTestId('article-row').getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('editor')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('word-count')).toContainText('words');
  await screenshot(page, 'editor-english');

  await page.reload();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('nav-trash')).toHaveText('Trash');

  await page.getByTestId('language').click();
  await expect(html).toHaveAttribute('dir', 'rtl');
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(page.getByTestId('nav-library')).toHaveText('المكتبة');
  const settings = (await app.invoke('settings:get', {})) as { ok: true; value: { language: string } };
  expect(settings.value.language).toBe('ar');
  expect(app.problems).toEqual([]);
});

test('a failed save is shown, the text stays, and leaving the page flushes the latest edit', async ({
  app,
}) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'Omar' });
  await page.clock.install();
  await app.open();
  await importSeed(page);
  const id = await articleId(app.invoke);
  const subheading = page.getByTestId('editor').locator('h2.article-subheading');
  const state = page.getByTestId('save-state');

  app.failSaves(true);
  await selectText(subheading, 'مرتقب');
  await page.keyboard.type('قريب');
  await page.keyboard.press('Control+s');
  await page.getByTestId('save-confirm').click();
  await expect(state).toHaveAttribute('data-state', 'error');
  await expect(state).toContainText('database or disk is full');
  await expect(page.getByTestId('notice-error')).toContainText('تعذّر الحفظ');
  await expect(subheading).toHaveText('اجتماع قريب');
  // Leaving the editor would lose the text: it stays open and says why.
  await page.getByRole('button', { name: 'العودة إلى المكتبة' }).click();
  await expect(page.getByText('فبقي المقال مفتوحاً')).toBeVisible();
  await expect(subheading).toHaveText('اجتماع قريب');
  await subheading.click();
  await page.keyboard.press('End');

  // With time held still the idle autosave cannot run: only the page-hide flush can store the edit.
  app.failSaves(false);
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.keyboard.type(' جداً');
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await expect(state).toHaveAttribute('data-state', 'saved');
  const latest = (await app.invoke('revisions:list', { id })) as {
    ok: true;
    value: { seq: number; reason: string }[];
  };
  const newest = latest.value.reduce((a, b) => (a.seq > b.seq ? a : b));
  expect(newest.reason).toBe('autosave');
  const rev = (await app.invoke('revisions:get', { id, seq: newest.seq })) as {
    ok: true;
    value: { content: { body: { type: string; text: string }[] } };
  };
  expect(rev.value.content.body.find((b) => b.type === 'subheading')!.text).toBe('اجتماع قريب جداً');
  await page.clock.resume();
});
