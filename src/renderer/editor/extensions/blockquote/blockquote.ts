// A block quote in the body: one block of text, like a paragraph, set off from the running text.
import { Node, mergeAttributes } from '@tiptap/core';
import { bodyBlockAttributes } from '../articleSpan/articleSpan';

export const Blockquote = Node.create({
  name: 'blockquote',
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return bodyBlockAttributes();
  },

  parseHTML() {
    return [{ tag: 'blockquote' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['blockquote', mergeAttributes(HTMLAttributes, { class: 'article-blockquote' }), 0];
  },
});
