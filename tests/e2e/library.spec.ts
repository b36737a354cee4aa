// The library and editor in real Chromium against the real services: import of the seed through the file
// input, its structure in place in the editor, search with Arabic folding, trash and restore.
import type { Page } from '@playwright/test';
import { expect, importSeed, screenshot, seedPath, test } from './harness';

/** Import the seed through the hidden file input, as the Import button does. */
/** The on-screen x position of `part` inside element `testId` (first occurrence). */
async function xOf(page: Page, testId: string, part: string): Promise<number> {
  return page.getByTestId(testId).evaluate((el, needle) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(needle);
      if (at < 0) continue;
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + needle.length);
      const box = r.getBoundingClientRect();
      return box.left + box.width / 2;
    }
    throw new Error(`"${needle}" is not in the element`);
  }, part);
}

test('first launch asks for the name, then the seed imports into its structure', async ({ app }) => {
  const { page } = app;
  await app.open();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

  const dialog = page.getByTestId('user-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').fill('سارة المدققة');
  await dialog.getByRole('button', { name: 'متابعة' }).click();
  await expect(page.getByTestId('user-name')).toContainText('سارة المدققة');
  await expect(page.getByText('المكتبة فارغة')).toBeVisible();

  await importSeed(page);
  const editor = page.getByTestId('editor');
  await expect(editor).toHaveAttribute('dir', 'rtl');
  await expect(editor).toHaveAttribute('lang', 'ar');
  await expect(editor.locator('h1.article-headline')).toHaveText(
    'لافروف: روسيا وإيران توقعان اتفاقية الشراكة الاستراتيجية الشاملة قريباً',
  );
  const figure = editor.getByTestId('figure');
  await expect(figure).toHaveCount(1);
  await expect(figure.getByTestId('figure-caption')).toHaveText(
    'وزير الخارجية الروسي سيرجي لافروف يحضر مؤتمراً صحافياً مع وزير الخارجية اليمني شايع الزنداني بعد اجتماعهما في موسكو بروسيا.',
  );
  await expect(figure.getByTestId('figure-credit-line')).toHaveText('27 أغسطس 2024 - Reuters');
  await expect(editor.getByTestId('dateline-place')).toHaveValue('دبي');
  await expect(editor.getByTestId('dateline-sources')).toHaveValue('الشرق، رويترز');
  await expect(editor.locator('h2.article-subheading')).toHaveText('اجتماع مرتقب');
  await expect(editor.locator('p')).toHaveCount(8);
  // Parts in the schema's order: headline, figure, dateline, then the body.
  const order = await editor.evaluate((el) =>
    Array.from(el.querySelectorAll('h1, h2, p, [data-testid="figure"], [data-testid="dateline"]'))
      .filter((n) => !n.closest('[data-testid="figure"]') || n.matches('[data-testid="figure"]'))
      .map((n) => n.getAttribute('data-testid') ?? n.tagName.toLowerCase()),
  );
  expect(order).toEqual(['h1', 'figure', 'dateline', 'p', 'p', 'p', 'p', 'h2', 'p', 'p', 'p', 'p']);
  // The import notes are shown in Arabic.
  await expect(page.getByTestId('notice-warning')).toContainText('ملاحظات الاستيراد');

  // Bidi: in a right-to-left line «27 أغسطس 2024 - Reuters» reads 27, أغسطس, 2024 from the right and the
  // Latin credit ends up leftmost; the digits of 2024 themselves run left to right.
  const x27 = await xOf(page, 'figure-credit-line', '27');
  const xMonth = await xOf(page, 'figure-credit-line', 'أغسطس');
  const x2024 = await xOf(page, 'figure-credit-line', '2024');
  const xReuters = await xOf(page, 'figure-credit-line', 'Reuters');
  expect(x27).toBeGreaterThan(xMonth);
  expect(xMonth).toBeGreaterThan(x2024);
  expect(x2024).toBeGreaterThan(xReuters);
  expect(await xOf(page, 'figure-credit-line', '20')).toBeLessThan(
    await xOf(page, 'figure-credit-line', '24'),
  );

  // Word and character counts in the status bar agree with the stored revision's size.
  const words = await page.getByTestId('word-count').textContent();
  const [summary] = await listArticles(app.invoke);
  expect(words).toContain(String(summary!.words));

  // The article is set in the bundled Naskh face, the interface in the bundled Sans face.
  const faces = await page.evaluate(async () => {
    await document.fonts.ready;
    const loaded = [...document.fonts]
      .filter((f) => f.status === 'loaded')
      .map((f) => f.family.replace(/"/g, ''));
    return [...new Set(loaded)].sort();
  });
  expect(faces).toEqual(['Noto Naskh Arabic', 'Noto Sans Arabic']);
  await screenshot(page, 'editor-seed');

  // The figure's details form: keyboard reachable, edits the attributes in place.
  await figure.getByTestId('figure-details-toggle').click();
  const photographer = figure.locator('input[data-field="photographer"]');
  await photographer.fill('مكسيم شيميتوف');
  await expect(figure.getByTestId('figure-credit-line')).toContainText('مكسيم شيميتوف');
  await screenshot(page, 'editor-figure-form');

  await page.getByRole('button', { name: 'العودة إلى المكتبة' }).click();
  const row = page.getByTestId('article-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('لافروف: روسيا وإيران');
  await expect(row).toContainText('مسودة');
  await expect(row).toContainText('سارة المدققة');
  await screenshot(page, 'library');
  expect(app.problems).toEqual([]);
});

async function listArticles(invoke: (c: unknown, a: unknown) => Promise<unknown>) {
  const r = (await invoke('library:list', { trash: false })) as {
    ok: boolean;
    value: { id: string; words: number; headline: string }[];
  };
  if (!r.ok) throw new Error('library:list failed');
  return r.value;
}

test('search folds hamza and taa marbuta; trash and restore', async ({ app }) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'Omar' });
  await app.open();
  await importSeed(page);
  await page.getByTestId('nav-library').click();

  const search = page.getByTestId('search');
  for (const query of ['الإستراتيجية', 'اتفاقيه']) {
    await search.fill(query);
    await expect(page.getByTestId('search-results')).toHaveAttribute('data-query', query);
    const hit = page.getByTestId('search-hit');
    await expect(hit).toHaveCount(1);
    await expect(hit).toContainText('لافروف: روسيا وإيران توقعان');
    await expect(hit.locator('mark').first()).toBeVisible();
  }
  await screenshot(page, 'library-search');
  await search.fill('كلمةغيرموجودةأبداً');
  await expect(page.getByTestId('search-results')).toHaveAttribute('data-query', 'كلمةغيرموجودةأبداً');
  await expect(page.getByTestId('search-results')).toContainText('لا نتائج');
  await search.fill('');

  // Importing the same file again asks first; cancelling stores nothing.
  await page.getByTestId('import-input').setInputFiles(seedPath());
  const dup = page.getByTestId('duplicate-dialog');
  await expect(dup).toContainText('هذا المقال موجود في المكتبة بالفعل');
  await dup.getByRole('button', { name: 'إلغاء' }).click();
  await expect(page.getByTestId('article-row')).toHaveCount(1);

  await page.getByTestId('article-row').getByRole('button', { name: 'حذف' }).click();
  await expect(page.getByTestId('article-row')).toHaveCount(0);
  await page.getByTestId('nav-trash').click();
  const trashed = page.getByTestId('trash').getByTestId('article-row');
  await expect(trashed).toHaveCount(1);
  await expect(trashed).toContainText('لافروف');
  await screenshot(page, 'trash');
  await trashed.getByRole('button', { name: 'استعادة' }).click();
  await expect(page.getByTestId('trash').getByTestId('article-row')).toHaveCount(0);
  await page.getByTestId('nav-library').click();
  await expect(page.getByTestId('article-row')).toHaveCount(1);
  expect(app.problems).toEqual([]);
});

test('a file the importer cannot read gives a clear message and the library is unchanged', async ({
  app,
}) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'Omar' });
  await app.open();
  await page.getByTestId('import-input').setInputFiles({
    name: 'photo.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]),
  });
  const error = page.getByTestId('notice-error');
  await expect(error).toContainText('تعذّر استيراد «photo.exe»');
  await expect(page.getByText('المكتبة فارغة')).toBeVisible();
});

test('paste on the library imports HTML; a file dropped on the window imports it', async ({ app }) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'Omar' });
  await app.open();
  await page.getByTestId('library').click();
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData(
      'text/html',
      '<article><h1>وزير المالية يعلن الميزانية</h1><p>الرياض - أعلن وزير المالية اليوم ملامح الميزانية الجديدة للعام المقبل.</p><p>وقال الوزير إن الإنفاق سيرتفع.</p></article>',
    );
    dt.setData('text/plain', 'وزير المالية يعلن الميزانية');
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
  });
  const editor = page.getByTestId('editor');
  await expect(editor.locator('h1.article-headline')).toHaveText('وزير المالية يعلن الميزانية');
  await expect(editor).toContainText('وقال الوزير إن الإنفاق سيرتفع.');

  await page.getByTestId('nav-library').click();
  const text = 'وزيرة الصحة تفتتح مستشفى جديداً\n\nجدة - افتتحت وزيرة الصحة اليوم مستشفى جديداً في المدينة.\n';
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'hospital.txt', { type: 'text/plain' }));
    return dt;
  }, text);
  await page.dispatchEvent('.library', 'dragover', { dataTransfer });
  await page.dispatchEvent('.library', 'drop', { dataTransfer });
  await expect(editor.locator('h1.article-headline')).toHaveText('وزيرة الصحة تفتتح مستشفى جديداً');
  await page.getByTestId('nav-library').click();
  await expect(page.getByTestId('article-row')).toHaveCount(2);
  expect(app.problems).toEqual([]);
});
