// Fact checking in real Chromium against the real services: the seed's quotes in the Quotes panel and in the
// text, sources pasted in, verification that survives other hamza spellings, a discrepancy with its word
// diff, a waiver that needs a reason, a comment that outlives a reload and is resolved, the audit trail and
// the report in a sandboxed frame.
import type { Locator } from '@playwright/test';
import { expect, importSeed, screenshot, selectText, test } from './harness';

const LAVROV_1 =
  'التوقيع المرتقب على معاهدة الشراكة الاستراتيجية الشاملة بين روسيا وإيران من شأنه أن يعزز العلاقات الروسية الإيرانية بشكل كبير';

// The same words as the article's first Lavrov quote, written with other hamza seats (ايران, الإستراتيجية,
// ان, الايرانية) as another outlet would, inside a longer report.
const TASS_TEXT = [
  'مينسك - تاس. قال وزير الخارجية الروسي سيرجي لافروف في كلمته أمام المؤتمر الدولي الثاني للأمن الأوراسي',
  'إن "التوقيع المرتقب على معاهدة الشراكة الإستراتيجية الشاملة بين روسيا وايران من شأنه ان يعزز العلاقات الروسية الايرانية بشكل كبير".',
  'وتناول الوزير في كلمته ملفات إقليمية أخرى، من بينها الوضع في الشرق الأوسط.',
].join('\n');

// The second Lavrov quote with one word different: ذكرت in the article, قلت in the source.
const RIA_TEXT =
  'موسكو - ريا نوفوستي. أضاف لافروف: "كما قلت فإن المعاهدة قيد الإعداد للتوقيع عليها في المستقبل القريب"، دون أن يحدد موعداً.';

type Marked = { text: string; classes: string[]; kind: string | null; status: string | null };

/**
 * The spans of the text marked with `attr` (a quote id or a comment thread), one entry per id: other
 * decorations (checker findings …) may cut one quote into several elements.
 */
function marked(editor: Locator, attr: 'data-quote-id' | 'data-thread'): Promise<Record<string, Marked>> {
  return editor.evaluate((root, a) => {
    const out: Record<string, Marked> = {};
    for (const el of Array.from(root.querySelectorAll(`[${a}]`))) {
      const id = el.getAttribute(a)!;
      const m = (out[id] ??= {
        text: '',
        classes: [],
        kind: el.getAttribute('data-quote-kind'),
        status: el.getAttribute('data-quote-status'),
      });
      m.text += el.textContent ?? '';
      for (const c of Array.from(el.classList)) if (!m.classes.includes(c)) m.classes.push(c);
    }
    return out;
  }, attr);
}

async function quoteInText(editor: Locator, id: string | null): Promise<Marked | undefined> {
  return (await marked(editor, 'data-quote-id'))[id ?? ''];
}

async function addPastedSource(
  panel: Locator,
  s: { title: string; publisher: string; url: string; date: string; text: string },
): Promise<void> {
  await panel.getByTestId('fc-tab-sources').click();
  await panel.getByTestId('source-add-open').click();
  const form = panel.getByTestId('source-form');
  await form.getByTestId('source-title').fill(s.title);
  await form.getByTestId('source-publisher').fill(s.publisher);
  await form.getByTestId('source-url').fill(s.url);
  await form.getByTestId('source-date').fill(s.date);
  await form.getByTestId('source-text-input').fill(s.text);
  await form.getByTestId('source-save').click();
  await expect(form).toBeHidden();
  await expect(panel.getByTestId('source').filter({ hasText: s.title })).toBeVisible();
}

test('quotes, sources, verification, discrepancy, waiver, comments, audit and report', async ({ app }) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'منى المدققة' });
  await app.open();
  await importSeed(page);
  const editor = page.getByTestId('editor');

  // The Quotes panel lists the seed's three speech quotes with their speakers, and "تاس" as a name.
  await expect(page.getByTestId('articles-panel')).toBeVisible();
  await page.getByTestId('toggle-factcheck').click();
  const panel = page.getByTestId('factcheck-panel');
  await expect(panel).toBeVisible();
  // On this 1,360-pixel window the article list makes room for the panel; the article keeps a readable width.
  await expect(page.getByTestId('articles-panel')).toBeHidden();
  expect((await editor.boundingBox())!.width).toBeGreaterThan(500);
  const speech = panel.locator('[data-testid="quote"][data-kind="speech"]');
  await expect(speech).toHaveCount(3);
  await expect(speech.getByTestId('quote-speaker')).toHaveText([
    'سيرجي لافروف',
    'سيرجي لافروف',
    'يوري أوشاكوف',
  ]);
  const naming = panel.locator('[data-testid="quote"][data-kind="naming"]');
  await expect(naming.first().getByTestId('quote-text')).toHaveText('تاس');
  await expect(speech.first()).toHaveAttribute('data-status', 'pending');
  // The same quotes are marked in the text, by kind and status.
  await expect
    .poll(async () =>
      Object.values(await marked(editor, 'data-quote-id'))
        .filter((m) => m.kind === 'speech')
        .map((m) => m.text),
    )
    .toEqual([LAVROV_1, expect.stringContaining('كما ذكرت'), expect.stringContaining('تم التوصل')]);
  const names = Object.values(await marked(editor, 'data-quote-id')).filter((m) => m.kind === 'naming');
  expect(names.map((m) => m.text)).toEqual(['تاس', 'تاس']);
  await screenshot(page, 'factcheck-quotes');

  // Clicking a quote in the panel selects it in the text and opens its card.
  await speech.nth(2).getByTestId('quote-text').click();
  await expect(speech.nth(2)).toHaveClass(/fc-card-open/);
  const ushakovId = await speech.nth(2).getAttribute('data-quote-id');
  await expect.poll(async () => (await quoteInText(editor, ushakovId))?.classes).toContain('fc-active');

  // A pasted source with the first Lavrov quote in other hamza spellings: verified.
  await addPastedSource(panel, {
    title: 'وكالة تاس: كلمة لافروف في مينسك',
    publisher: 'تاس',
    url: 'https://tass.ru/politika/22264631',
    date: '2024-10-31',
    text: TASS_TEXT,
  });
  await expect(panel.getByTestId('fc-tab-sources')).toContainText('1');
  await panel.getByTestId('fc-tab-quotes').click();
  await panel.getByTestId('fc-verify').click();
  await expect(speech.first()).toHaveAttribute('data-status', 'verified');
  await expect(speech.first().getByTestId('quote-status')).toHaveText('مُتحقَّق منه');
  await expect(speech.first().getByTestId('quote-source')).toContainText('وكالة تاس');
  await expect(speech.first().getByTestId('quote-checked')).toContainText('منى المدققة');
  await expect(speech.nth(1)).toHaveAttribute('data-status', 'not_found');
  const lavrovId = await speech.first().getAttribute('data-quote-id');
  await expect.poll(async () => (await quoteInText(editor, lavrovId))?.status).toBe('verified');

  // The verified quote shows its passage in context and a diff without changes.
  await speech.first().getByTestId('quote-text').click();
  const evidence1 = speech.first().getByTestId('evidence');
  await expect(evidence1.getByTestId('source-passage').locator('mark')).toContainText('وايران');
  await expect(evidence1.getByTestId('source-passage')).toContainText('المؤتمر الدولي الثاني');
  await expect(evidence1.getByTestId('word-diff').locator('ins, del')).toHaveCount(0);

  // A second source where one word differs: the second Lavrov quote is a discrepancy, with its word diff.
  await addPastedSource(panel, {
    title: 'ريا نوفوستي: لافروف عن المعاهدة',
    publisher: 'ريا نوفوستي',
    url: 'https://ria.ru/20241031/lavrov.html',
    date: '2024-10-31',
    text: RIA_TEXT,
  });
  await expect(panel.getByTestId('source')).toHaveCount(2);
  await screenshot(page, 'factcheck-sources');
  await panel.getByTestId('fc-tab-quotes').click();
  await panel.getByTestId('fc-verify').click();
  const second = speech.nth(1);
  await expect(second).toHaveAttribute('data-status', 'discrepancy');
  await expect(speech.first()).toHaveAttribute('data-status', 'verified');
  await second.getByTestId('quote-text').click();
  const diff = second.getByTestId('word-diff');
  await expect(diff.locator('ins')).toHaveText(['ذكرت']);
  await expect(diff.locator('del')).toHaveText(['قلت']);
  await expect(diff).toHaveAttribute('dir', 'rtl');
  await expect(second.getByTestId('source-passage').locator('mark')).toHaveText(
    'كما قلت فإن المعاهدة قيد الإعداد للتوقيع عليها في المستقبل القريب',
  );
  const secondId = await second.getAttribute('data-quote-id');
  await expect
    .poll(async () => (await quoteInText(editor, secondId))?.classes)
    .toContain('fc-status-discrepancy');
  await screenshot(page, 'factcheck-discrepancy');

  // The whole source opens at the passage.
  await second.getByTestId('open-source').click();
  const sourceDialog = page.getByTestId('source-dialog');
  await expect(sourceDialog.getByTestId('source-text').locator('mark')).toBeInViewport();
  await expect(sourceDialog).toContainText('ريا نوفوستي');
  await screenshot(page, 'factcheck-source');
  await sourceDialog.getByRole('button', { name: 'إغلاق' }).click();
  await expect(sourceDialog).toBeHidden();

  // Waiving needs a reason: an empty one is refused, a written one is recorded.
  const ushakov = speech.nth(2);
  await expect(ushakov).toHaveAttribute('data-status', 'not_found');
  await ushakov.getByTestId('quote-text').click();
  await ushakov.getByTestId('waive').click();
  await ushakov.getByTestId('waive-confirm').click();
  await expect(ushakov.getByTestId('waive-error')).toHaveText('لا يُستثنى اقتباس دون سبب مكتوب.');
  await expect(ushakov).toHaveAttribute('data-status', 'not_found');
  await ushakov
    .getByTestId('waive-reason')
    .fill('تصريح منشور على موقع الكرملين الرسمي، لا يحتاج إلى مصدر آخر');
  await ushakov.getByTestId('waive-confirm').click();
  await expect(ushakov).toHaveAttribute('data-status', 'waived');
  await expect(ushakov.getByTestId('quote-waived')).toContainText('موقع الكرملين');
  await expect.poll(async () => (await quoteInText(editor, ushakovId))?.status).toBe('waived');
  await screenshot(page, 'factcheck-waived');

  // A comment on selected words: the thread and the highlight, plain text only.
  const paragraph = editor.locator('p').filter({ hasText: 'واعتبر لافروف' });
  await selectText(paragraph, 'مصلحة السلام والأمن');
  await panel.getByTestId('fc-tab-comments').click();
  await panel.getByTestId('comment-start').click();
  const form = panel.getByTestId('comment-form');
  await expect(form).toContainText('مصلحة السلام والأمن');
  const body = 'هل قال «السلام والأمن» حرفياً؟ <b>راجع النص الروسي</b>';
  await form.getByTestId('comment-input').fill(body);
  await form.getByTestId('comment-submit').click();
  const thread = panel.getByTestId('thread');
  await expect(thread).toHaveCount(1);
  await expect(thread.getByTestId('thread-anchor')).toHaveText('مصلحة السلام والأمن');
  await expect(thread.getByTestId('comment-body')).toHaveText(body);
  await expect(thread.locator('b')).toHaveCount(0);
  await expect
    .poll(async () => Object.values(await marked(editor, 'data-thread')).map((m) => m.text))
    .toEqual(['مصلحة السلام والأمن']);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await screenshot(page, 'factcheck-comment');

  // Reload: the thread and its highlight come back from the database.
  await app.open();
  await page.getByTestId('article-row').getByRole('button', { name: 'لافروف: روسيا وإيران' }).click();
  await expect(editor).toBeVisible();
  await expect
    .poll(async () => Object.values(await marked(editor, 'data-thread')).map((m) => m.text))
    .toEqual(['مصلحة السلام والأمن']);
  await page.getByTestId('toggle-factcheck').click();
  await expect(speech.nth(2)).toHaveAttribute('data-status', 'waived');
  await panel.getByTestId('fc-tab-comments').click();
  await expect(thread).toHaveCount(1);
  await expect(thread.getByTestId('comment-body')).toHaveText(body);
  await thread.getByTestId('thread-resolve').click();
  await expect(thread).toHaveAttribute('data-resolved', 'true');
  await expect(thread.getByTestId('thread-resolved')).toContainText('منى المدققة');
  await expect
    .poll(async () => Object.values(await marked(editor, 'data-thread'))[0]?.classes)
    .toContain('fc-comment-resolved');

  // The audit trail holds the verification results and the waiver with its reason.
  await panel.getByTestId('fc-tab-audit').click();
  const entries = panel.getByTestId('audit-entry');
  await expect(entries.first()).toHaveAttribute('data-action', 'comment.resolve');
  await expect(
    panel.locator('[data-action="quote.status"]').filter({ hasText: 'موقع الكرملين' }),
  ).toHaveCount(1);
  await expect(
    panel.locator('[data-action="quote.status"]').filter({ hasText: 'مُتحقَّق منه' }),
  ).not.toHaveCount(0);
  await screenshot(page, 'factcheck-audit');

  // The report opens in a frame that may run no script.
  await panel.getByTestId('fc-report').click();
  const report = page.getByTestId('report-dialog');
  const frame = report.getByTestId('report-frame');
  await expect(frame).toHaveAttribute('sandbox', '');
  // (The frame's document is checked through its srcdoc: a script-less frame cannot be inspected by script.)
  await expect(frame).toHaveAttribute('srcdoc', /<html[^>]*dir="rtl"/);
  await expect(frame).toHaveAttribute('srcdoc', /لافروف/);
  await expect(frame).toHaveAttribute('srcdoc', /موقع الكرملين/);
  await screenshot(page, 'factcheck-report');
  const download = page.waitForEvent('download');
  await report.getByTestId('report-download').click();
  expect((await download).suggestedFilename()).toMatch(/^factcheck-.*\.html$/);
  await report.getByRole('button', { name: 'إغلاق' }).click();

  expect(app.problems).toEqual([]);
});
