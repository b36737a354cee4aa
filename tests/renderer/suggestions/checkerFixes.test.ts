// @vitest-environment happy-dom
// While suggestion mode is on, the checker's one-click fix is a tracked change like any other edit: the old
// text struck, the suggestion inserted, both credited to the editor — and rejecting it restores the copy.
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { contentToDoc } from '../../../src/renderer/editor/articleDoc';
import { articleExtensions } from '../../../src/renderer/editor/articleExtensions';
import { applySuggestion, liveFindings } from '../../../src/renderer/editor/extensions/checker/checker';
import {
  listSuggestions,
  resolveSuggestions,
  setSuggestMode,
} from '../../../src/renderer/editor/extensions/suggestions/suggestions';
import { seedContent } from '../seedArticle';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

const lavrov = (ed: Editor): string => {
  let text = '';
  ed.state.doc.forEach((n) => {
    if (n.textContent.startsWith('وقال لافروف،')) text = n.textContent;
  });
  return text;
};

describe('checker fixes in suggestion mode', () => {
  it('become an insertion and a deletion by the editor, and reject brings the original back', () => {
    editor = new Editor({ extensions: articleExtensions(), content: contentToDoc(seedContent()) });
    const original = lavrov(editor);
    setSuggestMode(editor, true, 'ليلى');
    const anna = liveFindings(editor.state).find((f) => f.finding.ruleId === 'grammar.inna-after-qala')!;
    expect(applySuggestion(editor, anna.id)).toBe(true);

    // Nothing is removed yet: the old word stays in the text, struck, beside the suggested one.
    expect(lavrov(editor)).toContain('أن');
    expect(lavrov(editor)).toContain('إن');
    const pending = listSuggestions(editor.state.doc);
    expect(pending.map((s) => [s.type, s.text, s.author])).toEqual(
      expect.arrayContaining([
        ['deletion', 'أن', 'ليلى'],
        ['insertion', 'إن', 'ليلى'],
      ]),
    );

    resolveSuggestions(editor, 'reject');
    expect(lavrov(editor)).toBe(original);
  });
});
