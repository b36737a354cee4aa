// The dateline: where the story was filed (place) and the agencies it draws on (sources). It has no text of
// its own, so it is an atom whose two fields are edited through DatelineView.
import { Node, mergeAttributes, type NodeViewRenderer } from '@tiptap/core';

export type DatelineAttrs = { place: string; sources: string[] };
export type DatelineOptions = { view: NodeViewRenderer | null };

/** How a list of sources is written in one field: separated by the Arabic or Latin comma. */
export function parseSources(text: string): string[] {
  return text
    .split(/[،,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const Dateline = Node.create<DatelineOptions>({
  name: 'dateline',
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return { view: null };
  },

  addAttributes() {
    return {
      place: {
        default: '',
        parseHTML: (el: HTMLElement) => el.getAttribute('data-place') ?? '',
        renderHTML: (a: Record<string, unknown>) => ({ 'data-place': a.place }),
      },
      sources: {
        default: [],
        parseHTML: (el: HTMLElement) => parseSources(el.getAttribute('data-sources') ?? ''),
        renderHTML: (a: Record<string, unknown>) => ({
          'data-sources': Array.isArray(a.sources) ? a.sources.join('، ') : '',
        }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div.article-dateline' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const a = node.attrs as DatelineAttrs;
    const text = [a.place, a.sources.join('، ')].filter(Boolean).join(' - ');
    return ['div', mergeAttributes(HTMLAttributes, { class: 'article-dateline' }), text];
  },

  addNodeView() {
    return this.options.view;
  },
});
