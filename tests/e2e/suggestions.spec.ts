// Suggestion mode in real Chromium against the real services: a word of the seed replaced with the mode on
// shows the old word struck and the new one underlined, survives saving and a reload, and accepting it leaves
// clean text; another edit rejected brings the original back.
import type { Page } from '@playwright/test';
import type { Dispatch } from '../../src/core/ipc/dispatch';
import { expect, screenshot, seedPath, selectText, test } from './harness';

async function dismissNotices(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'إخفاء' });
  while ((await close.count()) > 0)
    await close
      .first()
      .click({ timeout: 2000 })
      .catch(() => {});
}

type StoredBlock = {
  text: string;
  marks?: { type: string; from: number; to: number; attrs?: Record<string, unknown> }[];
};

/** The body of the only article as the services store it. */
async function storedBody(invoke: Dispatch): Promise<StoredBlock[]> {
  const list = (await invoke('library:list', { trash: false })) as { ok: true; value: { id: string }[] };
  const open = (await invoke('article:open', { id: list.value[0]!.id })) as {
    ok: true;
    value: { article: { body: StoredBlock[] } };
  };
  return open.value.article.body;
}

async function save(page: Page): Promise<void> {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-dialog')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

test('replace a word as a suggestion, save, reload, accept; reject another edit; a tracked headline edit', async ({
  app,
}) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'ليلى' });
  await app.open();
  await page.getByTestId('import-input').setInputFiles(seedPath());
  const editor = page.getByTestId('editor');
  await expect(editor).toBeVisible();
  await dismissNotices(page);

  const toggle = page.getByTestId('toggle-suggest');
  await expect(toggle).toHaveText('وضع الاقتراح');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // أن → إنّ after قال: the old word stays, struck; the new one follows it, underlined.
  const paragraph = editor.locator('p', { hasText: 'مينسك، أن' });
  await selectText(paragraph, 'أن', { after: 'مينسك، ' });
  await page.keyboard.type('إنّ');
  await expect(paragraph.locator('del.sugg-del')).toHaveText('أن');
  await expect(paragraph.locator('ins.sugg-ins')).toHaveText('إنّ');
  await expect(paragraph).toContainText('مينسك، أنإنّ "التوقيع');
  const style = await paragraph.locator('del.sugg-del').evaluate((el) => {
    const s = getComputedStyle(el);
    return {
      line: s.textDecorationLine,
      font: s.fontFamily,
      parentFont: getComputedStyle(el.parentElement!).fontFamily,
    };
  });
  expect(style.line).toContain('line-through');
  expect(style.font).toBe(style.parentFont);

  await page.getByTestId('toggle-suggestions').click();
  const panel = page.getByTestId('suggestions-panel');
  await expect(panel.getByTestId('suggestion-item')).toHaveCount(2);
  await expect(panel.getByTestId('suggestion-item').first()).toContainText('حذف');
  await expect(panel.getByTestId('suggestion-item').first()).toContainText('ليلى');
  await expect(panel.getByTestId('suggestion-text')).toHaveText(['أن', 'إنّ']);
  await paragraph.locator('del.sugg-del').scrollIntoViewIfNeeded();
  await screenshot(page, 'suggestions-replace');

  await save(page);
  // Stored with the revision as spans of the block, credited to the author.
  const body = await storedBody(app.invoke);
  const block = body.find((b) => b.text.includes('مينسك، أنإنّ'))!;
  expect(block.marks?.map((m) => [m.type, block.text.slice(m.from, m.to), m.attrs?.author])).toEqual([
    ['deletion', 'أن', 'ليلى'],
    ['insertion', 'إنّ', 'ليلى'],
  ]);
  await page.reload();
  await page.getByTestId('article-row').getByRole('button', { name: 'فتح' }).click();
  const reopened = page.getByTestId('editor');
  const again = reopened.locator('p', { hasText: 'الأوراسي في مينسك' });
  await expect(again.locator('del.sugg-del')).toHaveText('أن');
  await expect(again.locator('ins.sugg-ins')).toHaveText('إنّ');
  await expect(again.locator('del.sugg-del')).toHaveAttribute('data-author', 'ليلى');

  // Accept both halves of the replacement: clean text, no marks.
  await page.getByTestId('toggle-suggestions').click();
  const reopenedPanel = page.getByTestId('suggestions-panel');
  await expect(reopenedPanel.getByTestId('suggestion-item')).toHaveCount(2);
  await reopenedPanel.getByTestId('suggestions-accept-all').click();
  await expect(again).toContainText('مينسك، إنّ "التوقيع');
  await expect(reopened.locator('del.sugg-del, ins.sugg-ins')).toHaveCount(0);
  await expect(reopenedPanel).toContainText('لا اقتراحات');

  // Another edit, a deleted word, rejected: the original is back.
  // A fresh start of the app starts with the mode off; suggestions already made are shown all the same.
  await expect(page.getByTestId('toggle-suggest')).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('toggle-suggest').click();
  await expect(page.getByTestId('toggle-suggest')).toHaveAttribute('aria-pressed', 'true');
  const other = reopened.locator('p', { hasText: 'للمؤتمر الدولي الثاني' });
  await selectText(other, 'الثاني', { after: 'للمؤتمر الدولي ' });
  await page.keyboard.press('Backspace');
  await expect(other.locator('del.sugg-del')).toHaveText('الثاني');
  await expect(other).toContainText('للمؤتمر الدولي الثاني للأمن');
  await other.locator('del.sugg-del').click();
  await expect(reopenedPanel.locator('.sugg-item-active')).toContainText('الثاني');
  await screenshot(page, 'suggestions-delete');
  await reopenedPanel.getByTestId('suggestion-reject').click();
  await expect(other.locator('del.sugg-del')).toHaveCount(0);
  await expect(other).toContainText('للمؤتمر الدولي الثاني للأمن');

  // The headline is tracked too: a word typed into it is an insertion, stored with the headline.
  const headline = reopened.locator('h1');
  await selectText(headline, '', { after: 'الشراكة' });
  await page.keyboard.type(' الجديدة');
  await expect(headline.locator('ins.sugg-ins')).toHaveText(' الجديدة');
  await expect(reopenedPanel.getByTestId('suggestion-text')).toHaveText([' الجديدة']);
  await save(page);
  const list = (await app.invoke('library:list', { trash: false })) as { ok: true; value: { id: string }[] };
  const opened = (await app.invoke('article:open', { id: list.value[0]!.id })) as {
    ok: true;
    value: { article: { headline: string; headlineMarks?: { type: string; from: number; to: number }[] } };
  };
  const { headline: stored, headlineMarks } = opened.value.article;
  expect(headlineMarks?.map((m) => [m.type, stored.slice(m.from, m.to)])).toEqual([
    ['insertion', ' الجديدة'],
  ]);
  await reopenedPanel.getByTestId('suggestions-reject-all').click();
  await expect(headline.locator('ins.sugg-ins')).toHaveCount(0);
  await expect(headline).not.toContainText('الجديدة');

  await save(page);
  const final = await storedBody(app.invoke);
  expect(final.some((b) => b.text.includes('مينسك، إنّ "التوقيع'))).toBe(true);
  expect(final.some((b) => b.text.includes('للمؤتمر الدولي الثاني للأمن'))).toBe(true);
  expect(
    final.flatMap((b) => b.marks ?? []).filter((m) => m.type === 'insertion' || m.type === 'deletion'),
  ).toEqual([]);
  expect(app.problems).toEqual([]);
});
