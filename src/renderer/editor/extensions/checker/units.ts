// The checkable texts of the article document: every top-level textblock (headline, standfirst, figure
// captions, body blocks) with the position of its first character. A leaf inside a block (a line break)
// counts as one character, so a text offset plus the start position is always a document position.
import type { Node as PmNode } from '@tiptap/pm/model';
import type { FieldName } from '../../../../core/checker';

export type CheckUnit = {
  /** Document position of the block node; its text starts at pos + 1. */
  pos: number;
  node: PmNode;
  text: string;
  field?: FieldName;
};

const LEAF = '\ufffc';

export function unitText(node: PmNode): string {
  return node.textBetween(0, node.content.size, undefined, LEAF);
}

function fieldOf(node: PmNode, figureIndex: number): FieldName | undefined {
  if (node.type.name === 'headline') return 'headline';
  if (node.type.name === 'standfirst') return 'standfirst';
  if (node.type.name === 'figure') return `figures.${figureIndex}.caption`;
  return undefined;
}

/** Every unit of the document, in order. */
export function allUnits(doc: PmNode): CheckUnit[] {
  const out: CheckUnit[] = [];
  let figure = 0;
  doc.forEach((node, pos) => {
    if (!node.isTextblock) return;
    out.push({ pos, node, text: unitText(node), field: fieldOf(node, figure) });
    if (node.type.name === 'figure') figure++;
  });
  return out;
}

/** The units that overlap any of the ranges (document positions of `doc`). */
export function unitsInRanges(doc: PmNode, ranges: readonly (readonly [number, number])[]): CheckUnit[] {
  if (ranges.length === 0) return [];
  const hit = new Set<number>();
  const out: CheckUnit[] = [];
  let figure = 0;
  doc.forEach((node, pos) => {
    const end = pos + node.nodeSize;
    const isFigure = node.type.name === 'figure';
    if (node.isTextblock && !hit.has(pos) && ranges.some(([a, b]) => a <= end && b >= pos)) {
      hit.add(pos);
      out.push({ pos, node, text: unitText(node), field: fieldOf(node, figure) });
    }
    if (isFigure) figure++;
  });
  return out;
}
