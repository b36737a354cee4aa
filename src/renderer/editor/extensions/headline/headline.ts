// The headline: one line of plain text at the top of every article.
import { Node, mergeAttributes } from '@tiptap/core';
import { focusNextTextblock } from '../keyboard';

export const Headline = Node.create({
  name: 'headline',
  content: 'text*',
  marks: '',
  defining: true,

  parseHTML() {
    return [{ tag: 'h1' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['h1', mergeAttributes(HTMLAttributes, { class: 'article-headline' }), 0];
  },

  addKeyboardShortcuts() {
    // A headline has one line: Enter moves on to the next part of the article instead of splitting it.
    return { Enter: ({ editor }) => focusNextTextblock(editor, this.name) };
  },
});
