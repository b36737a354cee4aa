// Word and character counts of the open article, kept in a small store outside React: the editor writes
// to it (at most once per frame), only the status bar subscribes, so typing never re-renders the screen.
import { useSyncExternalStore } from 'react';
import { contentToPlainText, countWords, type ArticleContent } from '../../../core/article/model';

export type EditorStats = { words: number; chars: number };

export type StatsStore = {
  get: () => EditorStats;
  subscribe: (listener: () => void) => () => void;
  /** Recounts from the content; counts the same text the store's revision sizes count. */
  update: (content: ArticleContent) => void;
};

export function statsOf(content: ArticleContent): EditorStats {
  const text = contentToPlainText(content);
  return { words: countWords(text), chars: text.replace(/\n/g, '').length };
}

export function createStatsStore(): StatsStore {
  let stats: EditorStats = { words: 0, chars: 0 };
  const listeners = new Set<() => void>();
  return {
    get: () => stats,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(content) {
      const next = statsOf(content);
      if (next.words === stats.words && next.chars === stats.chars) return;
      stats = next;
      for (const l of listeners) l();
    },
  };
}

export function useStats(store: StatsStore): EditorStats {
  return useSyncExternalStore(store.subscribe, store.get);
}
