// The fact-check report of the latest revision: shown in a sandboxed, script-less frame (the report is a
// standalone HTML document built and escaped by the services) and offered as a download.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { Dialog } from '../shell/Dialog';
import { msg, postNotice } from '../shell/notices';
import { saveExport } from '../workflow/saveExport';
import { afterSave, attempt } from './actions';

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function ReportDialog({ articleId, onClose }: { articleId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [html, setHtml] = useState<string | null>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    let live = true;
    void afterSave('factcheck.report.failed', () =>
      call('factcheck:report', { id: articleId, format: 'html' }),
    ).then((doc) => {
      if (!live) return;
      if (doc === undefined) close.current();
      else setHtml(doc);
    });
    return () => {
      live = false;
    };
  }, [articleId]);

  async function download() {
    if (html === null) return;
    const fileName = `factcheck-${articleId}.html`;
    // The same path as every export: the save dialog in the app, a download where there is no window host.
    const saved = await attempt('factcheck.report.saveFailed', () =>
      saveExport({ fileName, mimeType: 'text/html', dataBase64: toBase64(html) }),
    );
    if (saved?.kind === 'saved') postNotice({ tone: 'info', title: msg('factcheck.report.saved') });
  }

  return (
    <Dialog title={t('factcheck.report.title')} onCancel={onClose} testId="report-dialog">
      <div className="fc-wide">
        {html === null ? (
          <p className="muted">{t('factcheck.report.working')}</p>
        ) : (
          <iframe
            className="fc-report-frame"
            title={t('factcheck.report.title')}
            sandbox=""
            srcDoc={html}
            data-testid="report-frame"
          />
        )}
        <div className="dialog-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={html === null}
            onClick={() => void download()}
            data-testid="report-download"
          >
            {t('factcheck.report.download')}
          </button>
          <button type="button" className="btn" onClick={onClose} autoFocus>
            {t('factcheck.closeDialog')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
