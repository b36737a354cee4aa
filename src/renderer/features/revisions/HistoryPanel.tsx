// The revision history of the open article: when, who, why, the note and the size of each revision; any
// revision can be opened read-only or restored (restoring stores it again as the newest revision).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionSummary } from '../../../core/ipc/contract';
import { call } from '../../bridge';
import { formatDateTime, type UiLanguage } from '../../i18n';
import { errorDetails } from '../shell/errorText';

type Props = {
  articleId: string;
  version: number;
  viewingSeq: number | null;
  onView: (seq: number) => void;
  onRestore: (seq: number) => void;
  onClose: () => void;
};

export function HistoryPanel({ articleId, version, viewingSeq, onView, onRestore, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as UiLanguage;
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('revisions:list', { id: articleId })
      .then((list) => {
        if (!live) return;
        // Newest first: the revision the editor holds is what the author looks for.
        setRevisions([...list].sort((a, b) => b.seq - a.seq));
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(errorDetails(t, e));
      });
    return () => {
      live = false;
    };
  }, [articleId, version, t]);

  const latest = revisions?.[0]?.seq ?? null;
  const num = (n: number) => n.toLocaleString(lang === 'ar' ? 'ar-u-nu-latn' : 'en');

  return (
    <aside className="side-panel history-panel" aria-label={t('history.title')} data-testid="history">
      <div className="panel-head">
        <h2 className="panel-title">{t('history.title')}</h2>
        <button
          type="button"
          className="btn btn-icon"
          aria-label={t('history.close')}
          title={t('history.close')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {t('history.failed')}: {error}
        </p>
      )}
      {revisions && revisions.length === 0 && <p className="muted">{t('history.empty')}</p>}
      <ol className="revision-list">
        {revisions?.map((r) => (
          <li
            key={r.seq}
            className={`revision${viewingSeq === r.seq ? ' revision-viewing' : ''}`}
            data-testid="revision"
            data-seq={r.seq}
          >
            <div className="revision-line">
              <span className="revision-seq">{t('history.seq', { seq: r.seq })}</span>
              <span className={`reason reason-${r.reason}`} data-testid="revision-reason">
                {t(`reason.${r.reason}`)}
              </span>
              {r.seq === latest && <span className="badge">{t('history.current')}</span>}
            </div>
            <div className="revision-line muted">
              <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, lang)}</time>
              <span dir="auto">{r.author}</span>
              <span>{t('statusbar.words', { count: r.words, formatted: num(r.words) })}</span>
            </div>
            {r.note && (
              <p className="revision-note" dir="auto" data-testid="revision-note">
                {r.note}
              </p>
            )}
            <div className="revision-actions">
              <button type="button" className="btn btn-small" onClick={() => onView(r.seq)}>
                {t('history.view')}
              </button>
              {r.seq !== latest && (
                <button
                  type="button"
                  className="btn btn-small"
                  title={t('history.restoreTitle', { seq: r.seq })}
                  onClick={() => onRestore(r.seq)}
                >
                  {t('history.restore')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </aside>
  );
}
