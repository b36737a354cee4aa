// The Suggestions side panel: every insertion and deletion with its author, time and text; accept or reject
// one, all of one author's, or all. Each decision is one undo step in the editor.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { TextSelection } from '@tiptap/pm/state';
import {
  resolveSuggestions,
  suggestionsStore,
  type EditorSuggestion,
  type SuggestionsFilter,
} from '../../editor/extensions/suggestions/suggestions';
import { useValue } from '../shell/valueStore';

type Props = {
  editor: Editor;
  active: string | null;
  onActive: (id: string | null) => void;
  onClose: () => void;
};

function useTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const f = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : f.format(d);
  };
}

function show(editor: Editor, s: EditorSuggestion): void {
  const { state, view } = editor;
  if (s.to > state.doc.content.size) return;
  view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, s.from, s.to)).scrollIntoView());
  view.focus();
}

export function SuggestionsPanel({ editor, active, onActive, onClose }: Props) {
  const { t } = useTranslation();
  const time = useTime();
  const { items } = useValue(suggestionsStore(editor));
  const list = useRef<HTMLOListElement>(null);
  const authors = [...new Set(items.map((s) => s.author))];
  const decide = (decision: 'accept' | 'reject', filter: SuggestionsFilter) => {
    resolveSuggestions(editor, decision, filter);
    onActive(null);
  };

  useEffect(() => {
    if (!active) return;
    list.current?.querySelector(`[data-id="${CSS.escape(active)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <aside
      className="side-panel sugg-panel"
      aria-label={t('suggestions.panelTitle')}
      data-testid="suggestions-panel"
    >
      <div className="panel-head">
        <h2 className="panel-title">{t('suggestions.panelTitle')}</h2>
        <button type="button" className="btn btn-quiet" onClick={onClose} aria-label={t('suggestions.close')}>
          ×
        </button>
      </div>
      {items.length === 0 ? (
        <p className="muted sugg-empty">{t('suggestions.none')}</p>
      ) : (
        <>
          <div className="sugg-all">
            <span className="muted">{t('suggestions.count', { count: items.length })}</span>
            <button
              type="button"
              className="btn"
              onClick={() => decide('accept', {})}
              data-testid="suggestions-accept-all"
            >
              {t('suggestions.acceptAll')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => decide('reject', {})}
              data-testid="suggestions-reject-all"
            >
              {t('suggestions.rejectAll')}
            </button>
          </div>
          {authors.length > 1 &&
            authors.map((author) => (
              <div className="sugg-author" key={author} data-testid="suggestions-author" data-author={author}>
                <span>
                  {t('suggestions.byAuthor', {
                    author,
                    count: items.filter((s) => s.author === author).length,
                  })}
                </span>
                <button
                  type="button"
                  className="btn btn-quiet"
                  title={t('suggestions.acceptAuthor', { author })}
                  onClick={() => decide('accept', { author })}
                >
                  ✓
                </button>
                <button
                  type="button"
                  className="btn btn-quiet"
                  title={t('suggestions.rejectAuthor', { author })}
                  onClick={() => decide('reject', { author })}
                >
                  ✕
                </button>
              </div>
            ))}
          <ol className="sugg-list" ref={list}>
            {items.map((s) => (
              <li
                key={s.id}
                className={`sugg-item sugg-item-${s.type}${s.id === active ? ' sugg-item-active' : ''}`}
                data-id={s.id}
                data-type={s.type}
                data-testid="suggestion-item"
              >
                <button
                  type="button"
                  className="sugg-item-body"
                  title={t('suggestions.show')}
                  onClick={() => {
                    onActive(s.id);
                    show(editor, s);
                  }}
                >
                  <span className="sugg-meta">
                    <span className={`sugg-kind sugg-kind-${s.type}`}>{t(`suggestions.${s.type}`)}</span>
                    <span className="sugg-who">{s.author}</span>
                    <time dateTime={s.at}>{time(s.at)}</time>
                  </span>
                  <span className="sugg-text" data-testid="suggestion-text">
                    {s.type === 'insertion' ? <ins>{s.text}</ins> : <del>{s.text}</del>}
                  </span>
                </button>
                <span className="sugg-actions">
                  <button
                    type="button"
                    className="btn btn-primary"
                    title={t('suggestions.acceptTitle')}
                    onClick={() => decide('accept', { id: s.id })}
                    data-testid="suggestion-accept"
                  >
                    {t('suggestions.accept')}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    title={t('suggestions.rejectTitle')}
                    onClick={() => decide('reject', { id: s.id })}
                    data-testid="suggestion-reject"
                  >
                    {t('suggestions.reject')}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}
