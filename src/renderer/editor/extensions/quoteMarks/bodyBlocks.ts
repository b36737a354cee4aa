// Where the article's body blocks sit in the editor document, and the conversion between a body block's
// UTF-16 text offsets (the model's and the core's convention) and ProseMirror positions.
import type { Node as PMNode } from '@tiptap/pm/model';

/** The node types docToContent turns into body blocks (everything after the dateline). */
export const BODY_NODE_TYPES: ReadonlySet<string> = new Set(['paragraph', 'subheading', 'blockquote']);

export type BodyBlock = { node: PMNode; pos: number };

/** The body blocks in reading order; a block's index here is its index in ArticleContent.body. */
export function bodyBlocks(doc: PMNode): BodyBlock[] {
  const out: BodyBlock[] = [];
  doc.forEach((node, pos) => {
    if (BODY_NODE_TYPES.has(node.type.name)) out.push({ node, pos });
  });
  return out;
}

/**
 * Position of a text offset inside a body block. Body blocks hold only text, so one UTF-16 unit is one
 * position; the offset is clamped to the block.
 */
export function offsetToPos(block: BodyBlock, offset: number): number {
  return block.pos + 1 + Math.max(0, Math.min(offset, block.node.content.size));
}

/** The body block and text offsets of a document range that lies inside one body block, or null. */
export function rangeInBlock(
  doc: PMNode,
  from: number,
  to: number,
): { block: number; from: number; to: number } | null {
  if (from >= to) return null;
  const blocks = bodyBlocks(doc);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const start = b.pos + 1;
    const end = start + b.node.content.size;
    if (from >= start && to <= end) return { block: i, from: from - start, to: to - start };
  }
  return null;
}

/** True when both ends of the range are in body text (a span may cover several body blocks). */
export function rangeInBody(doc: PMNode, from: number, to: number): boolean {
  if (from >= to) return false;
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  return (
    $from.depth === 1 &&
    $to.depth === 1 &&
    BODY_NODE_TYPES.has($from.parent.type.name) &&
    BODY_NODE_TYPES.has($to.parent.type.name)
  );
}
