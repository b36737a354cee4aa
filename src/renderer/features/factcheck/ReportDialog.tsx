// The fact-check report of the latest revision: shown in a sandboxed, script-less frame (the report is a
// standalone HTML document built and escaped by the services) and offered as a download.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BridgeError, call } from '../../bridge';
import { Dialog } from '../shell/Dialog';
import { msg, postNotice } from '../shell/notices';
import { afterSave, attempt } from './actions';

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Without a window host (a plain browser) the save dialog channel is not there: the file is downloaded. */
function isUnavailable(e: unknown): boolean {
  return e instanceof BridgeError && e.error.code === 'bad_request' && /not available/i.test(e.error.message);
}

function browserDownload(fileName: string, html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
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
    const saved = await attempt('factcheck.report.saveFailed', async () => {
      try {
        const r = await call('app:saveFile', { fileName, mimeType: 'text/html', dataBase64: toBase64(html) });
        return r.saved ? 'saved' : 'cancelled';
      } catch (e) {
        if (!isUnavailable(e)) throw e;
        browserDownload(fileName, html);
        return 'downloaded';
      }
    });
    if (saved === 'saved') postNotice({ tone: 'info', title: msg('factcheck.report.saved') });
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
