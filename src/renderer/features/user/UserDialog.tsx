// Asks for the user's name once (first launch) or when they change it; the name signs every revision.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { Dialog } from '../shell/Dialog';
import { errorDetails } from '../shell/errorText';

type Props = { initial: string; onDone: (name: string) => void; onCancel: (() => void) | null };

export function UserDialog({ initial, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (!name.trim()) {
      setError(t('user.required'));
      return;
    }
    setBusy(true);
    try {
      const user = await call('user:set', { name: name.trim() });
      onDone(user.name);
    } catch (e) {
      setError(`${t('user.failed')}: ${errorDetails(t, e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('user.title')} onCancel={() => onCancel?.()} testId="user-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="dialog-text">{t('user.intro')}</p>
        <label className="field">
          <span className="field-label">{t('user.name')}</span>
          <input
            autoFocus
            dir="auto"
            value={name}
            maxLength={100}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('user.confirm')}
          </button>
          {onCancel && (
            <button type="button" className="btn" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
