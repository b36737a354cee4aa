// The generic inline span mark: carries a model Span (speech quote, comment anchor …) through editing.
// Spans of one type may overlap (excludes: ''), and the mark styles only colour and underline, never the
// font, so Arabic letters keep joining across span edges.
import { Mark, mergeAttributes } from '@tiptap/core';
import { SPAN_MARK } from '../../articleDoc';

/** Attributes every body block carries so that its spans round-trip exactly (see articleDoc.ts). */
export function bodyBlockAttributes() {
  return {
    marksField: { default: false, rendered: false },
    detachedSpans: { default: [], rendered: false },
  };
}

export const ArticleSpan = Mark.create({
  name: SPAN_MARK,
  excludes: '',
  inclusive: false,
  spanning: true,

  addAttributes() {
    return {
      kind: { default: '', renderHTML: (a: { kind: string }) => ({ 'data-span': a.kind }) },
      attrs: { default: null, rendered: false },
      order: { default: null, rendered: false },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-span]', getAttrs: (el) => ({ kind: el.getAttribute('data-span') ?? '' }) }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'article-span' }), 0];
  },
});
