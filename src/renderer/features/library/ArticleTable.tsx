// The library's table of articles: headline, status, last change, author, size, and the row actions.
import { useTranslation } from 'react-i18next';
import type { ArticleSummary } from '../../../core/ipc/contract';
import { formatDateTime, type UiLanguage } from '../../i18n';

type Props = {
  items: ArticleSummary[];
  mode: 'library' | 'trash';
  onOpen?: (a: ArticleSummary) => void;
  onTrash?: (a: ArticleSummary) => void;
  onRestore?: (a: ArticleSummary) => void;
};

export function ArticleTable({ items, mode, onOpen, onTrash, onRestore }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as UiLanguage;
  return (
    <table className="article-table" data-testid={`${mode}-table`}>
      <thead>
        <tr>
          <th className="col-headline">{t('library.headline')}</th>
          <th>{t('library.status')}</th>
          <th>{mode === 'trash' ? t('trash.deletedAt') : t('library.updated')}</th>
          <th>{t('library.author')}</th>
          <th className="col-num">{t('library.words')}</th>
          <th className="col-actions">
            <span className="sr-only">{t('library.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => {
          const headline = a.headline || t('library.untitled');
          return (
            <tr key={a.id} data-testid="article-row" data-id={a.id}>
              <td className="col-headline" lang="ar" dir="rtl">
                {mode === 'library' ? (
                  <button type="button" className="link" onClick={() => onOpen?.(a)}>
                    {headline}
                  </button>
                ) : (
                  headline
                )}
              </td>
              <td>
                <span className={`status status-${a.status}`}>{t(`status.${a.status}`)}</span>
              </td>
              <td className="col-date">
                {formatDateTime(mode === 'trash' ? (a.deletedAt ?? a.updatedAt) : a.updatedAt, lang)}
              </td>
              <td dir="auto">{a.author}</td>
              <td className="col-num">{a.words.toLocaleString(lang === 'ar' ? 'ar-u-nu-latn' : 'en')}</td>
              <td className="col-actions">
                {mode === 'library' ? (
                  <>
                    <button type="button" className="btn btn-small" onClick={() => onOpen?.(a)}>
                      {t('library.open')}
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-quiet"
                      title={t('library.deleteTitle', { headline })}
                      onClick={() => onTrash?.(a)}
                    >
                      {t('library.delete')}
                    </button>
                  </>
                ) : (
                  <button type="button" className="btn btn-small" onClick={() => onRestore?.(a)}>
                    {t('trash.restore')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
