// @vitest-environment happy-dom
// Buttons that change the article (attach a photo, remove a figure, revert a change) make one undo step each,
// however quickly they follow one another: ProseMirror would otherwise fold changes to the same place within
// half a second into one history event, and one undo would take back both.
import { describe, expect, it } from 'vitest';
import type { Editor } from '@tiptap/core';
import { dispatchOwnStep } from '../../../src/renderer/editor/ownStep';
import { seedEditor } from '../seedEditor';

function figureAt(ed: Editor): number {
  let at = -1;
  ed.state.doc.forEach((n, pos) => {
    if (at < 0 && n.type.name === 'figure') at = pos;
  });
  return at;
}

const PHOTO = 'a'.repeat(64);

describe('a change of its own in the history', () => {
  it('a photo attached, then the figure removed at once: undo brings the figure back with its photo', () => {
    const ed = seedEditor();
    const at = figureAt(ed);
    const node = ed.state.doc.nodeAt(at)!;
    dispatchOwnStep(ed, ed.state.tr.setNodeMarkup(at, undefined, { ...node.attrs, image: PHOTO }));
    dispatchOwnStep(ed, ed.state.tr.delete(at, at + ed.state.doc.nodeAt(at)!.nodeSize));
    expect(figureAt(ed)).toBe(-1);
    ed.commands.undo();
    expect(ed.state.doc.nodeAt(figureAt(ed))!.attrs.image).toBe(PHOTO);
    ed.commands.undo();
    expect(ed.state.doc.nodeAt(figureAt(ed))!.attrs.image).toBeNull();
  });

  it('without it the two would be one step (what the helper is for)', () => {
    const ed = seedEditor();
    const at = figureAt(ed);
    const node = ed.state.doc.nodeAt(at)!;
    ed.view.dispatch(ed.state.tr.setNodeMarkup(at, undefined, { ...node.attrs, image: PHOTO }));
    ed.view.dispatch(ed.state.tr.delete(at, at + ed.state.doc.nodeAt(at)!.nodeSize));
    ed.commands.undo();
    expect(ed.state.doc.nodeAt(figureAt(ed))!.attrs.image).toBeNull();
  });
});
