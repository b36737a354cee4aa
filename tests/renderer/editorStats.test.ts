// @vitest-environment happy-dom
// The status bar's counts: the same numbers the store computes for a revision, and a notification only when
// a count actually changes (typing inside a word changes characters, not words).
import { describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { contentToPlainText, countWords } from '../../src/core/article/model';
import { contentToDoc, docToContent, type DocJSON } from '../../src/renderer/editor/articleDoc';
import { articleExtensions } from '../../src/renderer/editor/articleExtensions';
import { createStatsStore } from '../../src/renderer/features/editor/editorStats';
import { seedContent } from './seedArticle';

describe('editor stats store', () => {
  it('counts what the revision store counts and notifies only on change', () => {
    const seed = seedContent();
    const editor = new Editor({ extensions: articleExtensions(), content: contentToDoc(seed) });
    const store = createStatsStore();
    let notified = 0;
    store.subscribe(() => notified++);
    const update = () => store.update(docToContent(editor.getJSON() as DocJSON));

    update();
    expect(store.get().words).toBe(countWords(contentToPlainText(seed)));
    expect(notified).toBe(1);
    update();
    expect(notified).toBe(1);

    const end = editor.state.doc.content.size - 1;
    editor.chain().setTextSelection(end).insertContent(' وأكد').run();
    update();
    expect(store.get().words).toBe(countWords(contentToPlainText(seed)) + 1);
    editor.chain().insertContent('ت').run();
    const before = store.get();
    update();
    expect(store.get()).toEqual({ words: before.words, chars: before.chars + 1 });
    expect(notified).toBe(3);
    editor.destroy();
  });
});
