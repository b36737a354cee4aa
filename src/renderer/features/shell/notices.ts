// Messages for the user (errors, import notes, confirmations) kept in a small store outside React, so any
// feature can post one and the shell shows them until they are dismissed. Texts are kept as message keys
// and translated when shown, so a notice follows a switch of the interface language.
import { useSyncExternalStore } from 'react';

/** A literal text (e.g. a headline), a message key with values, or a failure to describe. */
export type Msg = string | { key: string; values?: Record<string, unknown> } | { error: unknown };

export function msg(key: string, values?: Record<string, unknown>): Msg {
  return values ? { key, values } : { key };
}

export type NoticeAction = { label: Msg; run: () => void };
export type Notice = {
  id: number;
  tone: 'error' | 'warning' | 'info';
  title: Msg;
  details?: Msg[];
  action?: NoticeAction;
};

let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

export function postNotice(n: Omit<Notice, 'id'>): number {
  const id = nextId++;
  // Keep the list short: the newest six are enough to read, older ones are superseded.
  notices = [...notices, { ...n, id }].slice(-6);
  emit();
  // Confirmations fade on their own; errors and warnings stay until the user dismisses them.
  if (n.tone === 'info' && !n.action) setTimeout(() => dismissNotice(id), 6000);
  return id;
}

export function dismissNotice(id: number): void {
  notices = notices.filter((n) => n.id !== id);
  emit();
}

export function useNotices(): Notice[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => notices,
  );
}
