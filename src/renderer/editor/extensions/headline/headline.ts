// The headline: one line of plain text at the top of every article; in suggestion mode its edits are tracked
// like the body's (insertion and deletion are the only marks it takes).
import { Node, mergeAttributes } from '@tiptap/core';
import { focusNextTextblock } from '../keyboard';

export const Headline = Node.create({
  name: 'headline',
  content: 'text*',
  marks: 'insertion deletion',
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
