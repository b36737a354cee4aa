// The trash: deleted articles, each restorable to the library.
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../core/ipc/contract';
import { call } from '../../bridge';
import { msg, postNotice } from '../shell/notices';
import { ArticleTable } from './ArticleTable';
import { useArticles } from './useArticles';

type Props = { version: number; onChanged: () => void };

export function TrashView({ version, onChanged }: Props) {
  const { t } = useTranslation();
  const { items, error } = useArticles(true, version);

  async function restore(a: ArticleSummary) {
    const headline = a.headline || t('library.untitled');
    try {
      await call('library:untrash', { id: a.id });
      postNotice({ tone: 'info', title: msg('trash.restored', { headline }) });
      onChanged();
    } catch (e) {
      postNotice({ tone: 'error', title: msg('trash.restore'), details: [{ error: e }] });
    }
  }

  return (
    <section className="library" aria-label={t('trash.title')} data-testid="trash">
      <div className="library-head">
        <h1 className="screen-title">{t('trash.title')}</h1>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {items && items.length === 0 && <p className="empty-state">{t('trash.empty')}</p>}
      {items && items.length > 0 && (
        <ArticleTable items={items} mode="trash" onRestore={(a) => void restore(a)} />
      )}
    </section>
  );
}
