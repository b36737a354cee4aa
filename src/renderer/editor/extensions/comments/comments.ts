// Comment anchors: a commented span is an articleSpan mark of kind `comment` with attrs.thread, so it is
// saved with the document and survives editing like any span. This extension highlights those spans by the
// state of their thread (open, resolved, the one being read), re-reading only the body blocks a transaction
// changed, and applies a new anchor to a selection.
import { Extension, type Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { COMMENT_MARK } from '../../../../core/factcheck/model';
import { SPAN_MARK } from '../../articleDoc';
import { bodyBlocks, rangeInBody, type BodyBlock } from '../quoteMarks/bodyBlocks';
import { createStore, type Store } from '../quoteMarks/quoteStore';

export type CommentsState = {
  /** Threads known to be resolved; any other thread id in the text is shown as open. */
  resolved: ReadonlySet<string>;
  active: string | null;
  nodes: ReadonlySet<PMNode>;
  decorations: DecorationSet;
};

export type CommentsAction =
  { type: 'threads'; resolved: string[] } | { type: 'active'; thread: string | null };

type CommentSpec = { thread: string };

export const commentsKey = new PluginKey<CommentsState>('comments');

/** The thread ids of the comment marks on a text node. */
function threadsOf(node: PMNode): string[] {
  const out: string[] = [];
  for (const m of node.marks) {
    if (m.type.name !== SPAN_MARK || m.attrs.kind !== COMMENT_MARK) continue;
    const t = (m.attrs.attrs as { thread?: unknown } | null)?.thread;
    if (typeof t === 'string') out.push(t);
  }
  return out;
}

function blockDecorations(b: BodyBlock, s: Pick<CommentsState, 'resolved' | 'active'>): Decoration[] {
  const out: Decoration[] = [];
  b.node.forEach((child, offset) => {
    for (const thread of threadsOf(child)) {
      const from = b.pos + 1 + offset;
      const cls = `fc-comment${s.resolved.has(thread) ? ' fc-comment-resolved' : ''}${
        thread === s.active ? ' fc-comment-active' : ''
      }`;
      const spec: CommentSpec = { thread };
      out.push(Decoration.inline(from, from + child.nodeSize, { class: cls, 'data-thread': thread }, spec));
    }
  });
  return out;
}

function build(doc: PMNode, s: Pick<CommentsState, 'resolved' | 'active'>): CommentsState {
  const blocks = bodyBlocks(doc);
  return {
    ...s,
    nodes: new Set(blocks.map((b) => b.node)),
    decorations: DecorationSet.create(
      doc,
      blocks.flatMap((b) => blockDecorations(b, s)),
    ),
  };
}

/** The document range a thread's anchor covers (its first run), or null when it is not in the text. */
export function threadRange(doc: PMNode, thread: string): { from: number; to: number } | null {
  for (const b of bodyBlocks(doc)) {
    let from = -1;
    let to = -1;
    b.node.forEach((child, offset) => {
      const here = threadsOf(child).includes(thread);
      const at = b.pos + 1 + offset;
      if (here && from < 0) {
        from = at;
        to = at + child.nodeSize;
      } else if (here && to === at) to = at + child.nodeSize;
    });
    if (from >= 0) return { from, to };
  }
  return null;
}

/** Thread ids anchored in the text, in reading order. */
export function anchoredThreads(state: EditorState): string[] {
  const seen: string[] = [];
  for (const b of bodyBlocks(state.doc)) {
    b.node.forEach((child) => {
      for (const t of threadsOf(child)) if (!seen.includes(t)) seen.push(t);
    });
  }
  return seen;
}

/** Anchors thread `thread` on the range; false when the range is empty or not in body text. */
export function addCommentMark(editor: Editor, thread: string, from: number, to: number): boolean {
  const { state } = editor;
  if (!rangeInBody(state.doc, from, to)) return false;
  const mark = state.schema.marks[SPAN_MARK]!.create({
    kind: COMMENT_MARK,
    attrs: { thread },
    order: null,
  });
  editor.view.dispatch(state.tr.addMark(from, to, mark));
  return true;
}

export function setCommentThreads(editor: Editor, resolved: string[]): void {
  if (editor.isDestroyed) return;
  const action: CommentsAction = { type: 'threads', resolved };
  editor.view.dispatch(editor.state.tr.setMeta(commentsKey, action).setMeta('addToHistory', false));
}

export function setActiveThread(editor: Editor, thread: string | null): void {
  if (editor.isDestroyed || commentsKey.getState(editor.state)?.active === thread) return;
  const action: CommentsAction = { type: 'active', thread };
  editor.view.dispatch(editor.state.tr.setMeta(commentsKey, action).setMeta('addToHistory', false));
}

export function activeThreadStore(editor: Editor): Store<string | null> {
  return (editor.storage as unknown as { comments: { active: Store<string | null> } }).comments.active;
}

export const Comments = Extension.create<Record<string, never>, { active: Store<string | null> }>({
  name: 'comments',

  addStorage() {
    return { active: createStore<string | null>(null) };
  },

  addProseMirrorPlugins() {
    const active = this.storage.active;
    return [
      new Plugin<CommentsState>({
        key: commentsKey,
        state: {
          init: (_config, state) => build(state.doc, { resolved: new Set(), active: null }),
          apply(tr, s) {
            let next = s;
            if (tr.docChanged) {
              const blocks = bodyBlocks(tr.doc);
              const changed = blocks.filter((b) => !s.nodes.has(b.node));
              let decorations = s.decorations.map(tr.mapping, tr.doc);
              for (const b of changed) {
                const stale = decorations.find(b.pos, b.pos + b.node.nodeSize);
                decorations = decorations.remove(stale).add(tr.doc, blockDecorations(b, s));
              }
              next = { ...s, nodes: new Set(blocks.map((b) => b.node)), decorations };
            }
            const action = tr.getMeta(commentsKey) as CommentsAction | undefined;
            if (action?.type === 'threads')
              next = build(tr.doc, { ...next, resolved: new Set(action.resolved) });
            if (action?.type === 'active') next = build(tr.doc, { ...next, active: action.thread });
            return next;
          },
        },
        props: {
          decorations: (state) => commentsKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const hit = commentsKey.getState(view.state)?.decorations.find(pos, pos)[0];
            const thread = (hit?.spec as CommentSpec | undefined)?.thread ?? null;
            if (thread) {
              const action: CommentsAction = { type: 'active', thread };
              view.dispatch(view.state.tr.setMeta(commentsKey, action).setMeta('addToHistory', false));
            }
            return false;
          },
        },
        view(view) {
          return {
            update() {
              active.set(commentsKey.getState(view.state)?.active ?? null);
            },
          };
        },
      }),
    ];
  },
});
