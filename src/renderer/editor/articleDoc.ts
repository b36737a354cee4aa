// Converts the stored article (ArticleContent) to the editor's ProseMirror JSON and back, losslessly.
// Pure: no ProseMirror import, so it runs anywhere and the round trip can be tested on plain data.
// Inline spans (speech quotes, comments …) become one generic `articleSpan` mark per span, carrying the span's
// type, attrs and its position in the original list, so marks the editor does not render yet still survive
// editing (ProseMirror maps them through every change) and come back in their original order.
// Suggestions (well-formed `insertion` / `deletion` spans) are the exception: they are real marks of their own,
// and the only marks the headline carries (its tracked changes, ArticleContent.headlineMarks).
import type { ArticleContent, Block, BlockType, Figure, RelatedStory, Span } from '../../core/article/model';
import { isSuggestionType, suggestionAttrs } from '../../core/suggestions/suggestions';

export type DocJSON = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: DocJSON[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
};

export const SPAN_MARK = 'articleSpan';
const BODY_NODE: Record<BlockType, string> = {
  paragraph: 'paragraph',
  subheading: 'subheading',
  blockquote: 'blockquote',
};
const BODY_TYPE: Record<string, BlockType> = {
  paragraph: 'paragraph',
  subheading: 'subheading',
  blockquote: 'blockquote',
};

/** Spans ProseMirror cannot hold as marks (empty or out of range) are kept verbatim on the block node. */
type DetachedSpan = { order: number; span: Span };
type SpanMarkAttrs = { kind: string; attrs: Span['attrs'] | null; order: number | null };

function spanMark(span: Span, order: number): { type: string; attrs: Record<string, unknown> } {
  const suggestion = suggestionAttrs(span);
  if (suggestion) return { type: span.type, attrs: { ...suggestion, order } };
  return { type: SPAN_MARK, attrs: { kind: span.type, attrs: span.attrs ?? null, order } };
}

/** Inline content of one text block: text split at every span boundary, each piece carrying its marks. */
function inlineContent(
  text: string,
  marks: Span[] | undefined,
): { content: DocJSON[]; detached: DetachedSpan[] } {
  const detached: DetachedSpan[] = [];
  const attached: { span: Span; order: number }[] = [];
  (marks ?? []).forEach((span, order) => {
    if (span.from < span.to && span.to <= text.length) attached.push({ span, order });
    else detached.push({ order, span });
  });
  if (!text) return { content: [], detached };
  const cuts = new Set<number>([0, text.length]);
  for (const { span } of attached) {
    cuts.add(span.from);
    cuts.add(span.to);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const content: DocJSON[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    const covering = attached.filter(({ span }) => span.from <= from && span.to >= to);
    const node: DocJSON = { type: 'text', text: text.slice(from, to) };
    if (covering.length) node.marks = covering.map(({ span, order }) => spanMark(span, order));
    content.push(node);
  }
  return { content, detached };
}

function textBlock(type: string, text: string, attrs?: Record<string, unknown>): DocJSON {
  const node: DocJSON = { type };
  if (attrs) node.attrs = attrs;
  if (text) node.content = [{ type: 'text', text }];
  return node;
}

function bodyBlock(b: Block): DocJSON {
  const { content, detached } = inlineContent(b.text, b.marks);
  const node: DocJSON = {
    type: BODY_NODE[b.type],
    attrs: { marksField: Array.isArray(b.marks), detachedSpans: detached },
  };
  if (content.length) node.content = content;
  return node;
}

/** The headline with its tracked changes; spans that are not well-formed suggestions have no place there. */
function headlineNode(c: ArticleContent): DocJSON {
  const marks = (c.headlineMarks ?? []).filter((s) => suggestionAttrs(s) !== null);
  if (!marks.length) return textBlock('headline', c.headline);
  const { content } = inlineContent(c.headline, marks);
  const node: DocJSON = { type: 'headline' };
  if (content.length) node.content = content;
  return node;
}

/** ArticleContent → the JSON the article schema accepts (headline, standfirst?, figure*, dateline, block+). */
export function contentToDoc(c: ArticleContent): DocJSON {
  const content: DocJSON[] = [headlineNode(c)];
  if (c.standfirst !== null) content.push(textBlock('standfirst', c.standfirst));
  for (const f of c.figures) {
    content.push(
      textBlock('figure', f.caption, {
        image: f.image,
        credit: f.credit,
        photographer: f.photographer,
        date: f.date,
        altText: f.altText,
      }),
    );
  }
  content.push({ type: 'dateline', attrs: { place: c.dateline.place, sources: [...c.dateline.sources] } });
  // The schema needs at least one body block so the author always has somewhere to type; an article without
  // a body gets one empty paragraph, which docToContent drops again.
  if (c.body.length === 0)
    content.push({ type: 'paragraph', attrs: { marksField: false, detachedSpans: [] } });
  for (const b of c.body) content.push(bodyBlock(b));
  return {
    type: 'doc',
    attrs: { tags: [...c.tags], related: c.related.map((r) => ({ ...r })) },
    content,
  };
}

function plainText(node: DocJSON): string {
  let s = '';
  for (const child of node.content ?? []) {
    if (child.type === 'text') s += child.text ?? '';
    else if (child.type === 'hardBreak') s += '\n';
  }
  return s;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Collects the spans of a text block: contiguous runs of the same articleSpan mark become one span. */
function blockSpans(node: DocJSON): { text: string; spans: { order: number; span: Span }[] } {
  const open = new Map<string, { order: number; span: Span }>();
  const done: { order: number; span: Span }[] = [];
  let pos = 0;
  let text = '';
  for (const child of node.content ?? []) {
    const piece = child.type === 'text' ? (child.text ?? '') : child.type === 'hardBreak' ? '\n' : '';
    const here = new Set<string>();
    for (const m of child.marks ?? []) {
      let a: Partial<SpanMarkAttrs>;
      if (m.type === SPAN_MARK) a = (m.attrs ?? {}) as Partial<SpanMarkAttrs>;
      else if (isSuggestionType(m.type)) {
        const { author, at, order } = m.attrs ?? {};
        a = { kind: m.type, attrs: { author: str(author), at: str(at) }, order: order as number | null };
      } else continue;
      const key = JSON.stringify([m.type, a.kind, a.attrs ?? null, a.order ?? null]);
      here.add(key);
      const run = open.get(key);
      if (run && run.span.to === pos) {
        run.span.to = pos + piece.length;
      } else {
        const span: Span = { type: str(a.kind), from: pos, to: pos + piece.length };
        if (a.attrs) span.attrs = a.attrs;
        const entry = { order: typeof a.order === 'number' ? a.order : Number.MAX_SAFE_INTEGER, span };
        open.set(key, entry);
        done.push(entry);
      }
    }
    for (const key of [...open.keys()]) if (!here.has(key)) open.delete(key);
    pos += piece.length;
    text += piece;
  }
  return { text, spans: done };
}

function blockFromNode(node: DocJSON, type: BlockType): Block {
  const { text, spans } = blockSpans(node);
  const detached = Array.isArray(node.attrs?.detachedSpans)
    ? (node.attrs.detachedSpans as DetachedSpan[])
    : [];
  const all = [...spans, ...detached.map((d) => ({ order: d.order, span: { ...d.span } }))];
  // Stable sort: spans keep the order they were stored in; spans added in the editor follow, by position.
  all.sort((a, b) => a.order - b.order || a.span.from - b.span.from);
  const block: Block = { type, text };
  if (all.length || node.attrs?.marksField === true) block.marks = all.map((s) => s.span);
  return block;
}

/** The editor's JSON → ArticleContent. Unknown node types are refused rather than silently dropped. */
export function docToContent(doc: DocJSON): ArticleContent {
  if (doc.type !== 'doc') throw new Error(`Not an article document: ${doc.type}`);
  const attrs = doc.attrs ?? {};
  const content: ArticleContent = {
    headline: '',
    standfirst: null,
    dateline: { place: '', sources: [] },
    figures: [],
    body: [],
    tags: Array.isArray(attrs.tags) ? (attrs.tags as unknown[]).map(str) : [],
    related: Array.isArray(attrs.related) ? (attrs.related as RelatedStory[]).map((r) => ({ ...r })) : [],
  };
  for (const node of doc.content ?? []) {
    const a = node.attrs ?? {};
    switch (node.type) {
      case 'headline': {
        const { text, spans } = blockSpans(node);
        content.headline = text;
        const marks = spans
          .sort((x, y) => x.order - y.order || x.span.from - y.span.from)
          .map((s) => s.span)
          .filter((s) => suggestionAttrs(s) !== null);
        if (marks.length) content.headlineMarks = marks;
        break;
      }
      case 'standfirst':
        content.standfirst = plainText(node);
        break;
      case 'figure': {
        const figure: Figure = {
          image: typeof a.image === 'string' ? a.image : null,
          caption: plainText(node),
          credit: str(a.credit),
          photographer: str(a.photographer),
          date: str(a.date),
          altText: str(a.altText),
        };
        content.figures.push(figure);
        break;
      }
      case 'dateline':
        content.dateline = {
          place: str(a.place),
          sources: Array.isArray(a.sources) ? (a.sources as unknown[]).map(str) : [],
        };
        break;
      default: {
        const type = node.type ? BODY_TYPE[node.type] : undefined;
        if (!type) throw new Error(`Unknown block in article document: ${node.type}`);
        content.body.push(blockFromNode(node, type));
      }
    }
  }
  const only = content.body[0];
  if (content.body.length === 1 && only && only.text === '' && !only.marks) content.body = [];
  return content;
}
