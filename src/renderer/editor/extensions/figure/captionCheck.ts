// Caption rules on the live figures: src/core/captions checks every figure of the article as it stands in the
// editor (caption, credit, date, alt text, against the article's own text), a moment after the author stops
// typing. Findings and the house style live in plugin state and change only through actions on transactions;
// caption findings are underlined with decorations that are mapped through every edit until the next check.
// Figure views read the findings through a small store, so React does not re-render on every keystroke.
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { checkCaptions, type CaptionFinding } from '../../../../core/captions/rules';
import { DEFAULT_CAPTION_STYLE, type CaptionStyle } from '../../../../core/captions/style';
import { createValueStore, type ValueStore } from '../../../features/shell/valueStore';
import { docToContent, type DocJSON } from '../../articleDoc';

export type CaptionCheckState = {
  style: CaptionStyle;
  findings: CaptionFinding[];
  decorations: DecorationSet;
  /** The document or the style changed since the findings were computed. */
  stale: boolean;
};

export type CaptionCheckAction =
  { type: 'setStyle'; style: CaptionStyle } | { type: 'setFindings'; findings: CaptionFinding[] };

export type CaptionCheckStorage = { findings: ValueStore<CaptionFinding[]> };

declare module '@tiptap/core' {
  interface Storage {
    captionCheck: CaptionCheckStorage;
  }
}

export const captionCheckKey = new PluginKey<CaptionCheckState>('captionCheck');

/** Waiting for a pause in typing keeps the whole-article check off the keystroke path. */
export const CAPTION_CHECK_DELAY_MS = 250;

export function setCaptionStyleTr(state: EditorState, style: CaptionStyle): Transaction {
  const action: CaptionCheckAction = { type: 'setStyle', style };
  return state.tr.setMeta(captionCheckKey, action).setMeta('addToHistory', false);
}

/** The figure nodes of the document with their positions, in order (figure n is the n-th). */
export function figurePositions(doc: PmNode): number[] {
  const out: number[] = [];
  doc.forEach((child, offset) => {
    if (child.type.name === 'figure') out.push(offset);
  });
  return out;
}

/** Runs the caption rules on the document as it is now. */
export function computeCaptionFindings(doc: PmNode, style: CaptionStyle): CaptionFinding[] {
  if (figurePositions(doc).length === 0) return [];
  return checkCaptions(docToContent(doc.toJSON() as DocJSON), style);
}

function buildDecorations(doc: PmNode, findings: CaptionFinding[]): DecorationSet {
  const figures = figurePositions(doc);
  const decos: Decoration[] = [];
  for (const f of findings) {
    const at = figures[f.figure];
    if (at === undefined || !f.field.endsWith('.caption') || f.to <= f.from) continue;
    const start = at + 1;
    decos.push(
      Decoration.inline(start + f.from, start + f.to, {
        class: `caption-finding caption-finding-${f.severity}`,
        'data-rule': f.ruleId,
      }),
    );
  }
  return DecorationSet.create(doc, decos);
}

export const CaptionCheck = Extension.create<Record<string, never>, CaptionCheckStorage>({
  name: 'captionCheck',

  addStorage() {
    return { findings: createValueStore<CaptionFinding[]>([]) };
  },

  addProseMirrorPlugins() {
    const store = this.storage.findings;
    return [
      new Plugin<CaptionCheckState>({
        key: captionCheckKey,
        state: {
          init: () => ({
            style: DEFAULT_CAPTION_STYLE,
            findings: [],
            decorations: DecorationSet.empty,
            stale: true,
          }),
          apply(tr, value, _old, next) {
            const action = tr.getMeta(captionCheckKey) as CaptionCheckAction | undefined;
            if (action?.type === 'setFindings') {
              return {
                ...value,
                findings: action.findings,
                decorations: buildDecorations(next.doc, action.findings),
                stale: false,
              };
            }
            if (action?.type === 'setStyle') return { ...value, style: action.style, stale: true };
            if (!tr.docChanged) return value;
            return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc), stale: true };
          },
        },
        props: {
          decorations: (state) => captionCheckKey.getState(state)?.decorations,
        },
        view(view) {
          let timer: ReturnType<typeof setTimeout> | null = null;
          const run = () => {
            timer = null;
            if (view.isDestroyed) return;
            const s = captionCheckKey.getState(view.state);
            if (!s?.stale) return;
            const action: CaptionCheckAction = {
              type: 'setFindings',
              findings: computeCaptionFindings(view.state.doc, s.style),
            };
            view.dispatch(view.state.tr.setMeta(captionCheckKey, action).setMeta('addToHistory', false));
          };
          const schedule = (delay: number) => {
            if (timer === null) timer = setTimeout(run, delay);
          };
          // The first check runs right away: the figures of a freshly opened article are shown with findings.
          schedule(0);
          return {
            update(v) {
              const s = captionCheckKey.getState(v.state);
              if (!s) return;
              store.set(s.findings);
              if (s.stale) schedule(CAPTION_CHECK_DELAY_MS);
            },
            destroy() {
              if (timer !== null) clearTimeout(timer);
            },
          };
        },
      }),
    ];
  },
});
