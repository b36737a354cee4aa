// A sub-heading inside the body (the seed's «اجتماع مرتقب»).
import { Node, mergeAttributes } from '@tiptap/core';
import { bodyBlockAttributes } from '../articleSpan/articleSpan';

export const Subheading = Node.create({
  name: 'subheading',
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return bodyBlockAttributes();
  },

  parseHTML() {
    return [{ tag: 'h2' }, { tag: 'h3' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['h2', mergeAttributes(HTMLAttributes, { class: 'article-subheading' }), 0];
  },
});
