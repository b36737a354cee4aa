// A change made by a button (revert, attach a photo, remove a figure …) is one undo step of its own. Without
// this, ProseMirror's history folds changes that touch the same place within half a second into one event, so
// a quick second action would be undone together with the first.
import type { Editor } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import type { Transaction } from '@tiptap/pm/state';

export function dispatchOwnStep(editor: Editor, tr: Transaction): void {
  editor.view.dispatch(closeHistory(tr));
  // …and what follows starts a new step as well.
  editor.view.dispatch(closeHistory(editor.state.tr));
}
