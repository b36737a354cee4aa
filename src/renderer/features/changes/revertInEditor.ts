// Applies a revert plan (changeModel.planRevert) to the live editor as one transaction, kept apart in the
// undo history so that one Undo brings the change back exactly.
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { dispatchOwnStep } from '../../editor/ownStep';
import { TextSelection } from '@tiptap/pm/state';
import type { DiffField } from '../../../core/diff';
import type { RevertPlan } from './changeModel';

const BODY_NODES = new Set(['paragraph', 'subheading', 'blockquote']);
const FIELD_NODE: Partial<Record<DiffField, string>> = {
  headline: 'headline',
  standfirst: 'standfirst',
  'figure.caption': 'figure',
};

/** The position before the `index`-th top-level node that holds `field` (body blocks count together). */
export function nodeOfField(
  doc: PmNode,
  field: DiffField,
  index: number,
): { pos: number; node: PmNode } | null {
  let seen = 0;
  let found: { pos: number; node: PmNode } | null = null;
  doc.forEach((node, offset) => {
    if (found) return;
    const hit = field === 'body' ? BODY_NODES.has(node.type.name) : node.type.name === FIELD_NODE[field];
    if (!hit) return;
    if (seen === index) found = { pos: offset, node };
    seen++;
  });
  return found;
}

/** Body block count of the document (the schema keeps at least one). */
function bodyCount(doc: PmNode): number {
  let n = 0;
  doc.forEach((node) => {
    if (BODY_NODES.has(node.type.name)) n++;
  });
  return n;
}

/** Runs the plan; false when the document no longer has the place it names. */
export function revertInEditor(editor: Editor, plan: RevertPlan): boolean {
  const { state } = editor;
  const tr = state.tr;
  const { schema, doc } = state;
  switch (plan.kind) {
    case 'text': {
      const at = nodeOfField(doc, plan.field, plan.index);
      if (!at) return false;
      // Text blocks hold text only (no leaf nodes), so a text offset is a position offset.
      const start = at.pos + 1;
      if (plan.to > at.node.content.size) return false;
      if (plan.text) tr.insertText(plan.text, start + plan.from, start + plan.to);
      else tr.delete(start + plan.from, start + plan.to);
      tr.setSelection(TextSelection.create(tr.doc, start + plan.from, start + plan.from + plan.text.length));
      break;
    }
    case 'deleteBlock': {
      const at = nodeOfField(doc, 'body', plan.index);
      if (!at || bodyCount(doc) < 2) return false;
      tr.delete(at.pos, at.pos + at.node.nodeSize);
      break;
    }
    case 'insertBlock': {
      const type = schema.nodes[plan.type];
      if (!type) return false;
      const node = type.create(
        { marksField: false, detachedSpans: [] },
        plan.text ? schema.text(plan.text) : null,
      );
      let pos: number;
      if (plan.at === 0) {
        const first = nodeOfField(doc, 'body', 0);
        if (!first) return false;
        pos = first.pos;
      } else {
        const prev = nodeOfField(doc, 'body', plan.at - 1);
        if (!prev) return false;
        pos = prev.pos + prev.node.nodeSize;
      }
      tr.insert(pos, node);
      break;
    }
    case 'retype': {
      const at = nodeOfField(doc, 'body', plan.index);
      const type = schema.nodes[plan.type];
      if (!at || !type) return false;
      tr.setNodeMarkup(at.pos, type, at.node.attrs);
      break;
    }
  }
  // A change of its own in the history: neither merged with the typing before it nor with what follows.
  dispatchOwnStep(editor, tr.scrollIntoView());
  return true;
}
