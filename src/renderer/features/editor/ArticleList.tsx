// The compact article list beside the editor, for moving between stories without leaving the editor.
import { useTranslation } from 'react-i18next';
import { useArticles } from '../library/useArticles';

type Props = { currentId: string; version: number; onOpen: (id: string) => void; onClose: () => void };

export function ArticleList({ currentId, version, onOpen, onClose }: Props) {
  const { t } = useTranslation();
  const { items, error } = useArticles(false, version);
  return (
    <aside className="side-panel list-panel" aria-label={t('toolbar.articles')} data-testid="articles-panel">
      <div className="panel-head">
        <h2 className="panel-title">{t('toolbar.articles')}</h2>
        <button
          type="button"
          className="btn btn-icon"
          aria-label={t('common.close')}
          title={t('common.close')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      <ul className="compact-list">
        {items?.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className={`compact-item${a.id === currentId ? ' compact-current' : ''}`}
              aria-current={a.id === currentId ? 'page' : undefined}
              onClick={() => onOpen(a.id)}
            >
              <span className="compact-headline" lang="ar" dir="rtl">
                {a.headline || t('library.untitled')}
              </span>
              <span className="compact-meta">{t(`status.${a.status}`)}</span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
