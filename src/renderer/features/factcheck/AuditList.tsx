// The article's audit trail, newest first: who did what and when (statuses, waivers with their reasons,
// speakers, claims, sources, comments, workflow).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../core/factcheck/model';
import { call } from '../../bridge';
import { formatDateTime, type UiLanguage } from '../../i18n';
import { errorDetails } from '../shell/errorText';

function str(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}

function statusText(t: TFunction, v: unknown): string {
  const s = str(v);
  return s ? t(`factcheck.status.${s}`, { defaultValue: s }) : '—';
}

/** A short line about the entry's details, in the interface language. */
function describe(t: TFunction, e: AuditEntry): string[] {
  const d = e.detail;
  const lines: string[] = [];
  if (e.action === 'quote.status') {
    lines.push(
      t('factcheck.audit.change', { from: statusText(t, d.from), to: statusText(t, d.to) }) +
        (d.by === 'verification' ? ` (${t('factcheck.audit.byVerification')})` : ''),
    );
  }
  if (e.action === 'quote.speaker') {
    lines.push(t('factcheck.audit.change', { from: str(d.from) ?? '—', to: str(d.to) ?? '—' }));
  }
  const text = str(d.text);
  if (text) lines.push(`«${text.length > 90 ? text.slice(0, 90) + '…' : text}»`);
  const reason = str(d.reason);
  if (reason) lines.push(t('factcheck.audit.reason', { reason }));
  const title = str(d.title) ?? str(d.sourceTitle);
  if (title) lines.push(title);
  return lines;
}

export function AuditList({ articleId, version }: { articleId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as UiLanguage;
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('audit:list', { id: articleId })
      .then((list) => live && setEntries([...list].reverse()))
      .catch((e: unknown) => live && setError(errorDetails(t, e)));
    return () => {
      live = false;
    };
  }, [articleId, version, t]);

  return (
    <section className="fc-section" aria-label={t('factcheck.tabs.audit')} data-testid="fc-audit">
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {entries && entries.length === 0 && <p className="muted">{t('factcheck.audit.none')}</p>}
      <ol className="fc-list">
        {entries?.map((e) => (
          <li key={e.id} className="fc-audit" data-testid="audit-entry" data-action={e.action}>
            <span className="fc-audit-head">
              <strong>{t(`factcheck.audit.actions.${e.action}`, { defaultValue: e.action })}</strong>
              <span className="muted">
                <span dir="auto">{e.actor}</span> · <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
              </span>
            </span>
            {describe(t, e).map((line, i) => (
              <span key={i} className="fc-audit-line" dir="auto">
                {line}
              </span>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
