// The export dialog: the format (and ninjs version), an editor's written reason when the article is not
// approved, then 'export:article' and the file saved where the user says (or downloaded where there is no
// save dialog). Refusals are explained in the desk's words, with the service's reason below.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXPORT_FORMATS,
  NINJS_VERSIONS,
  type ExportFormat,
  type NinjsVersion,
} from '../../../core/export/meta';
import { BridgeError, call } from '../../bridge';
import { Dialog } from '../shell/Dialog';
import { errorDetails } from '../shell/errorText';
import { msg, postNotice } from '../shell/notices';
import { useValue } from '../shell/valueStore';
import { saveExport } from './saveExport';
import type { WorkflowStore } from './workflowStore';

type Props = {
  id: string;
  store: WorkflowStore;
  flush: () => Promise<boolean>;
  onChanged: () => void;
  onClose: () => void;
};

export function ExportDialog({ id, store, flush, onChanged, onClose }: Props) {
  const { t } = useTranslation();
  const { state } = useValue(store);
  const [format, setFormat] = useState<ExportFormat>('html');
  const [ninjs, setNinjs] = useState<NinjsVersion>('3.1');
  const [override, setOverride] = useState('');
  const [error, setError] = useState<{ title: string; details: string | null } | null>(null);
  const [busy, setBusy] = useState(false);

  const exportable = state?.exportable ?? false;
  const mayOverride = state?.can.exportUnapproved ?? false;
  const changedAfter = !!state?.approval?.changedSince;

  async function run() {
    setBusy(true);
    setError(null);
    let stage: 'export' | 'save' = 'export';
    try {
      await flush();
      const reason = override.trim();
      const file = await call('export:article', {
        id,
        format,
        ninjsVersion: ninjs,
        ...(!exportable && reason ? { override: reason } : {}),
      });
      onChanged();
      void store.refresh();
      stage = 'save';
      const saved = await saveExport(file);
      postNotice({
        tone: 'info',
        title:
          saved.kind === 'saved'
            ? msg('workflow.export.saved', { path: saved.path ?? file.fileName })
            : saved.kind === 'downloaded'
              ? msg('workflow.export.downloaded', { name: file.fileName })
              : msg('workflow.export.cancelled'),
      });
      onClose();
    } catch (e) {
      // A refusal is the service saying no to the export itself; writing the file can only fail.
      const refused =
        stage === 'export' &&
        e instanceof BridgeError &&
        (e.error.code === 'conflict' || e.error.code === 'bad_request');
      const title = !refused
        ? t('workflow.export.failed')
        : !exportable && !mayOverride
          ? t('workflow.export.refusedRole')
          : !exportable && !override.trim()
            ? t('workflow.export.refusedNoReason')
            : t('workflow.export.refused');
      // The service's own words stay below, as the record of why (its error kind would only repeat the title).
      setError({
        title,
        details: e instanceof BridgeError && refused ? e.error.message : errorDetails(t, e),
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('workflow.export.title')} onCancel={onClose} testId="export-dialog">
      <form
        className="wf-export"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <fieldset className="wf-choices wf-formats">
          <legend className="field-label">{t('workflow.export.format')}</legend>
          {EXPORT_FORMATS.map((f) => (
            <label key={f} className="wf-choice">
              <input
                type="radio"
                name="format"
                value={f}
                checked={format === f}
                onChange={() => setFormat(f)}
                data-testid={`format-${f}`}
              />
              <span className="wf-choice-name">{t(`workflow.export.${f}`)}</span>
            </label>
          ))}
        </fieldset>
        {format === 'ninjs' && (
          <label className="field wf-field">
            <span className="field-label">{t('workflow.export.ninjsVersion')}</span>
            <select
              value={ninjs}
              onChange={(e) => setNinjs(e.target.value as NinjsVersion)}
              data-testid="ninjs-version"
            >
              {NINJS_VERSIONS.map((v) => (
                <option key={v} value={v}>
                  ninjs {v}
                </option>
              ))}
            </select>
          </label>
        )}
        {state && exportable && <p className="wf-ok">{t('workflow.export.approvedNote')}</p>}
        {state && !exportable && (
          <div className="wf-warn" data-testid="export-not-approved">
            <p>
              {changedAfter
                ? t('workflow.export.changedAfter')
                : t('workflow.export.notApproved', { status: t(`status.${state.status}`) })}
            </p>
            {mayOverride ? (
              <label className="field wf-field">
                <span className="field-label">{t('workflow.export.overrideLabel')}</span>
                <textarea
                  dir="auto"
                  rows={2}
                  maxLength={2000}
                  value={override}
                  placeholder={t('workflow.export.overridePlaceholder')}
                  onChange={(e) => setOverride(e.target.value)}
                  data-testid="export-override"
                />
              </label>
            ) : (
              <p>{t('workflow.export.onlyEditor')}</p>
            )}
          </div>
        )}
        {error && (
          <div className="field-error" role="alert" data-testid="export-error">
            <p className="wf-error-title">{error.title}</p>
            {error.details && (
              <p className="wf-error-details" dir="auto">
                {error.details}
              </p>
            )}
          </div>
        )}
        <div className="dialog-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="export-confirm">
            {busy ? t('workflow.export.working') : t('workflow.export.confirm')}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
