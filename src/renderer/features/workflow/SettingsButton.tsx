// The toolbar's settings button: shows the desk member's role and opens the settings dialog to change it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { msg, postNotice } from '../shell/notices';
import { useValue } from '../shell/valueStore';
import { RoleDialog } from './RoleDialog';
import { loadRole, roleStore } from './workflowStore';
import './workflow.css';

/** `user` is the name the shell knows: the role is read again when it changes (roles belong to a name). */
export function SettingsButton({ user }: { user: string | null }) {
  const { t } = useTranslation();
  const info = useValue(roleStore);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (user === null) return;
    loadRole().catch((e: unknown) =>
      postNotice({ tone: 'error', title: msg('workflow.roleFailed'), details: [{ error: e }] }),
    );
  }, [user]);

  return (
    <>
      <button
        type="button"
        className="btn btn-quiet"
        title={t('workflow.settings')}
        onClick={() => setOpen(true)}
        data-testid="settings"
        data-role={info?.role}
      >
        {info ? t('workflow.roleButton', { role: t(`workflow.role.${info.role}`) }) : t('workflow.settings')}
      </button>
      {open && <RoleDialog initial={info?.role ?? 'copy-editor'} onDone={() => setOpen(false)} />}
    </>
  );
}
