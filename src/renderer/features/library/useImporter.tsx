// The import flow shared by the button, drag and drop, paste and the menu: calls the service, asks before
// importing a duplicate, shows warnings and errors, and opens the imported article.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../../../core/ipc/contract';
import { call } from '../../bridge';
import { Dialog } from '../shell/Dialog';
import { msg, postNotice, type Msg } from '../shell/notices';
import { fileToBase64 } from './fileData';
import { warningMsg } from './importWarnings';

type Attempt = (allowDuplicate: boolean) => Promise<ImportOutcome>;
type Pending = { headline: string; existingId: string; attempt: Attempt; failTitle: Msg };

export type Importer = {
  busy: boolean;
  importFile: (file: File) => Promise<void>;
  importText: (text: string, format: 'text' | 'html') => Promise<void>;
  /** Opens the system file picker. */
  pickFile: () => void;
  /** The hidden file input and the duplicate question; render once. */
  element: ReactNode;
};

export function useImporter(onImported: (id: string) => void): Importer {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const run = useCallback(
    async (attempt: Attempt, allowDuplicate: boolean, failTitle: Msg) => {
      setBusy(true);
      try {
        const outcome = await attempt(allowDuplicate);
        if (outcome.kind === 'duplicate') {
          setPending({
            headline: outcome.existingHeadline,
            existingId: outcome.existingId,
            attempt,
            failTitle,
          });
          return;
        }
        if (outcome.warnings.length) {
          postNotice({
            tone: 'warning',
            title: msg('import.warningsTitle'),
            details: outcome.warnings.map(warningMsg),
          });
        }
        onImported(outcome.id);
      } catch (e) {
        postNotice({ tone: 'error', title: failTitle, details: [{ error: e }] });
      } finally {
        setBusy(false);
      }
    },
    [onImported],
  );

  const importFile = useCallback(
    async (file: File) => {
      const failTitle = msg('import.failed', { name: file.name });
      let data: string;
      try {
        data = await fileToBase64(file);
      } catch (e) {
        postNotice({
          tone: 'error',
          title: msg('import.readFailed', { name: file.name }),
          details: [{ error: e }],
        });
        return;
      }
      const fileName = file.name || 'article.txt';
      await run(
        (allowDuplicate) => call('library:importFile', { fileName, dataBase64: data, allowDuplicate }),
        false,
        failTitle,
      );
    },
    [run],
  );

  const importText = useCallback(
    async (text: string, format: 'text' | 'html') => {
      if (!text.trim()) {
        postNotice({ tone: 'warning', title: msg('import.emptyPaste') });
        return;
      }
      await run(
        (allowDuplicate) => call('library:importText', { text, format, allowDuplicate }),
        false,
        msg('import.failedPaste'),
      );
    },
    [run],
  );

  const element = (
    <>
      <input
        ref={inputRef}
        type="file"
        hidden
        data-testid="import-input"
        accept=".txt,.text,.md,.markdown,.html,.htm,.docx,text/plain,text/html,text/markdown"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Reset so that choosing the same file again fires another change event.
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
      {pending && (
        <Dialog
          title={t('import.duplicateTitle')}
          onCancel={() => setPending(null)}
          testId="duplicate-dialog"
        >
          <p className="dialog-text">{t('import.duplicate', { headline: pending.headline })}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="btn btn-primary"
              autoFocus
              onClick={() => {
                const p = pending;
                setPending(null);
                void run(p.attempt, true, p.failTitle);
              }}
            >
              {t('import.again')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                const id = pending.existingId;
                setPending(null);
                onImported(id);
              }}
            >
              {t('import.openExisting')}
            </button>
            <button type="button" className="btn" onClick={() => setPending(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );

  return { busy, importFile, importText, pickFile: () => inputRef.current?.click(), element };
}
