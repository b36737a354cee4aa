// Inline text, the only inline node an article has.
import { Node } from '@tiptap/core';

export const Text = Node.create({
  name: 'text',
  group: 'inline',
});
