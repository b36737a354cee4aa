// @vitest-environment happy-dom
// The photo, code and tag parts of the editor on a real TipTap editor with the article schema: codes expand
// as they are typed (one undo gives the code back), figures are inserted where the schema keeps them, the
// caption rules run on the live figures, and tags are document steps that reach the saved content.
import { describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import type { EditorView } from '@tiptap/pm/view';
import { docToContent, type DocJSON } from '../../../src/renderer/editor/articleDoc';
import { setCodesTr } from '../../../src/renderer/editor/extensions/codes/codeReplacements';
import {
  captionCheckKey,
  computeCaptionFindings,
} from '../../../src/renderer/editor/extensions/figure/captionCheck';
import { addTag, readTags, removeTag, retag } from '../../../src/renderer/features/tags/tagsDoc';
import { DEFAULT_CAPTION_STYLE } from '../../../src/core/captions/style';
import { tagKey } from '../../../src/core/tags/vocabulary';
import { seedEditor } from '../seedEditor';

const open = seedEditor;

/** Types text at the cursor the way the browser's input reaches ProseMirror: through handleTextInput first. */
function type(view: EditorView, text: string): void {
  for (const ch of text) {
    const { from, to } = view.state.selection;
    const handled = view.someProp('handleTextInput', (f) =>
      f(view, from, to, ch, () => view.state.tr.insertText(ch, from, to)),
    );
    if (!handled) view.dispatch(view.state.tr.insertText(ch, from, to));
  }
}

function lastBlockText(e: Editor): string {
  return e.state.doc.lastChild!.textContent;
}

describe('code replacements', () => {
  it('expands a complete code typed at the end of a paragraph; one undo brings the code back', () => {
    const e = open();
    e.view.dispatch(setCodesTr(e.state, [{ code: '=لاف=', expansion: 'وزير الخارجية الروسي سيرجي لافروف' }]));
    e.commands.setTextSelection(e.state.doc.content.size - 1);
    const before = lastBlockText(e);
    type(e.view, ' وقال =لاف=');
    expect(lastBlockText(e)).toBe(`${before} وقال وزير الخارجية الروسي سيرجي لافروف`);
    e.commands.undo();
    expect(lastBlockText(e)).toBe(`${before} وقال =لاف=`);
    e.commands.redo();
    expect(lastBlockText(e)).toBe(`${before} وقال وزير الخارجية الروسي سيرجي لافروف`);
  });

  it('leaves unknown codes, codes glued to a word and an empty table alone', () => {
    const e = open();
    e.commands.setTextSelection(e.state.doc.content.size - 1);
    const before = lastBlockText(e);
    type(e.view, ' =لاف=');
    expect(lastBlockText(e)).toBe(`${before} =لاف=`);
    e.view.dispatch(setCodesTr(e.state, [{ code: '=لاف=', expansion: 'لافروف' }]));
    type(e.view, ' كلمة=لاف= =بوت=');
    expect(lastBlockText(e)).toBe(`${before} =لاف= كلمة=لاف= =بوت=`);
  });

  it('expands in a photo caption too', () => {
    const e = open();
    e.view.dispatch(setCodesTr(e.state, [{ code: '#رو#', expansion: 'رويترز' }]));
    const figure = e.state.doc.child(1);
    expect(figure.type.name).toBe('figure');
    const headlineSize = e.state.doc.child(0).nodeSize;
    e.commands.setTextSelection(headlineSize + figure.nodeSize - 1);
    type(e.view, ' - #رو#');
    expect(e.state.doc.child(1).textContent.endsWith('بروسيا. - رويترز')).toBe(true);
  });
});

describe('figures', () => {
  it('inserts a new figure after the existing ones, before the dateline, as one undoable step', () => {
    const e = open();
    const figure = {
      image: 'a'.repeat(64),
      caption: 'الرئيس الإيراني مسعود بزشكيان خلال مؤتمر صحافي في طهران',
      credit: 'أ ف ب',
      photographer: 'عطا كناره',
      date: '23 أكتوبر 2024',
      altText: '',
    };
    expect(e.commands.insertFigure(figure)).toBe(true);
    const content = docToContent(e.getJSON() as DocJSON);
    expect(content.figures).toHaveLength(2);
    expect(content.figures[1]).toEqual(figure);
    expect(e.state.doc.child(3).type.name).toBe('dateline');
    e.commands.undo();
    expect(docToContent(e.getJSON() as DocJSON).figures).toHaveLength(1);
  });

  it('checks the live captions: the seed credit Reuters is flagged with رويترز', async () => {
    const e = open();
    const findings = computeCaptionFindings(e.state.doc, DEFAULT_CAPTION_STYLE);
    const agency = findings.find((f) => f.ruleId === 'caption.agency-latin');
    expect(agency).toMatchObject({ field: 'figures.0.credit', text: 'Reuters', suggestions: ['رويترز'] });
    // The plugin runs the same check on its own, a moment after the editor appears.
    await expect.poll(() => captionCheckKey.getState(e.state)?.stale).toBe(false);
    expect(captionCheckKey.getState(e.state)!.findings.map((f) => f.ruleId)).toContain(
      'caption.agency-latin',
    );
    expect(e.storage.captionCheck.findings.get()).toBe(captionCheckKey.getState(e.state)!.findings);
  });
});

describe('tags', () => {
  it('adds and removes tags as document steps that reach the saved content and can be undone', () => {
    const e = open();
    expect(readTags(e.state)).toEqual([]);
    expect(addTag(e, 'روسيا')).toBe(true);
    expect(addTag(e, ' إيران ')).toBe(true);
    // The same tag in another spelling is not added twice.
    expect(addTag(e, 'ايران')).toBe(false);
    expect(docToContent(e.getJSON() as DocJSON).tags).toEqual(['روسيا', 'إيران']);
    removeTag(e, 'روسيا');
    expect(readTags(e.state)).toEqual(['إيران']);
    e.commands.undo();
    expect(readTags(e.state)).toEqual(['روسيا', 'إيران']);
  });

  it('follows a rename or merge of the vocabulary', () => {
    const e = open();
    addTag(e, 'روسيا');
    addTag(e, 'الكرملين');
    addTag(e, 'موسكو');
    retag(e, new Set([tagKey('الكرملين'), tagKey('موسكو')]), 'روسيا');
    expect(readTags(e.state)).toEqual(['روسيا']);
  });
});
