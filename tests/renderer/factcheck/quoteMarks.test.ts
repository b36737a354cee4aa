// @vitest-environment happy-dom
// Quote marks in a real TipTap editor on the seed article: the live quotes equal a full extraction of the
// document after every kind of edit, unchanged blocks are not re-extracted, and the decorations carry the
// review status the services stored.
import { describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { extractQuotes } from '../../../src/core/quotes';
import { docToContent, type DocJSON } from '../../../src/renderer/editor/articleDoc';
import { bodyBlocks, offsetToPos } from '../../../src/renderer/editor/extensions/quoteMarks/bodyBlocks';
import {
  quoteMarksKey,
  quoteRange,
  readLiveQuotes,
  setActiveQuote,
  setQuoteReviews,
} from '../../../src/renderer/editor/extensions/quoteMarks/quoteMarks';

import { seedEditor } from '../seedEditor';

const open = seedEditor;

/** What the services would extract from the document as it is now. */
function fullExtraction(e: Editor) {
  return extractQuotes(docToContent(e.getJSON() as DocJSON).body).map((q) => ({
    id: q.id,
    kind: q.kind,
    block: q.block,
    from: q.from,
    to: q.to,
    parts: q.parts,
  }));
}

function live(e: Editor) {
  return readLiveQuotes(e.state).map((q) => ({
    id: q.id,
    kind: q.kind,
    block: q.block,
    from: q.from,
    to: q.to,
    parts: q.parts,
  }));
}

/** Document position of `offset` in the text of body block `block`. */
function pos(e: Editor, block: number, offset: number): number {
  return offsetToPos(bodyBlocks(e.state.doc)[block]!, offset);
}

function textOf(e: Editor, block: number): string {
  return bodyBlocks(e.state.doc)[block]!.node.textContent;
}

describe('quote marks', () => {
  it('finds the seed quotes in the editor exactly as the services do', () => {
    const e = open();
    const quotes = readLiveQuotes(e.state);
    expect(live(e)).toEqual(fullExtraction(e));
    const speech = quotes.filter((q) => q.kind === 'speech');
    expect(speech.map((q) => q.speaker)).toEqual(['سيرجي لافروف', 'سيرجي لافروف', 'يوري أوشاكوف']);
    expect(quotes.filter((q) => q.kind === 'naming').map((q) => q.text)).toEqual(['تاس', 'تاس']);
  });

  it('stays equal to a full extraction through typing, splitting, joining and deleting paragraphs', () => {
    const e = open();
    const lavrov = readLiveQuotes(e.state).find((q) => q.kind === 'speech')!;
    // Typing inside a quote changes its words (and id), nothing else.
    e.commands.insertContentAt(pos(e, lavrov.block, lavrov.from + 8), 'جداً ');
    expect(live(e)).toEqual(fullExtraction(e));
    // Typing before a quote in its paragraph moves it.
    e.commands.insertContentAt(pos(e, lavrov.block, 0), 'وبحسب المصدر، ');
    expect(live(e)).toEqual(fullExtraction(e));
    // Splitting a paragraph renumbers the blocks after it.
    e.chain()
      .setTextSelection(pos(e, 1, 5))
      .splitBlock()
      .run();
    expect(live(e)).toEqual(fullExtraction(e));
    // A paragraph that ends inside a quote is continued by the next one that opens with a quote mark.
    const last = bodyBlocks(e.state.doc).length - 1;
    e.commands.insertContentAt(pos(e, last, textOf(e, last).length), ' وقال: "نحن مستعدون للحوار مع الجميع');
    e.chain()
      .setTextSelection(pos(e, last, textOf(e, last).length))
      .splitBlock()
      .run();
    e.commands.insertContentAt(pos(e, last + 1, 0), '"وسنواصل العمل معاً".');
    expect(live(e)).toEqual(fullExtraction(e));
    const multi = readLiveQuotes(e.state).find((q) => q.parts.length > 1);
    expect(multi?.parts.map((p) => p.block)).toEqual([last, last + 1]);
    // Joining two paragraphs and deleting one.
    e.chain()
      .setTextSelection(pos(e, 2, 0))
      .joinBackward()
      .run();
    expect(live(e)).toEqual(fullExtraction(e));
    const b = bodyBlocks(e.state.doc)[3]!;
    e.view.dispatch(e.state.tr.delete(b.pos, b.pos + b.node.nodeSize));
    expect(live(e)).toEqual(fullExtraction(e));
    // Undo brings the whole history back, still in step.
    while (e.can().undo()) e.commands.undo();
    expect(live(e)).toEqual(fullExtraction(e));
  });

  it('re-extracts only the edited block and its neighbours', () => {
    const e = open();
    const before = quoteMarksKey.getState(e.state)!;
    e.commands.insertContentAt(pos(e, 6, 3), 'كلمة ');
    const after = quoteMarksKey.getState(e.state)!;
    const reread = after.blocks.map((b, i) => b.quotes !== before.blocks[i]!.quotes);
    // Block 6 is the Ushakov claim paragraph: its own quotes are read again; blocks far away keep theirs.
    expect(reread[6]).toBe(true);
    expect(reread.filter((r, i) => r && Math.abs(i - 6) > 1)).toEqual([]);
    // A transaction that changes no text reads nothing again.
    e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, pos(e, 2, 1))));
    expect(quoteMarksKey.getState(e.state)!.blocks.map((b) => b.quotes)).toEqual(
      after.blocks.map((b) => b.quotes),
    );
    expect(quoteMarksKey.getState(e.state)!.version).toBe(after.version);
  });

  it('colours each quote by its stored review and marks the active one', () => {
    const e = open();
    const [first, second] = readLiveQuotes(e.state).filter((q) => q.kind === 'speech');
    const quoteEl = (id: string) => e.view.dom.querySelector(`[data-quote-id="${id}"]`)!;
    expect(quoteEl(first!.id).getAttribute('data-quote-status')).toBe('pending');
    setQuoteReviews(
      e,
      [
        { id: first!.id, status: 'verified' },
        { id: second!.id, status: 'discrepancy' },
      ],
      [],
    );
    expect(quoteEl(first!.id).getAttribute('data-quote-status')).toBe('verified');
    expect(quoteEl(first!.id).className).toContain('fc-status-verified');
    expect(quoteEl(second!.id).className).toContain('fc-status-discrepancy');
    expect(quoteEl(first!.id).textContent).toBe(first!.text);
    // Editing elsewhere keeps the status (the decoration maps through the change).
    e.commands.insertContentAt(pos(e, 5, 0), 'ثم ');
    expect(quoteEl(first!.id).getAttribute('data-quote-status')).toBe('verified');
    setActiveQuote(e, second!.id);
    expect(quoteEl(second!.id).className).toContain('fc-active');
    expect(quoteRange(e.state, second!.id)).toEqual({
      from: pos(e, second!.block, second!.from),
      to: pos(e, second!.block, second!.to),
    });
    // The editor's text and document never change for a decoration.
    expect(docToContent(e.getJSON() as DocJSON).body[second!.block]!.marks).toBeUndefined();
  });

  it('finds a claim marked by hand by its words, even after they moved', () => {
    const e = open();
    const text = textOf(e, 8);
    const words = 'العلاقات العسكرية مع البلدين';
    const from = text.indexOf(words);
    setQuoteReviews(
      e,
      [{ id: 'c8-x', status: 'not_found' }],
      [{ id: 'c8-x', block: 8, from, to: from + words.length, text: words }],
    );
    const el = () => e.view.dom.querySelector('[data-quote-id="c8-x"]');
    expect(el()?.textContent).toBe(words);
    expect(el()?.className).toContain('fc-kind-claim');
    e.chain()
      .setTextSelection(pos(e, 8, 0))
      .splitBlock()
      .run();
    setQuoteReviews(
      e,
      [{ id: 'c8-x', status: 'not_found' }],
      [{ id: 'c8-x', block: 8, from, to: from + words.length, text: words }],
    );
    expect(el()?.textContent).toBe(words);
  });

  it('draws a merged quote over its paragraphs and no longer draws the quotes it replaced', () => {
    const e = open();
    const [first, second] = readLiveQuotes(e.state).filter((q) => q.kind === 'speech');
    const span = (q: typeof first) => ({
      block: q!.block,
      from: q!.from,
      to: q!.to,
      text: textOf(e, q!.block).slice(q!.from, q!.to),
    });
    setQuoteReviews(
      e,
      [{ id: 'h3-m', status: 'verified' }],
      [{ id: 'h3-m', kind: 'speech', ...span(first), more: [span(second)] }],
      [first!.id, second!.id],
    );
    const drawn = (id: string) => Array.from(e.view.dom.querySelectorAll(`[data-quote-id="${id}"]`));
    expect(drawn(first!.id)).toHaveLength(0);
    expect(drawn(second!.id)).toHaveLength(0);
    const merged = drawn('h3-m');
    expect(merged.map((el) => el.textContent)).toEqual([first!.text, second!.text]);
    for (const el of merged) {
      expect(el.className).toContain('fc-kind-speech');
      expect(el.className).toContain('fc-hand');
      expect(el.getAttribute('data-quote-status')).toBe('verified');
    }
    // Typing inside the first paragraph re-extracts it; the replaced quote stays undrawn.
    e.commands.insertContentAt(pos(e, first!.block, 0), 'ثم ');
    expect(drawn(first!.id)).toHaveLength(0);
    // Restored: the extracted quotes are drawn again.
    setQuoteReviews(e, [], []);
    expect(drawn(first!.id).map((el) => el.textContent)).toEqual([first!.text]);
    expect(drawn('h3-m')).toHaveLength(0);
  });
});
