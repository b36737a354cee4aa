// How the dateline looks in the editor: place and sources as two small fields on one line.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { parseSources, type DatelineAttrs } from './dateline';

export function DatelineView({ node, updateAttributes, editor }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const a = node.attrs as DatelineAttrs;
  const editable = editor.isEditable;
  // The sources field keeps what is typed (a trailing comma, spaces) while the attribute holds the list;
  // it follows the attribute again whenever the list changes from elsewhere (undo, restore).
  const [sourcesText, setSourcesText] = useState(a.sources.join('، '));
  const [shownFor, setShownFor] = useState(a.sources);
  if (shownFor !== a.sources && JSON.stringify(parseSources(sourcesText)) !== JSON.stringify(a.sources)) {
    setShownFor(a.sources);
    setSourcesText(a.sources.join('، '));
  }
  return (
    <NodeViewWrapper className="article-dateline" data-testid="dateline">
      <div className="dateline-fields" contentEditable={false}>
        <span className="dateline-label">{t('editor.dateline')}</span>
        <input
          className="dateline-place"
          aria-label={t('editor.place')}
          placeholder={t('editor.place')}
          dir="rtl"
          readOnly={!editable}
          value={a.place}
          data-testid="dateline-place"
          onChange={(e) => updateAttributes({ place: e.target.value })}
        />
        <span className="dateline-sep" aria-hidden>
          -
        </span>
        <input
          className="dateline-sources"
          aria-label={`${t('editor.sources')} (${t('editor.sourcesHint')})`}
          placeholder={t('editor.sources')}
          title={t('editor.sourcesHint')}
          dir="rtl"
          readOnly={!editable}
          value={sourcesText}
          data-testid="dateline-sources"
          onChange={(e) => {
            setSourcesText(e.target.value);
            const list = parseSources(e.target.value);
            setShownFor(list);
            updateAttributes({ sources: list });
          }}
        />
      </div>
    </NodeViewWrapper>
  );
}
