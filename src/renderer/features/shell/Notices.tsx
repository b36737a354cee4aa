// The stack of notices under the toolbar: errors stay until dismissed, nothing is hidden from the user.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorDetails } from './errorText';
import { dismissNotice, useNotices, type Msg } from './notices';

function text(t: TFunction, m: Msg): string {
  if (typeof m === 'string') return m;
  if ('key' in m) return m.values ? t(m.key, m.values) : t(m.key);
  return errorDetails(t, m.error);
}

export function Notices() {
  const { t } = useTranslation();
  const notices = useNotices();
  if (!notices.length) return null;
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice notice-${n.tone}`}
          role={n.tone === 'error' ? 'alert' : 'status'}
          data-testid={`notice-${n.tone}`}
        >
          <div className="notice-body">
            <strong className="notice-title">{text(t, n.title)}</strong>
            {n.details && n.details.length > 0 && (
              <ul className="notice-details">
                {n.details.map((d, i) => (
                  <li key={i}>{text(t, d)}</li>
                ))}
              </ul>
            )}
          </div>
          {n.action && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                n.action!.run();
                dismissNotice(n.id);
              }}
            >
              {text(t, n.action.label)}
            </button>
          )}
          <button
            type="button"
            className="btn btn-icon"
            aria-label={t('common.dismiss')}
            title={t('common.dismiss')}
            onClick={() => dismissNotice(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
