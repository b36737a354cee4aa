// Code replacements while typing: when the character just typed closes a complete code (=لاف=) in any text
// block (body, headline, photo caption), the code becomes its expansion. The table lives in plugin state and
// changes only through a `setCodes` action on a transaction; matching is src/core/codes' expandAt.
import { Extension } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { CodeTable, type CodeEntry } from '../../../../core/codes/codes';

export type CodesState = { table: CodeTable };
export type CodesAction = { type: 'setCodes'; entries: CodeEntry[] };

export const codesKey = new PluginKey<CodesState>('codeReplacements');

/** Carries a new code table to the plugin (no change to the document, nothing for undo). */
export function setCodesTr(state: EditorState, entries: CodeEntry[]): Transaction {
  const action: CodesAction = { type: 'setCodes', entries };
  return state.tr.setMeta(codesKey, action).setMeta('addToHistory', false);
}

/**
 * Expands the code the text input completes, if any. The typed character is inserted as usual, then the
 * expansion replaces the code in a transaction of its own that starts a new undo event: one undo gives the
 * code back as typed.
 */
export function expandTypedCode(view: EditorView, from: number, to: number, text: string): boolean {
  const plugin = codesKey.getState(view.state);
  if (!plugin || plugin.table.size === 0 || !view.editable) return false;
  const $from = view.state.doc.resolve(from);
  const parent = $from.parent;
  if (!parent.isTextblock || parent.type.spec.code || to > $from.end()) return false;
  // One UTF-16 unit per position: leaf nodes (line breaks) count as one placeholder character.
  const typed = parent.textBetween(0, $from.parentOffset, undefined, '\ufffc') + text;
  const hit = plugin.table.expandAt(typed, typed.length);
  if (!hit) return false;
  const start = $from.start();
  view.dispatch(view.state.tr.insertText(text, from, to));
  const expand = closeHistory(view.state.tr).insertText(hit.expansion, start + hit.from, start + hit.to);
  view.dispatch(expand.scrollIntoView());
  return true;
}

export const CodeReplacements = Extension.create({
  name: 'codeReplacements',

  addProseMirrorPlugins() {
    return [
      new Plugin<CodesState>({
        key: codesKey,
        state: {
          init: () => ({ table: new CodeTable([]) }),
          apply(tr, value) {
            const action = tr.getMeta(codesKey) as CodesAction | undefined;
            return action?.type === 'setCodes' ? { table: new CodeTable(action.entries) } : value;
          },
        },
        props: { handleTextInput: (view, from, to, text) => expandTypedCode(view, from, to, text) },
      }),
    ];
  },
});
