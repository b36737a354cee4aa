// The article schema as a list of TipTap extensions: the editor, the read-only revision view and the tests
// all build their editors from this one list.
import type { Extensions, NodeViewRenderer } from '@tiptap/core';
import { UndoRedo, Dropcursor, Gapcursor } from '@tiptap/extensions';
import { ArticleDocument } from './extensions/articleDocument/articleDocument';
import { Headline } from './extensions/headline/headline';
import { Standfirst } from './extensions/standfirst/standfirst';
import { Figure } from './extensions/figure/figure';
import { Dateline } from './extensions/dateline/dateline';
import { Paragraph } from './extensions/paragraph/paragraph';
import { Subheading } from './extensions/subheading/subheading';
import { Blockquote } from './extensions/blockquote/blockquote';
import { ArticleSpan } from './extensions/articleSpan/articleSpan';
import { Text } from './extensions/text/text';
import { Insertion, Deletion } from './extensions/suggestions/marks';
import { Suggestions } from './extensions/suggestions/suggestions';
import { CaptionCheck } from './extensions/figure/captionCheck';
import { FigureMedia } from './extensions/figure/figureMedia';
import { CodeReplacements } from './extensions/codes/codeReplacements';
import { QuoteMarks } from './extensions/quoteMarks/quoteMarks';
import { Comments } from './extensions/comments/comments';
import { Checker } from './extensions/checker/checker';

/** Node views are React components; tests without a React tree build the schema with none. */
export type ArticleViews = { figure: NodeViewRenderer | null; dateline: NodeViewRenderer | null };

/** When the checker starts: see CheckerOptions.start. */
export type CheckerStart = 'now' | 'configured' | 'off';

export function articleExtensions(
  views: ArticleViews = { figure: null, dateline: null },
  checker: CheckerStart = 'now',
): Extensions {
  return [
    ArticleDocument,
    Headline,
    Standfirst,
    Figure.configure({ view: views.figure }),
    Dateline.configure({ view: views.dateline }),
    Paragraph,
    Subheading,
    Blockquote,
    Text,
    ArticleSpan,
    Insertion,
    Deletion,
    QuoteMarks,
    Comments,
    CaptionCheck,
    FigureMedia,
    CodeReplacements,
    Checker.configure({ start: checker }),
    Suggestions,
    UndoRedo,
    Dropcursor,
    Gapcursor,
  ];
}
