// Small stores through which React reads what the editor's plugins know (the live quotes, the quote or
// comment thread clicked in the text, the editor being edited) without re-rendering on every transaction.
import type { Editor } from '@tiptap/core';
import type { Quote } from '../../../../core/quotes';
import { createValueStore, type ValueStore } from '../../../features/shell/valueStore';

export type Store<T> = ValueStore<T>;
/** The shell's value store: one implementation of "a value React reads without re-rendering its parents". */
export const createStore = createValueStore;

/** What the Quotes panel reads: the quotes of the text as it is now, and the one clicked in the text. */
export type LiveQuotes = { quotes: readonly Quote[]; active: string | null };

export function createLiveQuotesStore(): Store<LiveQuotes> {
  return createStore<LiveQuotes>(
    { quotes: [], active: null },
    (a, b) => a.quotes === b.quotes && a.active === b.active,
  );
}

/**
 * The editor holding the article being edited (not a read-only revision view). The quote extension sets it
 * when such an editor is created, so the fact-checking panel finds it without being wired to the screen.
 */
export const liveEditorStore: Store<Editor | null> = createStore<Editor | null>(null);
