// Shown when a save is refused because the article was saved elsewhere (another window) since this editor
// loaded it. Nothing is lost either way: the author's own text stays in this dialog (selectable, to copy)
// until it is closed, and can be kept as a new revision on top; the other save stays in the history.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleContent } from '../../../core/article/model';
import { Dialog } from '../shell/Dialog';

export type SaveConflict = { mine: ArticleContent; message: string };

type Props = {
  conflict: SaveConflict;
  /** Loads the newer revision into the editor (the author's text stays shown here). */
  onReload: () => Promise<void>;
  /** Saves the author's text as a new revision on top of the other save. */
  onKeepMine: () => Promise<void>;
  onClose: () => void;
};

/** The author's text as plain paragraphs: enough to recover it by copy and paste. */
export function conflictText(c: ArticleContent): string {
  return [c.headline, c.standfirst ?? '', ...c.body.map((b) => b.text)].filter((s) => s.trim()).join('\n\n');
}

export function ConflictDialog({ conflict, onReload, onKeepMine, onClose }: Props) {
  const { t } = useTranslation();
  const [reloaded, setReloaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<void>, after: () => void) => {
    setBusy(true);
    try {
      await fn();
      after();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={t('save.conflict.title')} onCancel={onClose} testId="conflict-dialog">
      <p>{reloaded ? t('save.conflict.reloaded') : t('save.conflict.explain')}</p>
      <p className="muted" dir="auto">
        {conflict.message}
      </p>
      <label className="field">
        <span className="field-label">{t('save.conflict.mine')}</span>
        <textarea
          readOnly
          dir="rtl"
          rows={8}
          value={conflictText(conflict.mine)}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="conflict-mine"
        />
      </label>
      <div className="dialog-actions">
        {!reloaded && (
          <>
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy}
              onClick={() => void run(onReload, () => setReloaded(true))}
              data-testid="conflict-reload"
            >
              {t('save.conflict.reload')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void run(onKeepMine, onClose)}
              data-testid="conflict-keep-mine"
            >
              {t('save.conflict.keepMine')}
            </button>
          </>
        )}
        {reloaded && (
          <button type="button" className="btn" onClick={onClose} data-testid="conflict-close">
            {t('save.conflict.close')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
