// The optional standfirst (summary under the headline): one block of plain text.
import { Node, mergeAttributes } from '@tiptap/core';
import { focusNextTextblock } from '../keyboard';

export const Standfirst = Node.create({
  name: 'standfirst',
  content: 'text*',
  marks: '',
  defining: true,

  parseHTML() {
    return [{ tag: 'p.article-standfirst' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['p', mergeAttributes(HTMLAttributes, { class: 'article-standfirst' }), 0];
  },

  addKeyboardShortcuts() {
    return { Enter: ({ editor }) => focusNextTextblock(editor, this.name) };
  },
});
