// @vitest-environment happy-dom
// Where an approval gate's "jump to the problem" lands: an extracted quote by its own words, a quote marked by
// hand (a split half) by its marked words rather than the whole paragraph, a finding by its offsets.
import { describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { extractQuotes } from '../../../src/core/quotes';
import { setQuoteReviews } from '../../../src/renderer/editor/extensions/quoteMarks/quoteMarks';
import { locateTarget } from '../../../src/renderer/features/workflow/jumpToTarget';
import { seedContent } from '../seedArticle';
import { seedEditor } from '../seedEditor';

const open = seedEditor;

const text = (ed: Editor, r: { from: number; to: number } | null) =>
  r ? ed.state.doc.textBetween(r.from, r.to) : null;

describe('jumping to a gate target', () => {
  it('selects an extracted quote by its own words', () => {
    const ed = open();
    const q = extractQuotes(seedContent().body).find((x) => x.kind === 'speech')!;
    const r = locateTarget(ed.state, { kind: 'quote', quote: q.id, block: q.block });
    expect(text(ed, r)).toBe(seedContent().body[q.block]!.text.slice(q.from, q.to));
  });

  it('selects the marked words of a hand-made quote, not its whole paragraph', () => {
    const ed = open();
    const q = extractQuotes(seedContent().body).find((x) => x.kind === 'speech')!;
    const paragraph = seedContent().body[q.block]!.text;
    const words = paragraph.slice(q.from, q.to).split(' ').slice(0, 4).join(' ');
    const from = paragraph.indexOf(words);
    setQuoteReviews(
      ed,
      [{ id: 'hand-1', status: 'pending' }],
      [{ id: 'hand-1', kind: 'speech', block: q.block, from, to: from + words.length, text: words }],
      [q.id],
    );
    const r = locateTarget(ed.state, { kind: 'quote', quote: 'hand-1', block: q.block });
    expect(text(ed, r)).toBe(words);
    // A quote the document no longer has falls back to its paragraph.
    const gone = locateTarget(ed.state, { kind: 'quote', quote: 'gone', block: q.block });
    expect(text(ed, gone)).toBe(paragraph);
  });

  it('selects a finding by its offsets in the block', () => {
    const ed = open();
    const block = seedContent().body.findIndex((b) => b.text.includes('"تاس" .'));
    const at = seedContent().body[block]!.text.indexOf('"تاس" .');
    const r = locateTarget(ed.state, { kind: 'block', block, from: at, to: at + 7 });
    expect(text(ed, r)).toBe('"تاس" .');
  });
});
