// React access to the editor extensions' stores, and to the live editor the fact-checking panel works on.
import { useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import { liveEditorStore, type Store } from '../../editor/extensions/quoteMarks/quoteStore';

export function useStore<T>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}

export function useLiveEditor(): Editor | null {
  return useStore(liveEditorStore);
}
