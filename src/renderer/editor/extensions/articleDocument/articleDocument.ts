// The article's top node: the schema's order of parts (headline, standfirst?, figures, dateline, body) is
// enforced here, and the fields the editor does not show (tags, related stories) ride along as attributes.
import { Node } from '@tiptap/core';

export const ArticleDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'headline standfirst? figure* dateline block+',

  addAttributes() {
    return {
      tags: { default: [], rendered: false },
      related: { default: [], rendered: false },
    };
  },
});
