// @vitest-environment happy-dom
// Reverting one change of a compared pair in a real TipTap editor: the old text comes back in one undo step,
// a change whose text was edited again since is refused, and whole paragraphs come back and go again.
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import type { ArticleContent } from '../../../src/core/article/model';
import { contentToDoc, docToContent, type DocJSON } from '../../../src/renderer/editor/articleDoc';
import { articleExtensions } from '../../../src/renderer/editor/articleExtensions';
import {
  buildCompareModel,
  planRevert,
  type Change,
} from '../../../src/renderer/features/changes/changeModel';
import { revertInEditor } from '../../../src/renderer/features/changes/revertInEditor';
import { seedContent } from '../seedArticle';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function open(content: ArticleContent): Editor {
  editor = new Editor({ extensions: articleExtensions(), content: contentToDoc(content) });
  return editor;
}

const current = (e: Editor): ArticleContent => docToContent(e.getJSON() as DocJSON);

/** The seed with the copy error after قال fixed: أن → إنّ. */
function fixed(): { before: ArticleContent; after: ArticleContent; block: number } {
  const before = seedContent();
  const after = structuredClone(before);
  const block = after.body.findIndex((b) => b.text.includes('مينسك، أن "'));
  after.body[block]!.text = after.body[block]!.text.replace('مينسك، أن "', 'مينسك، إنّ "');
  return { before, after, block };
}

function revert(e: Editor, c: Change, newer: ArticleContent): boolean {
  const plan = planRevert(c, newer, current(e));
  return plan !== null && revertInEditor(e, plan);
}

describe('compare model', () => {
  it('shows أن → إنّ as one changed word with the letters that changed, and counts it', () => {
    const { before, after } = fixed();
    const m = buildCompareModel(before, after);
    expect(m.diff.summary).toEqual({ wordsAdded: 0, wordsRemoved: 0, wordsChanged: 1 });
    expect(m.changes).toHaveLength(1);
    const word = m.rows.flatMap((r) => r.pieces).find((p) => p.kind === 'word');
    expect(word).toMatchObject({ kind: 'word', oldText: 'أن', newText: 'إنّ' });
    expect(word?.kind === 'word' && word.chars.filter((c) => c.op !== 'equal').map((c) => c.text)).toEqual([
      'أ',
      'إ',
      'ن',
      'نّ',
    ]);
  });
});

describe('revert one change', () => {
  it('puts the old word back as one undo step', () => {
    const { before, after, block } = fixed();
    const e = open(after);
    const [change] = buildCompareModel(before, after).changes;
    expect(revert(e, change!, after)).toBe(true);
    expect(current(e).body[block]!.text).toBe(before.body[block]!.text);
    expect(current(e)).toEqual(before);
    e.commands.undo();
    expect(current(e).body[block]!.text).toBe(after.body[block]!.text);
  });

  it('follows the change into text edited elsewhere since, and refuses when the word itself was edited', () => {
    const { before, after, block } = fixed();
    const later = structuredClone(after);
    later.headline = `عاجل: ${later.headline}`;
    later.body[block]!.text = `ثم ${later.body[block]!.text}`;
    const e = open(later);
    const [change] = buildCompareModel(before, after).changes;
    expect(revert(e, change!, after)).toBe(true);
    expect(current(e).body[block]!.text).toBe(`ثم ${before.body[block]!.text}`);
    expect(current(e).headline).toBe(later.headline);

    const edited = structuredClone(after);
    edited.body[block]!.text = edited.body[block]!.text.replace('إنّ "', 'إنَّ "');
    const e2 = open(edited);
    expect(planRevert(change!, after, current(e2))).toBeNull();
  });

  it('brings back a deleted paragraph in its place and removes an added one', () => {
    const before = seedContent();
    const after = structuredClone(before);
    const [removed] = after.body.splice(2, 1);
    after.body.push({ type: 'paragraph', text: 'فقرة جديدة أضيفت في آخر الخبر.' });
    const m = buildCompareModel(before, after);
    const kinds = m.changes.map((c) => c.kind);
    expect(kinds).toEqual(['deleteBlock', 'insertBlock']);
    const e = open(after);
    for (const c of m.changes) expect(revert(e, c, after)).toBe(true);
    expect(current(e).body.map((b) => b.text)).toEqual(before.body.map((b) => b.text));
    expect(current(e).body[2]!.text).toBe(removed!.text);
  });
});
