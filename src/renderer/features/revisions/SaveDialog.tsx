// Ctrl+S: saves a manual revision, with an optional note for the history.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../shell/Dialog';

type Props = { onSave: (note: string | null) => void; onCancel: () => void };

export function SaveDialog({ onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <Dialog title={t('save.title')} onCancel={onCancel} testId="save-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSave(note.trim() ? note.trim() : null);
        }}
      >
        <label className="field">
          <span className="field-label">{t('save.note')}</span>
          <input
            autoFocus
            dir="auto"
            maxLength={2000}
            placeholder={t('save.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="save-note"
          />
        </label>
        <div className="dialog-actions">
          <button type="submit" className="btn btn-primary" data-testid="save-confirm">
            {t('save.confirm')}
          </button>
          <button type="button" className="btn" onClick={onCancel}>
            {t('save.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
