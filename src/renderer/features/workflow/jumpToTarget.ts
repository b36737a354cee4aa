// Takes the editor to the place a failing approval gate names: a body block (with the finding's offsets), a
// field (headline, a photo's caption), a quote, or a comment thread's anchor; selects it and scrolls it to the
// middle of the page.
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { NodeSelection, TextSelection, type EditorState } from '@tiptap/pm/state';
import type { GateTarget } from '../../../core/workflow';
import { extractQuotes } from '../../../core/quotes';
import { docToContent, SPAN_MARK, type DocJSON } from '../../editor/articleDoc';
import { centerInView } from '../changes/centerInView';
import { nodeOfField } from '../changes/revertInEditor';
import { quoteRange } from '../../editor/extensions/quoteMarks/quoteMarks';

export type JumpRange = { from: number; to: number; node?: boolean };

/** Whether a target has a place in the editor's text at all (tags, for instance, do not). */
export function hasPlace(target: GateTarget | null): target is GateTarget {
  if (!target) return false;
  if (target.kind !== 'field') return true;
  return /^(headline|standfirst|dateline|tags$|figures\.\d+\.)/.test(target.field);
}

function inside(at: { pos: number; node: PmNode }, from?: number, to?: number): JumpRange {
  const start = at.pos + 1;
  const size = at.node.content.size;
  if (from !== undefined && to !== undefined && from <= to && to <= size) {
    return { from: start + from, to: start + to };
  }
  return { from: start, to: start + size };
}

function topNode(doc: PmNode, name: string): { pos: number; node: PmNode } | null {
  let found: { pos: number; node: PmNode } | null = null;
  doc.forEach((node, pos) => {
    if (!found && node.type.name === name) found = { pos, node };
  });
  return found;
}

/** The document range a target names in the editor's current state, or null when it is not there. */
export function locateTarget(state: EditorState, target: GateTarget): JumpRange | null {
  const doc = state.doc;
  switch (target.kind) {
    case 'block': {
      const at = nodeOfField(doc, 'body', target.block);
      return at ? inside(at, target.from, target.to) : null;
    }
    case 'quote': {
      const at = nodeOfField(doc, 'body', target.block);
      if (!at) return null;
      const body = docToContent(doc.toJSON() as DocJSON).body;
      const q = extractQuotes(body).find((x) => x.id === target.quote);
      if (q && q.block === target.block) return inside(at, q.from, q.to);
      // A quote marked by hand (a split or a merge) is known to the quote marks, not to the extractor.
      return quoteRange(state, target.quote) ?? inside(at);
    }
    case 'thread': {
      let range: JumpRange | null = null;
      doc.descendants((node, pos) => {
        if (range) return false;
        const m = node.marks.find((x) => {
          if (x.type.name !== SPAN_MARK) return false;
          const attrs = x.attrs.attrs as Record<string, unknown> | null;
          return attrs?.thread === target.thread;
        });
        if (m && node.isText) range = { from: pos, to: pos + node.nodeSize };
        return true;
      });
      return range;
    }
    case 'field': {
      const f = target.field;
      const fig = /^figures\.(\d+)\./.exec(f);
      if (fig) {
        const at = nodeOfField(doc, 'figure.caption', Number(fig[1]));
        return at ? inside(at) : null;
      }
      if (f === 'headline' || f === 'standfirst') {
        const at = topNode(doc, f);
        return at ? inside(at) : null;
      }
      if (f.startsWith('dateline')) {
        const at = topNode(doc, 'dateline');
        return at ? { from: at.pos, to: at.pos + at.node.nodeSize, node: true } : null;
      }
      return null;
    }
  }
}

/**
 * The tags are edited below the article, outside the editor's document: the jump brings that section into
 * view and puts the cursor in its input. False when the page has no tags section.
 */
export function jumpToTags(editor: Editor): boolean {
  const section = editor.view.dom.closest('.page')?.querySelector('.tags-section');
  if (!section) return false;
  centerInView(section);
  section.querySelector<HTMLInputElement>('input')?.focus();
  return true;
}

/** Selects the range in the editor and brings it to the middle of the scrolled page. */
export function jumpTo(editor: Editor, range: JumpRange): void {
  const { state, view } = editor;
  const sel = range.node
    ? NodeSelection.create(state.doc, range.from)
    : TextSelection.create(state.doc, range.from, range.to);
  view.dispatch(state.tr.setSelection(sel));
  view.focus();
  const dom = view.domAtPos(range.from).node;
  const el = dom instanceof Element ? dom : dom.parentElement;
  if (el) centerInView(el);
}
