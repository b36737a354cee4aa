// Reads one value out of the editor's state for React: the component re-renders only when that value changes
// (compared by identity), not on every transaction.
import { useCallback, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/react';
import type { EditorState } from '@tiptap/pm/state';

export function useEditorValue<T>(editor: Editor | null, select: (state: EditorState) => T, fallback: T): T {
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!editor) return () => {};
      editor.on('transaction', listener);
      return () => {
        editor.off('transaction', listener);
      };
    },
    [editor],
  );
  return useSyncExternalStore(subscribe, () =>
    editor && !editor.isDestroyed ? select(editor.state) : fallback,
  );
}
