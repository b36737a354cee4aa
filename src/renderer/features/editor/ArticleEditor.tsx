// The TipTap editor with the article schema, right-to-left and Arabic; also the read-only revision view.
import { useEffect } from 'react';
import { EditorContent, ReactNodeViewRenderer, useEditor, type Editor } from '@tiptap/react';
import type { ArticleContent } from '../../../core/article/model';
import { articleExtensions } from '../../editor/articleExtensions';
import { contentToDoc } from '../../editor/articleDoc';
import { FigureView } from '../../editor/extensions/figure/FigureView';
import { DatelineView } from '../../editor/extensions/dateline/DatelineView';

type Props = {
  content: ArticleContent;
  editable: boolean;
  /** Called once the editor exists (and with null when it goes away). */
  onEditor?: (editor: Editor | null) => void;
  /** Called after every change of the document. */
  onChange?: (editor: Editor) => void;
  label: string;
};

const views = { figure: ReactNodeViewRenderer(FigureView), dateline: ReactNodeViewRenderer(DatelineView) };

export function ArticleEditor({ content, editable, onEditor, onChange, label }: Props) {
  const editor = useEditor(
    {
      // The live editor is checked once the house style is there (useCheckerTools configures it); an old
      // revision is read, not corrected, so it is not checked at all.
      extensions: articleExtensions(views, editable ? 'configured' : 'off'),
      content: contentToDoc(content),
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          dir: 'rtl',
          lang: 'ar',
          class: 'article-editor',
          'aria-label': label,
          spellcheck: 'false',
          'data-testid': editable ? 'editor' : 'revision-view',
        },
      },
    },
    // The content is loaded once per editor; a different revision gets a fresh editor (see the key upstream).
    [],
  );

  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);

  useEffect(() => {
    if (!onChange) return;
    const handler = () => onChange(editor);
    editor.on('update', handler);
    return () => {
      editor.off('update', handler);
    };
  }, [editor, onChange]);

  return <EditorContent editor={editor} className="editor-host" />;
}
