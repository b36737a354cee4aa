// @vitest-environment happy-dom
// Comment anchors in a real TipTap editor: a comment mark put on a selection is saved in the block's marks
// as { type: 'comment', attrs: { thread } }, survives the round trip through the stored article, and is
// highlighted by the state of its thread.
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { contentToDoc, docToContent, type DocJSON } from '../../../src/renderer/editor/articleDoc';
import { articleExtensions } from '../../../src/renderer/editor/articleExtensions';
import {
  addCommentMark,
  anchoredThreads,
  setActiveThread,
  setCommentThreads,
  threadRange,
} from '../../../src/renderer/editor/extensions/comments/comments';
import { bodyBlocks, offsetToPos } from '../../../src/renderer/editor/extensions/quoteMarks/bodyBlocks';
import type { ArticleContent } from '../../../src/core/article/model';
import { seedContent } from '../seedArticle';

const editors: Editor[] = [];
afterEach(() => {
  while (editors.length) editors.pop()!.destroy();
});

function open(content: ArticleContent): Editor {
  const e = new Editor({ extensions: articleExtensions(), content: contentToDoc(content) });
  editors.push(e);
  return e;
}

function rangeOf(e: Editor, block: number, words: string): { from: number; to: number; at: number } {
  const b = bodyBlocks(e.state.doc)[block]!;
  const at = b.node.textContent.indexOf(words);
  return { from: offsetToPos(b, at), to: offsetToPos(b, at + words.length), at };
}

describe('comment anchors', () => {
  it('saves a comment on a selection as a comment span and highlights it', () => {
    const e = open(seedContent());
    const words = 'الجلسة';
    const r = rangeOf(e, 1, 'الجلسة العامة للمؤتمر');
    expect(addCommentMark(e, 't1', r.from, r.to)).toBe(true);
    const body = docToContent(e.getJSON() as DocJSON).body;
    expect(body[1]!.marks).toEqual([
      { type: 'comment', from: r.at, to: r.at + 'الجلسة العامة للمؤتمر'.length, attrs: { thread: 't1' } },
    ]);
    const el = e.view.dom.querySelector('[data-thread="t1"]')!;
    expect(el.textContent).toContain(words);
    expect(el.className).toBe('fc-comment');
    expect(anchoredThreads(e.state)).toEqual(['t1']);

    // Stored and opened again (a reload): the anchor and its highlight are still there.
    const again = open({ ...seedContent(), body });
    expect(again.view.dom.querySelector('[data-thread="t1"]')?.textContent).toBe('الجلسة العامة للمؤتمر');
    setCommentThreads(again, ['t1']);
    expect(again.view.dom.querySelector('[data-thread="t1"]')!.className).toContain('fc-comment-resolved');
    setActiveThread(again, 't1');
    expect(again.view.dom.querySelector('[data-thread="t1"]')!.className).toContain('fc-comment-active');
    expect(threadRange(again.state.doc, 't1')).toEqual({ from: r.from, to: r.to });
  });

  it('follows its words through edits and refuses selections outside the body', () => {
    const e = open(seedContent());
    const r = rangeOf(e, 3, 'مصلحة السلام');
    addCommentMark(e, 't2', r.from, r.to);
    e.commands.insertContentAt(offsetToPos(bodyBlocks(e.state.doc)[3]!, 0), 'كذلك ');
    const marks = docToContent(e.getJSON() as DocJSON).body[3]!.marks!;
    const text = docToContent(e.getJSON() as DocJSON).body[3]!.text;
    expect(text.slice(marks[0]!.from, marks[0]!.to)).toBe('مصلحة السلام');
    expect(e.view.dom.querySelector('[data-thread="t2"]')?.textContent).toBe('مصلحة السلام');
    // The headline keeps no marks: a comment there would be lost on saving.
    expect(addCommentMark(e, 't3', 2, 6)).toBe(false);
    expect(addCommentMark(e, 't3', r.from, r.from)).toBe(false);
  });
});
