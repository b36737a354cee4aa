// An editor on the seed article with the whole article schema, as most renderer tests open one; every editor
// opened through here is destroyed after its test.
import { afterEach } from 'vitest';
import { Editor } from '@tiptap/core';
import { contentToDoc } from '../../src/renderer/editor/articleDoc';
import { articleExtensions } from '../../src/renderer/editor/articleExtensions';
import { seedContent } from './seedArticle';

const opened: Editor[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.destroy();
});

export function seedEditor(): Editor {
  const editor = new Editor({ extensions: articleExtensions(), content: contentToDoc(seedContent()) });
  opened.push(editor);
  return editor;
}
