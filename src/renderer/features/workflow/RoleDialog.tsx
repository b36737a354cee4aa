// Settings: the desk member's role (copy editor, fact-checker, editor), which decides the moves, approval and
// overrides the workflow offers them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../core/workflow';
import { call } from '../../bridge';
import { Dialog } from '../shell/Dialog';
import { errorDetails } from '../shell/errorText';
import { msg, postNotice } from '../shell/notices';
import { roleStore } from './workflowStore';

type Props = { initial: Role; onDone: () => void };

export function RoleDialog({ initial, onDone }: Props) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    try {
      const saved = await call('user:setRole', { role });
      roleStore.set(saved);
      postNotice({
        tone: 'info',
        title: msg('workflow.roleSaved', { role: t(`workflow.role.${saved.role}`) }),
      });
      onDone();
    } catch (e) {
      setError(`${t('workflow.roleFailed')}: ${errorDetails(t, e)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('workflow.settingsTitle')} onCancel={onDone} testId="settings-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="wf-choices">
          <legend className="field-label">{t('workflow.roleLegend')}</legend>
          {ROLES.map((r) => (
            <label key={r} className="wf-choice">
              <input
                type="radio"
                name="role"
                value={r}
                checked={role === r}
                onChange={() => setRole(r)}
                data-testid={`role-${r}`}
              />
              <span>
                <span className="wf-choice-name">{t(`workflow.role.${r}`)}</span>
                <span className="wf-choice-hint muted">{t(`workflow.roleHint.${r}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="role-save">
            {t('workflow.roleSave')}
          </button>
          <button type="button" className="btn" onClick={onDone}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
