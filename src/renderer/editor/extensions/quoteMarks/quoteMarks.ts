// Quote marks: every quote, quoted name and claim of the live text carries a decoration coloured by its
// review status. Quotes are extracted in the editor with the core's extractQuotes, block by block: a
// transaction maps the decorations through its changes and re-extracts only the body blocks it touched (and
// the neighbours their reading depends on). Reviews arrive from the services as a transaction action.
import { Extension, type Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { DecorationSet, type Decoration } from '@tiptap/pm/view';
import type { ReviewStatus } from '../../../../core/factcheck/model';
import type { Quote } from '../../../../core/quotes';
import { bodyBlocks, offsetToPos, type BodyBlock } from './bodyBlocks';
import { claimDecorations, quoteDecorations, type HandClaim, type QuoteSpec } from './decorations';
import {
  absoluteQuotes,
  extractAll,
  extractWindow,
  sameBlockQuotes,
  windowsFor,
  type BlockQuotes,
} from './liveQuotes';
import { createLiveQuotesStore, liveEditorStore, type LiveQuotes, type Store } from './quoteStore';

export type QuoteMarksState = {
  /** Per body block, in order: the node the quotes were read from and the quotes that start in it. */
  blocks: readonly { node: PMNode; quotes: BlockQuotes }[];
  statuses: ReadonlyMap<string, ReviewStatus>;
  claims: readonly HandClaim[];
  /** Extracted quotes a split or merge replaced: not drawn (their hand-marked replacements are). */
  hidden: ReadonlySet<string>;
  active: string | null;
  decorations: DecorationSet;
  /** Changes whenever the list of live quotes may have changed (what the panel lists). */
  version: number;
};

export type QuoteMarksAction =
  | {
      type: 'reviews';
      statuses: { id: string; status: ReviewStatus }[];
      claims: HandClaim[];
      hidden?: string[];
    }
  | { type: 'active'; id: string | null };

export const quoteMarksKey = new PluginKey<QuoteMarksState>('quoteMarks');

function statusLookup(s: Pick<QuoteMarksState, 'statuses'>): (id: string) => ReviewStatus {
  return (id) => s.statuses.get(id) ?? 'pending';
}

function shownQuotes(s: Pick<QuoteMarksState, 'hidden'>, quotes: Quote[]): Quote[] {
  return s.hidden.size ? quotes.filter((q) => !s.hidden.has(q.id)) : quotes;
}

function allDecorations(doc: PMNode, s: Omit<QuoteMarksState, 'decorations'>): DecorationSet {
  const blocks = bodyBlocks(doc);
  const status = statusLookup(s);
  const decos = [
    ...quoteDecorations(
      blocks,
      shownQuotes(s, absoluteQuotes(s.blocks.map((b) => b.quotes))),
      status,
      s.active,
    ),
    ...claimDecorations(blocks, s.claims, status, s.active),
  ];
  return DecorationSet.create(doc, decos);
}

function initialState(doc: PMNode): QuoteMarksState {
  const blocks = bodyBlocks(doc);
  const per = extractAll(blocks.map((b) => b.node.textContent));
  const base = {
    blocks: blocks.map((b, i) => ({ node: b.node, quotes: per[i] ?? [] })),
    statuses: new Map<string, ReviewStatus>(),
    claims: [],
    hidden: new Set<string>(),
    active: null,
    version: 0,
  };
  return { ...base, decorations: allDecorations(doc, base) };
}

/** Body blocks whose text or whose neighbours changed: only their quotes can have changed. */
function changedBlocks(prev: QuoteMarksState['blocks'], now: readonly BodyBlock[]): Set<number> {
  const oldIndex = new Map<PMNode, number>();
  prev.forEach((b, i) => oldIndex.set(b.node, i));
  const idx = now.map((b) => oldIndex.get(b.node));
  const changed = new Set<number>();
  idx.forEach((k, j) => {
    if (k === undefined) {
      changed.add(j);
      return;
    }
    const beforeOk = j === 0 ? k === 0 : idx[j - 1] === k - 1;
    const afterOk = j === now.length - 1 ? k === prev.length - 1 : idx[j + 1] === k + 1;
    if (!beforeOk || !afterOk) changed.add(j);
  });
  return changed;
}

function onDocChange(s: QuoteMarksState, tr: Transaction): QuoteMarksState {
  const blocks = bodyBlocks(tr.doc);
  const changed = changedBlocks(s.blocks, blocks);
  const oldIndex = new Map<PMNode, number>();
  s.blocks.forEach((b, i) => oldIndex.set(b.node, i));
  const entries = blocks.map((b) => {
    const k = oldIndex.get(b.node);
    return { node: b.node, quotes: k === undefined ? ([] as BlockQuotes) : s.blocks[k]!.quotes };
  });
  const texts = blocks.map((b) => b.node.textContent);
  const windows = windowsFor(texts, changed);
  let listChanged = blocks.length !== s.blocks.length;
  for (const [start, end] of windows) {
    const per = extractWindow(texts, start, end);
    for (let i = start; i <= end; i++) {
      const fresh = per[i - start]!;
      const k = oldIndex.get(blocks[i]!.node);
      const before = k === undefined ? undefined : s.blocks[k]!.quotes;
      if (before && sameBlockQuotes(before, fresh)) continue;
      entries[i] = { node: blocks[i]!.node, quotes: fresh };
      listChanged = true;
    }
  }
  const next = { ...s, blocks: entries, version: listChanged ? s.version + 1 : s.version };
  // A block added or removed renumbers the ids after it (ids carry the block index): redraw everything.
  if (blocks.length !== s.blocks.length) return { ...next, decorations: allDecorations(tr.doc, next) };
  let decorations = s.decorations.map(tr.mapping, tr.doc);
  if (windows.length) {
    const status = statusLookup(s);
    const stale: Decoration[] = [];
    const fresh: Decoration[] = [];
    for (const [start, end] of windows) {
      const from = blocks[start]!.pos;
      const to = blocks[end]!.pos + blocks[end]!.node.nodeSize;
      stale.push(...decorations.find(from, to, (spec: QuoteSpec) => spec.hand === false));
      // Ids are counted over the whole body (repeated quotes get .2, .3 …), so read them all, keep the window's.
      const quotes: Quote[] = shownQuotes(s, absoluteQuotes(entries.map((e) => e.quotes))).filter(
        (q) => q.block >= start && q.block <= end,
      );
      fresh.push(...quoteDecorations(blocks, quotes, status, s.active));
    }
    decorations = decorations.remove(stale).add(tr.doc, fresh);
  }
  return { ...next, decorations };
}

function applyAction(s: QuoteMarksState, a: QuoteMarksAction, doc: PMNode): QuoteMarksState {
  const next =
    a.type === 'reviews'
      ? {
          ...s,
          statuses: new Map(a.statuses.map((r) => [r.id, r.status])),
          claims: a.claims,
          hidden: new Set(a.hidden ?? []),
        }
      : { ...s, active: a.id };
  return { ...next, decorations: allDecorations(doc, next) };
}

/** The live quotes with their ids, in reading order (claims marked by hand are not among them). */
export function readLiveQuotes(state: EditorState): Quote[] {
  const s = quoteMarksKey.getState(state);
  return s ? absoluteQuotes(s.blocks.map((b) => b.quotes)) : [];
}

/** Document range of a quote (its first paragraph) or of a claim marked by hand, for jumping to it. */
export function quoteRange(state: EditorState, id: string): { from: number; to: number } | null {
  const s = quoteMarksKey.getState(state);
  if (!s) return null;
  let found: { from: number; to: number } | null = null;
  s.decorations
    .find(undefined, undefined, (spec: QuoteSpec) => spec.quote === id)
    .forEach((d) => {
      if (!found || d.from < found.from) found = { from: d.from, to: d.to };
    });
  if (found) return found;
  const q = readLiveQuotes(state).find((x) => x.id === id);
  const b = q ? bodyBlocks(state.doc)[q.block] : undefined;
  return q && b ? { from: offsetToPos(b, q.from), to: offsetToPos(b, q.to) } : null;
}

export function setQuoteReviews(
  editor: Editor,
  statuses: { id: string; status: ReviewStatus }[],
  claims: HandClaim[],
  hidden: string[] = [],
): void {
  if (editor.isDestroyed) return;
  const action: QuoteMarksAction = { type: 'reviews', statuses, claims, hidden };
  editor.view.dispatch(editor.state.tr.setMeta(quoteMarksKey, action).setMeta('addToHistory', false));
}

export function setActiveQuote(editor: Editor, id: string | null): void {
  if (editor.isDestroyed || quoteMarksKey.getState(editor.state)?.active === id) return;
  const action: QuoteMarksAction = { type: 'active', id };
  editor.view.dispatch(editor.state.tr.setMeta(quoteMarksKey, action).setMeta('addToHistory', false));
}

export function quoteStoreOf(editor: Editor): Store<LiveQuotes> {
  return (editor.storage as unknown as { quoteMarks: { store: Store<LiveQuotes> } }).quoteMarks.store;
}

export const QuoteMarks = Extension.create<Record<string, never>, { store: Store<LiveQuotes> }>({
  name: 'quoteMarks',

  addStorage() {
    return { store: createLiveQuotesStore() };
  },

  onCreate() {
    if (this.editor.isEditable) liveEditorStore.set(this.editor);
  },

  onDestroy() {
    if (liveEditorStore.get() === this.editor) liveEditorStore.set(null);
  },

  addProseMirrorPlugins() {
    const store = this.storage.store;
    return [
      new Plugin<QuoteMarksState>({
        key: quoteMarksKey,
        state: {
          init: (_config, state) => initialState(state.doc),
          apply(tr, value) {
            let s = tr.docChanged ? onDocChange(value, tr) : value;
            const action = tr.getMeta(quoteMarksKey) as QuoteMarksAction | undefined;
            if (action) s = applyAction(s, action, tr.doc);
            return s;
          },
        },
        props: {
          decorations: (state) => quoteMarksKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const s = quoteMarksKey.getState(view.state);
            const hit = s?.decorations.find(pos, pos)[0]?.spec as QuoteSpec | undefined;
            const id = hit?.quote ?? null;
            if (s && id !== s.active) {
              const action: QuoteMarksAction = { type: 'active', id };
              view.dispatch(view.state.tr.setMeta(quoteMarksKey, action).setMeta('addToHistory', false));
            }
            return false;
          },
        },
        view(view) {
          // The store is written at most once a frame: typing never re-renders React per keystroke.
          let frame = 0;
          let published: { version: number; active: string | null } | null = null;
          const publish = () => {
            frame = 0;
            const s = quoteMarksKey.getState(view.state);
            if (!s || (published && published.version === s.version && published.active === s.active)) return;
            const quotes =
              published && published.version === s.version ? store.get().quotes : readLiveQuotes(view.state);
            published = { version: s.version, active: s.active };
            store.set({ quotes, active: s.active });
          };
          publish();
          return {
            update() {
              if (!frame) frame = requestAnimationFrame(publish);
            },
            destroy() {
              if (frame) cancelAnimationFrame(frame);
            },
          };
        },
      }),
    ];
  },
});
