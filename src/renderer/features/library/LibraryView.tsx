// The library screen: every article with its status and last change, full-text search with snippets,
// delete to the trash (with undo), and paste-to-import (Ctrl+V on the library).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleSummary, SearchHit } from '../../../core/ipc/contract';
import { call } from '../../bridge';
import { errorDetails } from '../shell/errorText';
import { msg, postNotice } from '../shell/notices';
import { ArticleTable } from './ArticleTable';
import { highlightSnippet } from './highlight';
import { useArticles } from './useArticles';
import type { Importer } from './useImporter';

type Props = {
  version: number;
  importer: Importer;
  onOpen: (id: string) => void;
  onChanged: () => void;
};

/** Paste imports only when the user is not typing into a field of the library screen. */
function isTypingTarget(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function LibraryView({ version, importer, onOpen, onChanged }: Props) {
  const { t } = useTranslation();
  const { items, error } = useArticles(false, version);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ query: string; hits: SearchHit[] } | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setHits(null);
      setSearchError(null);
      return;
    }
    let live = true;
    // A short pause so that a search runs per word typed, not per key.
    const timer = setTimeout(() => {
      call('library:search', { query: q })
        .then((found) => {
          if (!live) return;
          setHits({ query: q, hits: found });
          setSearchError(null);
        })
        .catch((e: unknown) => {
          if (live) setSearchError(errorDetails(t, e));
        });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, version, t]);

  const { importText } = importer;
  useEffect(() => {
    function onPaste(e: ClipboardEvent) {
      if (isTypingTarget(e.target) || !e.clipboardData) return;
      const html = e.clipboardData.getData('text/html');
      const text = e.clipboardData.getData('text/plain');
      e.preventDefault();
      if (html.trim()) void importText(html, 'html');
      else void importText(text, 'text');
    }
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [importText]);

  async function trash(a: ArticleSummary) {
    const headline = a.headline || t('library.untitled');
    try {
      await call('library:trash', { id: a.id });
      onChanged();
      postNotice({
        tone: 'info',
        title: msg('library.trashed', { headline }),
        action: {
          label: msg('library.undoTrash'),
          run: () => {
            call('library:untrash', { id: a.id })
              .then(onChanged)
              .catch((e: unknown) =>
                postNotice({ tone: 'error', title: msg('errors.unknown'), details: [{ error: e }] }),
              );
          },
        },
      });
    } catch (e) {
      postNotice({ tone: 'error', title: msg('library.deleteTitle', { headline }), details: [{ error: e }] });
    }
  }

  return (
    <section className="library" aria-label={t('library.title')} data-testid="library">
      <div className="library-head">
        <h1 className="screen-title">{t('library.title')}</h1>
        <input
          type="search"
          className="search-box"
          dir="auto"
          aria-label={t('library.search')}
          placeholder={t('library.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="search"
        />
      </div>

      {searchError && (
        <p className="inline-error" role="alert">
          {searchError}
        </p>
      )}
      {hits && (
        <div className="search-results" data-testid="search-results" data-query={hits.query}>
          <p className="muted">
            {hits.hits.length
              ? t('library.results', { count: hits.hits.length })
              : t('library.noResults', { query: hits.query })}
          </p>
          <ol className="hit-list">
            {hits.hits.map((h) => (
              <li key={h.id} className="hit" data-testid="search-hit">
                <button
                  type="button"
                  className="link hit-headline"
                  lang="ar"
                  dir="rtl"
                  onClick={() => onOpen(h.id)}
                >
                  {h.headline || t('library.untitled')}
                </button>
                <span className={`status status-${h.status}`}>{t(`status.${h.status}`)}</span>
                <p className="hit-snippet" lang="ar" dir="rtl">
                  {highlightSnippet(h.snippet, hits.query)}
                </p>
              </li>
            ))}
          </ol>
        </div>
      )}

      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {!hits && items === null && !error && <p className="muted">{t('library.loading')}</p>}
      {!hits && items && items.length === 0 && <p className="empty-state">{t('library.empty')}</p>}
      {!hits && items && items.length > 0 && (
        <ArticleTable
          items={items}
          mode="library"
          onOpen={(a) => onOpen(a.id)}
          onTrash={(a) => void trash(a)}
        />
      )}
    </section>
  );
}
