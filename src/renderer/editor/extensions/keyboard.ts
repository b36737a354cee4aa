// Keyboard behaviour shared by the single-line parts of an article (headline, standfirst, caption).
import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';

/** When the cursor is in a node of `typeName`, moves it to the start of the next text block. */
export function focusNextTextblock(editor: Editor, typeName: string): boolean {
  const { state, view } = editor;
  const { $from } = state.selection;
  if ($from.parent.type.name !== typeName) return false;
  const after = $from.after();
  let target = -1;
  state.doc.nodesBetween(after, state.doc.content.size, (node, pos) => {
    if (target >= 0) return false;
    if (node.isTextblock) {
      target = pos + 1;
      return false;
    }
    return true;
  });
  if (target < 0) return true;
  view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, target)).scrollIntoView());
  return true;
}
