// Changes in real Chromium: the seed's copy error fixed (أن → إنّ after قال) and saved, revisions 1 and 2
// compared inline (the changed word with the letters that changed, the summary's counts) and side by side
// (older revision on the right), then that change reverted in the editor as one undo step.
import type { Page } from '@playwright/test';
import { expect, importSeed, screenshot, selectText, test } from './harness';

/** Closes the notices (import notes, confirmations) so that a screenshot shows the screen itself. */
async function dismissNotices(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'إخفاء' });
  // Confirmations also fade on their own, so one may be gone by the time it is clicked.
  while ((await close.count()) > 0)
    await close
      .first()
      .click({ timeout: 2000 })
      .catch(() => {});
}

test('fix أن → إنّ, compare revisions 1 and 2 inline and side by side, revert the change', async ({ app }) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'ليلى' });
  await app.open();
  await importSeed(page);
  const editor = page.getByTestId('editor');
  const paragraph = editor.locator('p', { hasText: 'مينسك، أن "' });
  await expect(paragraph).toHaveCount(1);

  await selectText(paragraph, 'أن', { after: 'مينسك، ' });
  await page.keyboard.type('إنّ');
  await expect(editor).toContainText('مينسك، إنّ "التوقيع');
  await page.keyboard.press('Control+s');
  await page.getByTestId('save-note').fill('إنّ بعد القول');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  // The compare view opens on the whole history: the first revision against the newest.
  await page.getByTestId('toggle-changes').click();
  const view = page.getByTestId('changes-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('editor')).toBeHidden();
  await view.getByTestId('compare-from').selectOption('1');
  await view.getByTestId('compare-to').selectOption('2');

  const inline = view.getByTestId('changes-inline');
  await expect(inline).toHaveAttribute('dir', 'rtl');
  const word = inline.getByTestId('chg-word');
  await expect(word).toHaveCount(1);
  await expect(word.getByTestId('chg-word-old')).toHaveText('أن');
  await expect(word.getByTestId('chg-word-new')).toHaveText('إنّ');
  // The letters that changed: the hamza's seat (أ → إ) and the shadda on the nun (ن → نّ).
  await expect(word.getByTestId('chg-word-old').getByTestId('chg-letter')).toHaveText(['أ', 'ن']);
  await expect(word.getByTestId('chg-word-new').getByTestId('chg-letter')).toHaveText(['إ', 'نّ']);
  // The word sits in its sentence, with the unchanged text around it.
  await expect(word.locator('xpath=..')).toContainText('خلال الجلسة العامة للمؤتمر الدولي');

  await expect(view.getByTestId('sum-changed')).toHaveAttribute('data-count', '1');
  await expect(view.getByTestId('sum-added')).toHaveAttribute('data-count', '0');
  await expect(view.getByTestId('sum-removed')).toHaveAttribute('data-count', '0');
  await expect(view.getByTestId('sum-changed')).toHaveText('كلمات معدّلة: 1');
  await expect(view.getByTestId('change-position')).toHaveText('التغيير 1 من 1');
  await dismissNotices(page);
  await screenshot(page, 'changes-inline');

  // Side by side: the older revision is the first column, which in right-to-left is the right-hand one.
  await view.getByTestId('mode-side').click();
  const sides = view.getByTestId('changes-side');
  await expect(sides).toBeVisible();
  const oldHead = await view.getByTestId('side-old-head').boundingBox();
  const newHead = await view.getByTestId('side-new-head').boundingBox();
  expect(oldHead!.x).toBeGreaterThan(newHead!.x);
  await expect(view.getByTestId('side-old-head')).toHaveText('النسخة 1 (قبل)');
  await expect(view.getByTestId('side-new-head')).toHaveText('النسخة 2 (بعد)');
  await expect(sides.locator('[data-side="old"]').getByTestId('chg-word-old')).toHaveText('أن');
  await expect(sides.locator('[data-side="old"]').getByTestId('chg-word-new')).toHaveCount(0);
  await expect(sides.locator('[data-side="new"]').getByTestId('chg-word-new')).toHaveText('إنّ');
  await expect(sides.locator('[data-side="new"]').getByTestId('chg-word-old')).toHaveCount(0);
  // Both columns read right to left: a paragraph's first word starts at the column's right edge.
  const oldCell = sides.locator('[data-side="old"]', { hasText: 'مينسك' });
  expect(await oldCell.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await dismissNotices(page);
  await screenshot(page, 'changes-side-by-side');

  // Revert the change: the old word is back in the editor, and one Undo takes the revert back.
  await view.getByTestId('revert-change').click();
  await expect(view.getByTestId('revert-change')).toHaveText('تُراجع عنه');
  await expect(page.getByText('أُعيد النص القديم في المحرر')).toBeVisible();
  await view.getByTestId('close-changes').click();
  await expect(editor).toBeVisible();
  await expect(paragraph).toContainText('مينسك، أن "التوقيع');
  await expect(editor).not.toContainText('إنّ "التوقيع');
  await page.getByRole('button', { name: 'تراجع', exact: true }).click();
  await expect(editor).toContainText('مينسك، إنّ "التوقيع');
  await page.getByRole('button', { name: 'إعادة', exact: true }).click();
  await expect(editor).toContainText('مينسك، أن "التوقيع');
  expect(app.problems).toEqual([]);
});
