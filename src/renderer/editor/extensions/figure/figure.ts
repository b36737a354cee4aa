// A figure: the caption is the node's editable text; image, credit, date, photographer and alt text are
// attributes, edited through the small form of FigureView.
import { Node, mergeAttributes, type NodeViewRenderer } from '@tiptap/core';
import { focusNextTextblock } from '../keyboard';

export type FigureAttrs = {
  image: string | null;
  credit: string;
  photographer: string;
  date: string;
  altText: string;
};

export type FigureOptions = { view: NodeViewRenderer | null };

export const Figure = Node.create<FigureOptions>({
  name: 'figure',
  group: 'figure',
  content: 'text*',
  marks: '',
  defining: true,
  isolating: true,

  addOptions() {
    return { view: null };
  },

  addAttributes() {
    const field = (name: string) => ({
      default: '',
      parseHTML: (el: HTMLElement) => el.getAttribute(`data-${name}`) ?? '',
      renderHTML: (a: Record<string, unknown>) => ({ [`data-${name}`]: a[name] }),
    });
    return {
      image: { default: null, rendered: false },
      credit: field('credit'),
      photographer: field('photographer'),
      date: field('date'),
      altText: { ...field('alt'), parseHTML: (el: HTMLElement) => el.getAttribute('data-alt') ?? '' },
    };
  },

  parseHTML() {
    return [{ tag: 'figure', contentElement: 'figcaption' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes, { class: 'article-figure' }), ['figcaption', 0]];
  },

  addNodeView() {
    return this.options.view;
  },

  addKeyboardShortcuts() {
    return { Enter: ({ editor }) => focusNextTextblock(editor, this.name) };
  },
});
