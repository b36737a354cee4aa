// Photos, captions, code replacements and tags in real Chromium against the real services: the seed's figure
// with its caption finding (Reuters → رويترز) fixed in one click, a photo inserted from the file dialog with its
// Arabic IPTC caption and credit, a damaged photo refused without touching the article, a code expanded as it
// is typed, a suggested tag added, saved and still there after a reload; photos pasted and dropped as well;
// a photo attached to the seed's caption-only figure, changed, and the figure removed and brought back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, importSeed, repoRoot, screenshot, test } from './harness';

const IMAGES = path.join(repoRoot, 'tests/fixtures/images');
const IRAN_CAPTION = 'الرئيس الإيراني مسعود بزشكيان خلال مؤتمر صحافي في طهران';
const LAVROV = 'وزير الخارجية الروسي سيرجي لافروف';

async function scrollToEnd(page: Page): Promise<void> {
  await page.locator('.editor-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
}

async function firstArticle(app: { invoke: (c: unknown, a: unknown) => Promise<unknown> }) {
  const list = (await app.invoke('library:list', { trash: false })) as { ok: true; value: { id: string }[] };
  const open = (await app.invoke('article:open', { id: list.value[0]!.id })) as {
    ok: true;
    value: {
      article: { tags: string[]; figures: { caption: string; credit: string; image: string | null }[] };
    };
  };
  return open.value.article;
}

test('captions, photos, codes and tags on the seed article', async ({ app }) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'ليلى' });
  await app.open();
  const editor = await importSeed(page);
  const figures = editor.getByTestId('figure');
  await expect(figures).toHaveCount(1);

  // The seed's figure: caption, date and credit, and the Latin agency name flagged with its Arabic form.
  const seedFigure = figures.first();
  await expect(seedFigure.getByTestId('figure-caption')).toContainText(
    'سيرجي لافروف يحضر مؤتمراً صحافياً مع وزير الخارجية اليمني',
  );
  await expect(seedFigure.getByTestId('figure-credit-line')).toHaveText('27 أغسطس 2024 - Reuters');
  const agency = seedFigure.locator('[data-rule="caption.agency-latin"]');
  await expect(agency).toHaveCount(1);
  await expect(agency).toContainText('اسم الوكالة بالحروف اللاتينية في تعليق عربي');
  await expect(agency.getByTestId('figure-suggestion')).toHaveText('رويترز');
  // The alt text is there (it repeats the caption, which is flagged too), so the required flag is not shown.
  await expect(seedFigure.locator('[data-rule="caption.same-as-alt"]')).toHaveCount(1);
  await expect(seedFigure.getByTestId('figure-alt-missing')).toHaveCount(0);
  await screenshot(page, 'media-seed-figure');

  await agency.getByTestId('figure-suggestion').click();
  await expect(seedFigure.getByTestId('figure-credit-line')).toHaveText('27 أغسطس 2024 - رويترز');
  await expect(agency).toHaveCount(0);

  // A photo with an Arabic IPTC caption, from the file dialog: a new figure filled in from the file.
  await page.getByTestId('image-input').setInputFiles(path.join(IMAGES, 'iim-only.jpg'));
  await expect(figures).toHaveCount(2);
  const added = figures.nth(1);
  await expect(added.getByTestId('figure-caption')).toHaveText(IRAN_CAPTION);
  await expect(added.getByTestId('figure-credit-line')).toHaveText('23 أكتوبر 2024 - أ ف ب · عطا كناره');
  const thumb = added.getByTestId('figure-thumbnail');
  await expect(thumb).toBeVisible();
  expect(await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(added.getByTestId('figure-alt-missing')).toBeVisible();
  await added.getByTestId('figure-details-toggle').click();
  await expect(added.locator('input[data-field="altText"]')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'media-inserted-photo');
  await added.locator('input[data-field="altText"]').fill('الرئيس الإيراني أمام ميكروفونات الصحافيين');
  await expect(added.getByTestId('figure-alt-missing')).toHaveCount(0);
  await added.getByTestId('figure-details-toggle').click();

  // A damaged photo: a clear message, and the article keeps its two figures.
  const jpg = readFileSync(path.join(IMAGES, 'agency-iptc-xmp.jpg'));
  await page.getByTestId('image-input').setInputFiles({
    name: 'broken.jpg',
    mimeType: 'image/jpeg',
    buffer: jpg.subarray(0, Math.floor(jpg.length * 0.7)),
  });
  const refused = page.getByTestId('notice-error');
  await expect(refused).toContainText('لم تُدرج الصورة «broken.jpg»، ولم يتغيّر المقال.');
  await expect(refused).toContainText('الصورة تالفة أو ناقصة ولا يمكن قراءتها.');
  await expect(figures).toHaveCount(2);
  await screenshot(page, 'media-refused-photo');
  await refused.getByRole('button', { name: 'إخفاء' }).click();

  // A code replacement: added in the manager, expanded the moment it is typed, one undo brings it back.
  await page.getByTestId('media-settings-open').click();
  const settings = page.getByTestId('media-settings');
  await settings.getByTestId('code-input').fill('=لاف=');
  await settings.getByTestId('code-expansion').fill(LAVROV);
  await settings.getByTestId('code-save').click();
  await expect(settings.getByTestId('code-row')).toHaveCount(1);
  await expect(settings.getByTestId('code-row')).toContainText(LAVROV);
  await screenshot(page, 'media-codes-manager');
  await settings.getByTestId('media-settings-close').click();
  await expect(settings).toBeHidden();

  const lastParagraph = editor.locator('p').last();
  await lastParagraph.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' وقال =لاف=');
  await expect(lastParagraph).toHaveText(/الشرق الأوسط\. وقال وزير الخارجية الروسي سيرجي لافروف$/);
  await page.keyboard.press('Control+z');
  await expect(lastParagraph).toHaveText(/الشرق الأوسط\. وقال =لاف=$/);
  await page.keyboard.press('Control+Shift+z');
  await expect(lastParagraph).toHaveText(/وقال وزير الخارجية الروسي سيرجي لافروف$/);

  // Tags: the suggested روسيا added with one click, saved, and still there after a reload.
  const tags = page.getByTestId('tags');
  const suggestion = tags.getByTestId('tag-suggestion').filter({ hasText: /^\+ روسيا$/ });
  await expect(suggestion).toBeVisible();
  await suggestion.click();
  await expect(tags.getByTestId('tag-label')).toHaveText(['روسيا']);
  await expect(suggestion).toHaveCount(0);
  await scrollToEnd(page);
  await screenshot(page, 'media-tags');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-dialog')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  await page.reload();
  await page.getByTestId('article-row').getByRole('button', { name: 'فتح' }).click();
  const reopened = page.getByTestId('editor');
  await expect(page.getByTestId('tags').getByTestId('tag-label')).toHaveText(['روسيا']);
  await expect(reopened.getByTestId('figure')).toHaveCount(2);
  await expect(reopened.getByTestId('figure').first().getByTestId('figure-credit-line')).toHaveText(
    '27 أغسطس 2024 - رويترز',
  );
  await expect(reopened.getByTestId('figure').nth(1).getByTestId('figure-thumbnail')).toBeVisible();
  await expect(reopened.locator('p').last()).toHaveText(/وقال وزير الخارجية الروسي سيرجي لافروف$/);

  const stored = await firstArticle(app);
  expect(stored.tags).toEqual(['روسيا']);
  expect(stored.figures.map((f) => f.credit)).toEqual(['رويترز', 'أ ف ب']);
  expect(stored.figures[1]!.caption).toBe(IRAN_CAPTION);
  expect(stored.figures[1]!.image).toMatch(/^[0-9a-f]{64}$/);
  expect(app.problems).toEqual([]);
});

test('photos pasted into the text or dropped onto it become figures; a tag found by its other spelling', async ({
  app,
}) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'Omar' });
  await app.open();
  const editor = await importSeed(page);
  const figures = editor.getByTestId('figure');
  await expect(figures).toHaveCount(1);
  const paragraph = editor.locator('p').first();

  const send = (kind: 'paste' | 'drop', name: string, mime: string, file: string) =>
    paragraph.evaluate(
      (el, { kind, name, mime, data }) => {
        const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], name, { type: mime }));
        const box = el.getBoundingClientRect();
        const event =
          kind === 'paste'
            ? new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true })
            : new DragEvent('drop', {
                dataTransfer: dt,
                bubbles: true,
                cancelable: true,
                clientX: box.left + box.width / 2,
                clientY: box.top + 10,
              });
        el.dispatchEvent(event);
      },
      { kind, name, mime, data: readFileSync(path.join(IMAGES, file)).toString('base64') },
    );

  await paragraph.click();
  await send('paste', 'xmp.webp', 'image/webp', 'xmp.webp');
  await expect(figures).toHaveCount(2);
  await expect(figures.nth(1).getByTestId('figure-caption')).toHaveText('سوق شعبي في القاهرة');
  await expect(figures.nth(1).getByTestId('figure-alt-missing')).toHaveCount(0);
  await expect(figures.nth(1).getByTestId('figure-thumbnail')).toBeVisible();

  await send('drop', 'plain.png', 'image/png', 'plain.png');
  await expect(figures).toHaveCount(3);
  // No metadata: an empty figure to fill in, flagged for its missing alt text and credit.
  await expect(figures.nth(2).getByTestId('figure-alt-missing')).toBeVisible();
  await expect(figures.nth(2).locator('[data-rule="caption.credit-missing"]')).toHaveCount(1);
  await expect(figures.nth(2).getByTestId('figure-thumbnail')).toBeVisible();
  // The drop was the editor's: no article import was attempted.
  await expect(page.getByTestId('notice-error')).toHaveCount(0);

  // Autocomplete folds Arabic spellings: ايران (no hamza) finds إيران.
  const input = page.getByTestId('tag-input');
  await input.fill('ايران');
  const option = page.getByTestId('tag-option').filter({ hasText: 'إيران' }).first();
  await expect(option).toBeVisible();
  await scrollToEnd(page);
  await screenshot(page, 'media-tag-autocomplete');
  await option.click();
  await expect(page.getByTestId('tag-label')).toHaveText(['إيران']);
  await page.getByRole('button', { name: 'إزالة الوسم «إيران»' }).click();
  await expect(page.getByTestId('tag-chip')).toHaveCount(0);
  expect(app.problems).toEqual([]);
});

test('a photo attached to the seed caption keeps what the desk wrote; the figure can be removed and undone', async ({
  app,
}) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'ليلى' });
  await app.open();
  const editor = await importSeed(page);
  const figures = editor.getByTestId('figure');
  const figure = figures.first();
  await expect(figure.getByTestId('figure-thumbnail')).toHaveCount(0);
  await expect(figure.getByTestId('figure-attach')).toHaveText('إرفاق صورة');

  // The file carries its own Arabic caption and credit; the seed's caption, date and credit stay, and the
  // photographer the seed did not name comes from the file.
  await figure.getByTestId('figure-attach-input').setInputFiles(path.join(IMAGES, 'iim-only.jpg'));
  await expect(figure.getByTestId('figure-thumbnail')).toBeVisible();
  await expect(figures).toHaveCount(1);
  await expect(figure.getByTestId('figure-caption')).toContainText(LAVROV);
  await expect(figure.getByTestId('figure-credit-line')).toHaveText('27 أغسطس 2024 - Reuters · عطا كناره');
  await expect(figure.getByTestId('figure-attach')).toHaveText('تغيير الصورة');
  await screenshot(page, 'media-attached-photo');
  await page.getByTestId('save').click();
  await page.getByTestId('save-confirm').click();
  await expect.poll(async () => (await firstArticle(app)).figures[0]?.image ?? null).not.toBeNull();
  const first = (await firstArticle(app)).figures[0]!.image;

  // A different photo replaces it; a damaged one is refused and changes nothing.
  await figure.getByTestId('figure-attach-input').setInputFiles(path.join(IMAGES, 'plain.png'));
  await expect(page.getByTestId('notice-info').last()).toContainText('plain.png');
  const broken = readFileSync(path.join(IMAGES, 'camera-exif.jpg')).subarray(0, 1200);
  await figure
    .getByTestId('figure-attach-input')
    .setInputFiles({ name: 'broken.jpg', mimeType: 'image/jpeg', buffer: broken });
  await expect(page.getByTestId('notice-error').last()).toContainText('broken.jpg');
  await page.getByTestId('save').click();
  await page.getByTestId('save-confirm').click();
  await expect.poll(async () => (await firstArticle(app)).figures[0]?.image ?? null).not.toBe(first);

  // Removing the figure is one step; undo brings it back with its photo.
  await figure.getByTestId('figure-remove').click();
  await expect(figures).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(figures).toHaveCount(1);
  await expect(figures.first().getByTestId('figure-thumbnail')).toBeVisible();
  expect(app.problems).toEqual([]);
});
