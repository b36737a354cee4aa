// @vitest-environment happy-dom
// The editor's article schema: accepts the seed's structure in the order the model defines, refuses others.
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { contentToDoc, type DocJSON } from '../../src/renderer/editor/articleDoc';
import { articleExtensions } from '../../src/renderer/editor/articleExtensions';
import { seedContent } from './seedArticle';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function schema() {
  editor = new Editor({ extensions: articleExtensions() });
  return editor.schema;
}

describe('article schema', () => {
  it('accepts the seed: headline, figure, dateline, sub-heading and paragraphs', () => {
    const s = schema();
    const doc = s.nodeFromJSON(contentToDoc(seedContent()));
    expect(() => doc.check()).not.toThrow();
    const types: string[] = [];
    doc.forEach((n) => types.push(n.type.name));
    expect(types.slice(0, 3)).toEqual(['headline', 'figure', 'dateline']);
    expect(types.filter((t) => t === 'paragraph')).toHaveLength(8);
    expect(types.indexOf('subheading')).toBe(7);
    const figure = doc.child(1);
    expect(figure.attrs).toMatchObject({ date: '27 أغسطس 2024', credit: 'Reuters' });
    expect(doc.child(2).attrs).toEqual({ place: 'دبي', sources: ['الشرق', 'رويترز'] });
  });

  it('refuses a document without a dateline or with parts out of order', () => {
    const s = schema();
    const json = contentToDoc(seedContent());
    const withoutDateline: DocJSON = { ...json, content: json.content!.filter((n) => n.type !== 'dateline') };
    expect(() => s.nodeFromJSON(withoutDateline).check()).toThrow();
    const [headline, figure, ...rest] = json.content!;
    const swapped: DocJSON = { ...json, content: [figure!, headline!, ...rest] };
    expect(() => s.nodeFromJSON(swapped).check()).toThrow();
  });

  it('lets the author type into the body, and undo it', () => {
    editor = new Editor({ extensions: articleExtensions(), content: contentToDoc(seedContent()) });
    const before = editor.state.doc.textContent;
    const end = editor.state.doc.content.size - 1;
    editor.chain().setTextSelection(end).insertContent(' تحديث').run();
    expect(editor.state.doc.textContent).toBe(before + ' تحديث');
    editor.commands.undo();
    expect(editor.state.doc.textContent).toBe(before);
  });
});
