// The two tracked-change marks. Each carries who proposed it and when ({ author, at }) plus its place in the
// block's stored span list (`order`, see articleDoc.ts). Styled by underline / strike-through and colour
// only, never the font, so Arabic letters keep joining across a mark's edges.
import { Mark, mergeAttributes } from '@tiptap/core';
import { DELETION, INSERTION } from '../../../../core/suggestions/suggestions';

function suggestionAttributes() {
  return {
    author: {
      default: '',
      parseHTML: (el: HTMLElement) => el.getAttribute('data-author') ?? '',
      renderHTML: (a: { author: string }) => ({ 'data-author': a.author }),
    },
    at: {
      default: '',
      parseHTML: (el: HTMLElement) => el.getAttribute('data-at') ?? '',
      renderHTML: (a: { at: string }) => ({ 'data-at': a.at }),
    },
    order: { default: null, rendered: false },
  };
}

export const Insertion = Mark.create({
  name: INSERTION,
  // Typing goes through the suggestion plugin, which decides what the new text carries.
  inclusive: false,
  addAttributes: suggestionAttributes,
  parseHTML() {
    return [{ tag: 'ins[data-author]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['ins', mergeAttributes(HTMLAttributes, { class: 'sugg-ins' }), 0];
  },
});

export const Deletion = Mark.create({
  name: DELETION,
  inclusive: false,
  addAttributes: suggestionAttributes,
  parseHTML() {
    return [{ tag: 'del[data-author]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['del', mergeAttributes(HTMLAttributes, { class: 'sugg-del' }), 0];
  },
});
