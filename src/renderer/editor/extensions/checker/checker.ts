// The house-style checker in the editor: src/core/checker runs on each block the author changes (headline,
// standfirst and captions included), Hunspell spelling arrives asynchronously through the spelling service,
// and findings are underlined by category. Commands apply a suggestion or every safe fix as one undo step and
// move between findings (F8 / Shift+F8). The rules that compare the article with itself run again once the
// author pauses. React reads the findings through a small store, not per transaction.
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { isSafeFix } from '../../../../core/checker';
import { createValueStore, type ValueStore } from '../../../features/shell/valueStore';
import {
  applyChecker,
  checkerKey,
  documentLayer,
  initialCheckerState,
  type CheckerAction,
  type CheckerConfig,
  type CheckerPluginState,
  type LiveFinding,
} from './plugin';
import { SpellingQueue, type SpellService } from './spellingQueue';
import { bridgeSpelling } from './spellingService';

export type CheckerView = { findings: readonly LiveFinding[]; active: string | null; version: number };

export type CheckerOptions = {
  /** The spelling service; null checks house style only (tests, the bench page without services). */
  spelling: SpellService | null;
  /**
   * 'now' checks the new document with the shipped rules; 'configured' waits for configureChecker (the app's
   * editor, which loads the house style first); 'off' never checks unless configured (read-only views).
   */
  start: 'now' | 'configured' | 'off';
};

export type CheckerStorage = { view: ValueStore<CheckerView>; queue: SpellingQueue | null };

declare module '@tiptap/core' {
  interface Storage {
    checker: CheckerStorage;
  }
}

const EMPTY: CheckerView = { findings: [], active: null, version: -1 };

/** How long typing must pause before the whole-article rules run again. */
export const DOCUMENT_PAUSE_MS = 400;

function action(state: EditorState, a: CheckerAction): Transaction {
  return state.tr.setMeta(checkerKey, a).setMeta('addToHistory', false);
}

export function configureChecker(editor: Editor, config: CheckerConfig): void {
  editor.view.dispatch(action(editor.state, { type: 'configure', config }));
}

/** Runs the whole-article rules on the document as it is now (also what the pause after typing does). */
export function refreshDocumentFindings(editor: Editor): void {
  const s = checkerKey.getState(editor.state);
  if (!s) return;
  const layer = documentLayer(editor.state.doc, s.config, s.findings);
  editor.view.dispatch(action(editor.state, { type: 'document', layer }));
}

export function setActiveFinding(editor: Editor, id: string | null): void {
  editor.view.dispatch(action(editor.state, { type: 'active', id }));
}

export function liveFindings(state: EditorState): readonly LiveFinding[] {
  return checkerKey.getState(state)?.findings ?? [];
}

/** Replaces a finding's text with one of its suggestions: one transaction, so one undo step. */
export function applySuggestion(editor: Editor, id: string, index = 0): boolean {
  const f = liveFindings(editor.state).find((x) => x.id === id);
  const s = f?.finding.suggestions[index];
  if (!f || s === undefined) return false;
  const tr = s === '' ? editor.state.tr.delete(f.from, f.to) : editor.state.tr.insertText(s, f.from, f.to);
  editor.view.dispatch(tr.setMeta(checkerKey, { type: 'active', id: null } satisfies CheckerAction));
  editor.view.focus();
  return true;
}

/** Every spacing, punctuation-spacing and invisible-character fix at once, as one undo step. */
export function fixAllSafe(editor: Editor): number {
  const safe = liveFindings(editor.state).filter((f) => isSafeFix(f.finding));
  if (safe.length === 0) return 0;
  const tr = editor.state.tr;
  for (const f of [...safe].sort((a, b) => b.from - a.from)) {
    const s = f.finding.suggestions[0]!;
    if (s === '') tr.delete(f.from, f.to);
    else tr.insertText(s, f.from, f.to);
  }
  editor.view.dispatch(tr);
  editor.view.focus();
  return safe.length;
}

/** Selects the next (or previous) finding after the caret, wrapping around, and opens its card. */
export function gotoFinding(editor: Editor, dir: 1 | -1): LiveFinding | null {
  const list = liveFindings(editor.state).filter((f) => f.to > f.from);
  if (list.length === 0) return null;
  const { from, to } = editor.state.selection;
  const target =
    dir === 1
      ? (list.find((f) => f.from > from || (f.from === from && f.to > to)) ?? list[0]!)
      : ([...list].reverse().find((f) => f.from < from) ?? list[list.length - 1]!);
  revealFinding(editor, target);
  return target;
}

export function revealFinding(editor: Editor, f: LiveFinding): void {
  const tr = editor.state.tr
    .setSelection(TextSelection.create(editor.state.doc, f.from, f.to))
    .setMeta(checkerKey, { type: 'active', id: f.id } satisfies CheckerAction)
    .scrollIntoView();
  editor.view.dispatch(tr);
  editor.view.focus();
}

export const Checker = Extension.create<CheckerOptions, CheckerStorage>({
  name: 'checker',

  addOptions() {
    return { spelling: bridgeSpelling, start: 'now' };
  },

  addStorage() {
    return { view: createValueStore<CheckerView>(EMPTY), queue: null };
  },

  onDestroy() {
    this.storage.queue?.destroy();
  },

  addKeyboardShortcuts() {
    return {
      F8: ({ editor }) => gotoFinding(editor, 1) !== null,
      'Shift-F8': ({ editor }) => gotoFinding(editor, -1) !== null,
    };
  },

  addProseMirrorPlugins() {
    const storage = this.storage;
    const service = this.options.spelling;
    const checkNow = this.options.start === 'now';
    let dispatchSpelling: ((words: string[]) => void) | null = null;
    const queue = service ? new SpellingQueue(service, (w) => dispatchSpelling?.(w)) : null;
    storage.queue = queue;
    const publish = (s: CheckerPluginState) => {
      const cur = storage.view.get();
      if (cur.version !== s.version || cur.active !== s.active)
        storage.view.set({ findings: s.findings, active: s.active, version: s.version });
    };
    return [
      new Plugin<CheckerPluginState>({
        key: checkerKey,
        state: {
          init: (_config, state) => initialCheckerState(state.doc, queue, checkNow),
          apply: (tr, s) => applyChecker(tr, s, queue),
        },
        props: {
          decorations: (state) => checkerKey.getState(state)?.decorations,
        },
        view(view) {
          dispatchSpelling = (words) => {
            if (!view.isDestroyed) view.dispatch(action(view.state, { type: 'spelling', words }));
          };
          let pause: ReturnType<typeof setTimeout> | null = null;
          const documentPass = () => {
            pause = null;
            if (view.isDestroyed) return;
            const s = checkerKey.getState(view.state)!;
            if (!s.running) return;
            const layer = documentLayer(view.state.doc, s.config, s.findings);
            view.dispatch(action(view.state, { type: 'document', layer }));
          };
          const ask = (s: CheckerPluginState) => {
            if (queue) for (const a of s.awaiting) queue.request(a.words);
          };
          const first = checkerKey.getState(view.state)!;
          publish(first);
          ask(first);
          return {
            update(v, prev) {
              if (v.state.doc !== prev.doc) {
                if (pause !== null) clearTimeout(pause);
                pause = setTimeout(documentPass, DOCUMENT_PAUSE_MS);
              }
              const s = checkerKey.getState(v.state)!;
              if (s === checkerKey.getState(prev)) return;
              publish(s);
              ask(s);
            },
            // A plugin view is also destroyed when the editor reconfigures its plugins; the queue lives on
            // (and stops with the editor, onDestroy) so answers reach the next view.
            destroy() {
              dispatchSpelling = null;
              if (pause !== null) clearTimeout(pause);
            },
          };
        },
      }),
    ];
  },
});
