// Splitting and merging quotes through the Quotes panel in real Chromium against the real services: a split
// at a word picked in the card and one at the caret in the text, a merge with the next quote across two
// paragraphs, the hand-marked quotes in the panel and in the text, the audit trail, and restoring the
// automatic quotes.
import type { Locator } from '@playwright/test';
import { expect, importSeed, screenshot, test } from './harness';

/** Puts the caret just before `words` inside `block`, as a click there would. */
async function caretBefore(block: Locator, words: string): Promise<void> {
  await block.click();
  await block.evaluate((el, w) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let text = '';
    const nodes: { node: Node; start: number }[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start: text.length });
      text += n.textContent ?? '';
    }
    const at = text.indexOf(w);
    if (at < 0) throw new Error(`"${w}" not found`);
    const hit = [...nodes].reverse().find((x) => x.start <= at)!;
    const range = document.createRange();
    range.setStart(hit.node, at - hit.start);
    range.collapse(true);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, words);
}

/** The text marked for each quote id in the editor, with whether it is drawn as hand-marked. */
function markedQuotes(editor: Locator): Promise<Record<string, { text: string; hand: boolean }>> {
  return editor.evaluate((root) => {
    const out: Record<string, { text: string; hand: boolean }> = {};
    for (const el of Array.from(root.querySelectorAll('[data-quote-id][data-quote-kind="speech"]'))) {
      const m = (out[el.getAttribute('data-quote-id')!] ??= { text: '', hand: false });
      m.text += el.textContent ?? '';
      m.hand ||= el.classList.contains('fc-hand');
    }
    return out;
  });
}

test('split a quote at a picked word and at the caret, merge with the next, restore', async ({ app }) => {
  const { page } = app;
  await app.invoke('user:set', { name: 'منى المدققة' });
  await app.open();
  await importSeed(page);
  const editor = page.getByTestId('editor');
  await page.getByTestId('toggle-factcheck').click();
  const panel = page.getByTestId('factcheck-panel');
  const speech = panel.locator('[data-testid="quote"][data-kind="speech"]');
  await expect(speech).toHaveCount(3);
  const autoIds = await speech.evaluateAll((els) => els.map((e) => e.getAttribute('data-quote-id')!));

  // Ushakov's long quote, split before "وتقرر" picked among its words in the card.
  await speech.nth(2).getByTestId('quote-text').click();
  await speech.nth(2).getByTestId('split-here').click();
  const picker = speech.nth(2).getByTestId('split-picker');
  await expect(picker).toBeVisible();
  await picker
    .getByTestId('split-word')
    .filter({ hasText: /^وتقرر$/ })
    .click();
  await expect(speech).toHaveCount(4);
  const halves = panel.locator('[data-testid="quote"][data-hand="true"]');
  await expect(halves).toHaveCount(2);
  await expect(halves.getByTestId('quote-speaker')).toHaveText(['يوري أوشاكوف', 'يوري أوشاكوف']);
  await expect(halves.getByTestId('quote-hand')).toHaveText(['محدَّد يدوياً', 'محدَّد يدوياً']);
  await expect(halves.first().getByTestId('quote-text')).toHaveText(/على عجل،$/);
  await expect(halves.nth(1).getByTestId('quote-text')).toHaveText(/^وتقرر أن يتم التوقيع/);
  // In the text the whole quote gives way to its two halves, drawn as hand-marked.
  await expect
    .poll(async () => {
      const m = await markedQuotes(editor);
      return {
        whole: autoIds[2]! in m,
        hand: Object.values(m)
          .filter((q) => q.hand)
          .map((q) => q.text),
      };
    })
    .toEqual({
      whole: false,
      hand: [expect.stringMatching(/^تم التوصل.*على عجل،$/), expect.stringMatching(/^وتقرر.*القريب جداً$/)],
    });
  await screenshot(page, 'quotes-split');

  // The first Lavrov quote merged with the next one (the paragraph after it).
  await speech.first().getByTestId('quote-text').click();
  await speech.first().getByTestId('merge-next').click();
  await expect(speech).toHaveCount(3);
  const merged = speech.first();
  await expect(merged).toHaveAttribute('data-hand', 'true');
  await expect(merged.getByTestId('quote-speaker')).toHaveText('سيرجي لافروف');
  await expect(merged.getByTestId('quote-text')).toContainText('التوقيع المرتقب');
  await expect(merged.getByTestId('quote-text')).toContainText('كما ذكرت');
  const mergedId = await merged.getAttribute('data-quote-id');
  await expect
    .poll(async () => {
      const m = await markedQuotes(editor);
      return [autoIds[0]! in m, autoIds[1]! in m, m[mergedId!]?.hand];
    })
    .toEqual([false, false, true]);
  await screenshot(page, 'quotes-merged');

  // Restoring brings both Lavrov quotes back.
  await expect(merged).toHaveClass(/fc-card-open/);
  await merged.getByTestId('restore-auto').click();
  await expect(speech).toHaveCount(4);
  await expect(speech.first()).toHaveAttribute('data-quote-id', autoIds[0]!);
  await expect(speech.nth(1)).toHaveAttribute('data-quote-id', autoIds[1]!);

  // A split at the caret: the first Lavrov quote, before "من شأنه".
  const lavrovCard = speech.first();
  await lavrovCard.getByTestId('quote-text').click();
  await caretBefore(editor.locator('p').filter({ hasText: 'التوقيع المرتقب' }), 'من شأنه');
  await expect(lavrovCard).toHaveClass(/fc-card-open/);
  await lavrovCard.getByTestId('split-here').click();
  await expect(speech).toHaveCount(5);
  await expect(speech.first().getByTestId('quote-text')).toHaveText(
    'التوقيع المرتقب على معاهدة الشراكة الاستراتيجية الشاملة بين روسيا وإيران',
  );
  await expect(speech.nth(1).getByTestId('quote-text')).toHaveText(/^من شأنه أن يعزز/);
  await expect(speech.first()).toHaveAttribute('data-hand', 'true');

  // Each step is in the log.
  await panel.getByTestId('fc-tab-audit').click();
  const entries = panel.getByTestId('audit-entry');
  await expect(entries.first()).toHaveAttribute('data-action', 'quote.split');
  await expect(panel.locator('[data-action="quote.merge"]')).toHaveCount(1);
  await expect(panel.locator('[data-action="quote.restore"]')).toHaveCount(1);
  await expect(panel.locator('[data-action="quote.split"]')).toHaveCount(2);
  await expect(panel.locator('[data-action="quote.merge"]')).toContainText('دمج اقتباسات');

  // Restoring every split gives the three automatic quotes back, as the article was imported.
  await panel.getByTestId('fc-tab-quotes').click();
  for (const i of [0, 1]) {
    const hand = panel.locator('[data-testid="quote"][data-hand="true"]').first();
    await hand.getByTestId('quote-text').click();
    await hand.getByTestId('restore-auto').click();
    await expect(panel.locator('[data-testid="quote"][data-hand="true"]')).toHaveCount(2 - 2 * i);
  }
  await expect(speech).toHaveCount(3);
  await expect
    .poll(() => speech.evaluateAll((els) => els.map((e) => e.getAttribute('data-quote-id'))))
    .toEqual(autoIds);
  await screenshot(page, 'quotes-restored');
});
