// Suggestion mode (tracked changes): while it is on, edits of the body and the headline become the author's
// insertions and deletions instead of changing the text (see track.ts). Suggestions are listed, accepted and
// rejected here, one transaction (one undo step) per decision. The mode and the author live in plugin state
// and change only through transaction meta; React reads them, and the list of suggestions, through a small
// store.
import { Extension, type Editor } from '@tiptap/core';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { closeHistory } from '@tiptap/pm/history';
import {
  DELETION,
  INSERTION,
  type Decision,
  type SuggestionType,
} from '../../../../core/suggestions/suggestions';
import { createValueStore, type ValueStore } from '../../../features/shell/valueStore';
import { BODY_BLOCKS, trackChanges } from './track';
import { HEADLINE_BLOCK } from '../../../../core/suggestions/suggestions';

export type SuggestionsState = { on: boolean; author: string };

export type SuggestionsAction =
  | { type: 'mode'; on: boolean; author?: string }
  /** A transaction the plugin made itself: never tracked again. */
  | { type: 'own' };

/** One suggestion in the editor: a run of one insertion/deletion mark in one body block. */
export type EditorSuggestion = {
  id: string;
  type: SuggestionType;
  author: string;
  at: string;
  /** Document positions. */
  from: number;
  to: number;
  text: string;
  /** Index of the body block; HEADLINE_BLOCK for the headline. */
  block: number;
};

export type SuggestionsView = SuggestionsState & { items: EditorSuggestion[] };

export type SuggestionsFilter = { id?: string; author?: string };

export const suggestionsKey = new PluginKey<SuggestionsState>('suggestions');

const isOwn = (tr: Transaction): boolean => !!tr.getMeta(suggestionsKey);

/** Every suggestion in reading order. Ids are `type:from` and change as the document does. */
export function listSuggestions(doc: PMNode): EditorSuggestion[] {
  const out: EditorSuggestion[] = [];
  let block = -1;
  doc.forEach((node, offset) => {
    const headline = node.type.name === 'headline';
    if (!headline && !BODY_BLOCKS.has(node.type.name)) return;
    if (!headline) block++;
    const open = new Map<string, EditorSuggestion>();
    node.forEach((child, childOffset) => {
      const from = offset + 1 + childOffset;
      const here = new Set<string>();
      for (const m of child.marks) {
        const type = m.type.name;
        if (type !== INSERTION && type !== DELETION) continue;
        here.add(type);
        const run = open.get(type);
        if (run && run.to === from && run.author === m.attrs.author && run.at === m.attrs.at) {
          run.to = from + child.nodeSize;
          run.text += child.text ?? '';
          continue;
        }
        const s: EditorSuggestion = {
          id: `${type}:${from}`,
          type,
          author: String(m.attrs.author),
          at: String(m.attrs.at),
          from,
          to: from + child.nodeSize,
          text: child.text ?? '',
          block: headline ? HEADLINE_BLOCK : block,
        };
        open.set(type, s);
        out.push(s);
      }
      for (const type of [...open.keys()]) if (!here.has(type)) open.delete(type);
    });
  });
  return out;
}

function chosen(items: EditorSuggestion[], f: SuggestionsFilter): EditorSuggestion[] {
  return items.filter(
    (s) => (f.id === undefined || s.id === f.id) && (f.author === undefined || s.author === f.author),
  );
}

/**
 * Accepts or rejects the matching suggestions as one undo step. Accepting an insertion or rejecting a
 * deletion drops the mark; accepting a deletion or rejecting an insertion removes the text.
 */
export function resolveSuggestions(
  editor: Editor,
  decision: Decision,
  filter: SuggestionsFilter = {},
): number {
  const { state } = editor;
  const items = chosen(listSuggestions(state.doc), filter);
  if (!items.length) return 0;
  const tr = state.tr;
  const removeType = decision === 'accept' ? DELETION : INSERTION;
  for (const s of items) {
    if (s.type === removeType) continue;
    const mark = markAt(state.doc, s);
    if (mark) tr.removeMark(s.from, s.to, mark);
  }
  const cuts = items.filter((s) => s.type === removeType).sort((a, b) => b.from - a.from);
  for (const s of cuts) tr.delete(tr.mapping.map(s.from), tr.mapping.map(s.to));
  const action: SuggestionsAction = { type: 'own' };
  editor.view.dispatch(closeHistory(tr.setMeta(suggestionsKey, action)));
  return items.length;
}

function markAt(doc: PMNode, s: EditorSuggestion): Mark | undefined {
  return doc.nodeAt(s.from)?.marks.find((m) => m.type.name === s.type);
}

/** Turns suggestion mode on or off (not an undo step); the author is who the new suggestions belong to. */
export function setSuggestMode(editor: Editor, on: boolean, author?: string): void {
  if (editor.isDestroyed) return;
  const action: SuggestionsAction = { type: 'mode', on, author };
  editor.view.dispatch(editor.state.tr.setMeta(suggestionsKey, action).setMeta('addToHistory', false));
}

export function suggestMode(state: EditorState): SuggestionsState {
  return suggestionsKey.getState(state) ?? { on: false, author: '' };
}

/**
 * Replaces [from, to) with `text` as one undo step. While suggestion mode is on this becomes a deletion of
 * the old text followed by an insertion of the new one; otherwise it is a plain replacement.
 */
export function replaceRange(editor: Editor, from: number, to: number, text: string): boolean {
  const { state } = editor;
  if (from < 0 || to > state.doc.content.size || from > to) return false;
  const tr = text === '' ? state.tr.delete(from, to) : state.tr.insertText(text, from, to);
  editor.view.dispatch(tr.scrollIntoView());
  return true;
}

export function suggestionsStore(editor: Editor): ValueStore<SuggestionsView> {
  return (editor.storage as unknown as { suggestions: { view: ValueStore<SuggestionsView> } }).suggestions
    .view;
}

export type SuggestionsOptions = {
  /** The time a new suggestion is stamped with (ISO 8601). */
  now: () => string;
};

const EMPTY: SuggestionsView = { on: false, author: '', items: [] };

export const Suggestions = Extension.create<SuggestionsOptions, { view: ValueStore<SuggestionsView> }>({
  name: 'suggestions',

  addOptions() {
    return { now: () => new Date().toISOString() };
  },

  addStorage() {
    return { view: createValueStore<SuggestionsView>(EMPTY) };
  },

  addProseMirrorPlugins() {
    const store = this.storage.view;
    const now = () => this.options.now();
    return [
      new Plugin<SuggestionsState>({
        key: suggestionsKey,
        state: {
          init: () => ({ on: false, author: '' }),
          apply(tr, s) {
            const action = tr.getMeta(suggestionsKey) as SuggestionsAction | undefined;
            if (action?.type === 'mode') return { on: action.on, author: action.author ?? s.author };
            return s;
          },
        },
        appendTransaction(transactions, oldState, newState) {
          const s = suggestMode(newState);
          const tr = trackChanges(transactions, oldState, newState, { ...s, now, own: isOwn });
          if (!tr) return null;
          const action: SuggestionsAction = { type: 'own' };
          return tr.setMeta(suggestionsKey, action);
        },
        view(view) {
          let doc: PMNode | null = null;
          let mode: SuggestionsState | null = null;
          const update = () => {
            const s = suggestMode(view.state);
            if (view.state.doc === doc && s === mode) return;
            doc = view.state.doc;
            mode = s;
            store.set({ ...s, items: listSuggestions(doc) });
          };
          update();
          return { update, destroy: () => store.set(EMPTY) };
        },
      }),
    ];
  },
});
