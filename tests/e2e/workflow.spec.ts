// Workflow, approval and export in real Chromium: an editor (role chosen in settings) moves the seed through
// the statuses, reads the failing gates and jumps to one, is refused an approval without override reasons and
// approves with them, exports HTML and ninjs as downloads, edits the approved text (changed after approval,
// with the diff since approval) and is refused a non-approved export without a reason.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, screenshot, seedPath, test } from './harness';

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

async function exportAs(page: Page, format: string, setup?: () => Promise<void>) {
  await page.getByTestId('export').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId(`format-${format}`).check();
  await setup?.();
  const download = page.waitForEvent('download');
  await dialog.getByTestId('export-confirm').click();
  const file = await download;
  await expect(dialog).toBeHidden();
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

test('an editor moves, approves with overrides, exports, and sees changes after approval', async ({
  app,
}) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'سلمى' });
  await app.open();

  // The role is chosen in the settings dialog.
  const settings = page.getByTestId('settings');
  await expect(settings).toHaveText('الدور: مدقق لغوي');
  await settings.click();
  const dialog = page.getByTestId('settings-dialog');
  await dialog.getByTestId('role-editor').check();
  await screenshot(page, 'workflow-settings-role');
  await dialog.getByTestId('role-save').click();
  await expect(dialog).toBeHidden();
  await expect(settings).toHaveText('الدور: محرر مسؤول');

  await page.getByTestId('import-input').setInputFiles(seedPath());
  const editor = page.getByTestId('editor');
  await expect(editor).toBeVisible();
  const status = page.getByTestId('article-status');
  await expect(status).toHaveText('مسودة');

  // Through the working statuses, one move with a reason.
  await page.getByTestId('toggle-workflow').click();
  const panel = page.getByTestId('workflow-panel');
  await expect(panel.getByTestId('workflow-status')).toHaveText('مسودة');
  await panel.getByTestId('workflow-move-reason').fill('بدء التدقيق');
  await panel.locator('[data-testid="workflow-move"][data-to="copy-editing"]').click();
  await expect(status).toHaveText('تدقيق لغوي');
  await panel.locator('[data-testid="workflow-move"][data-to="fact-checking"]').click();
  await expect(status).toHaveText('تدقيق الحقائق');
  await panel.locator('[data-testid="workflow-move"][data-to="ready"]').click();
  await expect(status).toHaveText('جاهز للاعتماد');
  await expect(panel.getByTestId('workflow-status')).toHaveText('جاهز للاعتماد');

  // The gates: no tags, the copy errors and the unverified quotes fail; photos and headline pass.
  const gate = (id: string) => panel.locator(`[data-testid="gate"][data-gate="${id}"]`);
  await expect(gate('tags')).toHaveAttribute('data-state', 'failing');
  await expect(gate('tags')).toContainText('لا وسوم للمقال.');
  await expect(gate('checker')).toHaveAttribute('data-state', 'failing');
  await expect(gate('quotes')).toHaveAttribute('data-state', 'failing');
  await expect(gate('figures')).toHaveAttribute('data-state', 'ok');
  await expect(gate('headline')).toHaveAttribute('data-state', 'ok');

  // A failing item jumps to its place: the editor selects «أن» after قال.
  await gate('checker').locator('[data-item^="checker:"][data-item$="grammar.inna-after-qala"]').click();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('أن');
  await expect(editor).toBeFocused();
  await dismissNotices(page);
  await screenshot(page, 'workflow-gates-jump');
  // The missing tags jump to the tags section under the article, ready to type one.
  await gate('tags').getByTestId('gate-item').click();
  await expect(page.getByTestId('tag-input')).toBeFocused();

  // Approval without a reason for each failing gate is refused in place; nothing is approved.
  const approve = panel.getByTestId('approve-section');
  await approve.getByTestId('approve').click();
  await expect(approve.getByTestId('override-missing')).toHaveCount(3);
  await expect(status).toHaveText('جاهز للاعتماد');
  await approve
    .locator('[data-testid="override-reason"][data-gate="checker"]')
    .fill('الخطآن مقبولان في هذا الخبر العاجل');
  await approve
    .locator('[data-testid="override-reason"][data-gate="quotes"]')
    .fill('الاقتباسات من وكالة تاس مباشرة');
  await approve.getByTestId('approve').click();
  await expect(approve.getByTestId('override-missing')).toHaveCount(1);
  await approve
    .locator('[data-testid="override-reason"][data-gate="tags"]')
    .fill('تضاف الوسوم في نظام النشر');
  await approve.getByTestId('approve').click();
  await expect(status).toHaveText('معتمد');
  const info = panel.getByTestId('approval-info');
  await expect(info).toContainText('اعتمده سلمى');
  await expect(info.getByTestId('approved-revision')).toHaveText('النسخة المعتمدة: 1');
  await expect(info).toContainText('تجاوز «الوسوم»: تضاف الوسوم في نظام النشر');
  await expect(info).toContainText('لم يتغيّر شيء منذ الاعتماد.');
  await dismissNotices(page);
  await screenshot(page, 'workflow-approved');

  // Export HTML: no save dialog in the browser, so the file is downloaded.
  const html = await exportAs(page, 'html', async () => {
    await expect(page.getByTestId('export-dialog')).toContainText('المقال معتمد ولم يتغيّر منذ اعتماده');
    await dismissNotices(page);
    await screenshot(page, 'workflow-export-dialog');
  });
  expect(html.name).toMatch(/\.html$/);
  expect(html.text).toContain('dir="rtl"');
  expect(html.text).toContain('اجتماع مرتقب');
  await expect(status).toHaveText('مُصدَّر');

  // The exported page itself, opened in Chromium: right to left, each paragraph starting at its right edge.
  const exported = await page.context().newPage();
  await exported.setContent(html.text, { waitUntil: 'load' });
  const layout = await exported.evaluate(() => {
    const p = document.querySelector('p')!;
    const box = p.getBoundingClientRect();
    const range = document.createRange();
    range.setStart(p.firstChild!, 0);
    range.setEnd(p.firstChild!, 1);
    const first = range.getBoundingClientRect();
    return {
      dir: getComputedStyle(document.body).direction,
      paragraphDir: getComputedStyle(p).direction,
      firstLetterFromRight: box.right - first.right,
      firstLetterFromLeft: first.left - box.left,
    };
  });
  expect(layout.dir).toBe('rtl');
  expect(layout.paragraphDir).toBe('rtl');
  expect(layout.firstLetterFromRight).toBeLessThan(2);
  expect(layout.firstLetterFromLeft).toBeGreaterThan(100);
  await screenshot(exported, 'export-html');
  await exported.close();

  // ninjs 3.1, chosen with its version.
  const ninjs = await exportAs(page, 'ninjs', async () => {
    await page.getByTestId('ninjs-version').selectOption('3.1');
  });
  expect(ninjs.name).toMatch(/\.ninjs\.json$/);
  const item = JSON.parse(ninjs.text) as Record<string, unknown>;
  expect(JSON.stringify(item)).toContain('اجتماع مرتقب');

  // Edit the approved text and save: changed after approval, with the diff since approval.
  const sub = editor.locator('h2.article-subheading');
  await sub.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' غداً');
  await page.keyboard.press('Control+s');
  await page.getByTestId('save-note').fill('بعد الاعتماد');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(status).toHaveText('عُدّل بعد الاعتماد');
  await expect(panel.getByTestId('changed-after-approval')).toBeVisible();
  await dismissNotices(page);
  await screenshot(page, 'workflow-changed-after-approval');
  await panel.getByTestId('diff-since-approval').click();
  const changes = page.getByTestId('changes-view');
  await expect(changes).toBeVisible();
  await expect(changes.getByTestId('compare-from')).toHaveValue('1');
  await expect(changes.getByTestId('compare-to')).toHaveValue('2');
  await expect(changes.getByTestId('chg-ins')).toHaveText([' غداً']);
  await expect(changes.getByTestId('sum-added')).toHaveAttribute('data-count', '1');
  await dismissNotices(page);
  await screenshot(page, 'workflow-diff-since-approval');
  await changes.getByTestId('close-changes').click();

  // Exporting the changed article without a written reason is refused, with the reason shown.
  await dismissNotices(page);
  await page.getByTestId('export').click();
  const exp = page.getByTestId('export-dialog');
  await expect(exp.getByTestId('export-not-approved')).toContainText('عُدّل المقال بعد اعتماده');
  await exp.getByTestId('format-html').check();
  await exp.getByTestId('export-confirm').click();
  await expect(exp.getByTestId('export-error')).toContainText(
    'رُفض التصدير: المقال غير معتمد ولم يُكتب سبب للتصدير دونه.',
  );
  await screenshot(page, 'workflow-export-refused');
  await exp.getByRole('button', { name: 'إلغاء' }).click();
  await expect(status).toHaveText('عُدّل بعد الاعتماد');

  // The status history, newest first, with the move's reason and the approval's overrides.
  const audit = panel.getByTestId('workflow-audit');
  await expect(audit.getByTestId('audit-entry').first()).toContainText('تلقائياً بعد حفظ نسخة');
  await expect(audit).toContainText('من «مسودة» إلى «تدقيق لغوي»');
  await expect(audit).toContainText('السبب: بدء التدقيق');
  await expect(audit).toContainText('اعتماد النسخة 1');
  await expect(audit).toContainText('تصدير HTML');
  expect(app.problems).toEqual([]);
});

test('a copy editor cannot approve, nor export an article that is not approved', async ({ app }) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'كريم' });
  await app.open();
  await page.getByTestId('import-input').setInputFiles(seedPath());
  await expect(page.getByTestId('editor')).toBeVisible();
  await page.getByTestId('toggle-workflow').click();
  const panel = page.getByTestId('workflow-panel');
  await expect(panel.getByTestId('approve-unavailable')).toContainText('الاعتماد للمحرر المسؤول وحده');
  await expect(panel.locator('[data-testid="workflow-move"]')).toHaveCount(1);

  await page.getByTestId('export').click();
  const exp = page.getByTestId('export-dialog');
  await expect(exp).toContainText('التصدير دون اعتماد للمحرر المسؤول وحده');
  await expect(exp.getByTestId('export-override')).toHaveCount(0);
  await exp.getByTestId('export-confirm').click();
  await expect(exp.getByTestId('export-error')).toContainText('رُفض التصدير');
  await expect(page.getByTestId('article-status')).toHaveText('مسودة');
  expect(app.problems).toEqual([]);
});
