// A body paragraph; carries the span bookkeeping attributes every body block has.
import { Node, mergeAttributes } from '@tiptap/core';
import { bodyBlockAttributes } from '../articleSpan/articleSpan';

export const Paragraph = Node.create({
  name: 'paragraph',
  group: 'block',
  content: 'inline*',
  priority: 1000,

  addAttributes() {
    return bodyBlockAttributes();
  },

  parseHTML() {
    return [{ tag: 'p' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes), 0];
  },
});
