// The workflow side panel: the article's status, the moves the person's role allows (with an optional reason),
// the approval gates as a checklist whose problems jump to their place, approval with a written override per
// failing gate, the latest approval (and whether the article changed since), and the status history.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AuditEntry, GateResult, GateTarget, MoveOption, WorkflowState } from '../../../core/workflow';
import { call } from '../../bridge';
import { formatDateTime, type UiLanguage } from '../../i18n';
import { errorDetails } from '../shell/errorText';
import { msg, postNotice } from '../shell/notices';
import { useValue } from '../shell/valueStore';
import { hasPlace } from './jumpToTarget';
import { StatusBadge } from './StatusBadge';
import type { WorkflowStore } from './workflowStore';

type Props = {
  store: WorkflowStore;
  /** Bumped whenever the article changed (a save, a move): the history is loaded again. */
  version: number;
  /** Saves what the editor holds; actions wait for it so they apply to what is on screen. */
  flush: () => Promise<boolean>;
  onChanged: () => void;
  onJump: (target: GateTarget) => void;
  onDiffSinceApproval: (approvedSeq: number, latestSeq: number) => void;
  onChangeRole: () => void;
  onClose: () => void;
};

const MIN_REASON = 3;

export function WorkflowPanel(props: Props) {
  const { store, version, onClose } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language as UiLanguage;
  const { state, error } = useValue(store);

  return (
    <aside
      className="side-panel workflow-panel"
      aria-label={t('workflow.panelTitle')}
      data-testid="workflow-panel"
    >
      <div className="panel-head">
        <h2 className="panel-title">{t('workflow.panelTitle')}</h2>
        <button
          type="button"
          className="btn btn-icon"
          aria-label={t('workflow.close')}
          title={t('workflow.close')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {error !== null && (
        <p className="inline-error" role="alert">
          {t('workflow.failed')}: {errorDetails(t, error)}
        </p>
      )}
      {!state && error === null && <p className="muted wf-pad">{t('workflow.loading')}</p>}
      {state && (
        <>
          <section className="wf-section">
            <div className="wf-status-line">
              <span className="wf-label">{t('workflow.status')}</span>
              <StatusBadge status={state.status} testId="workflow-status" />
            </div>
            <div className="wf-role-line muted">
              <span>{t('workflow.you', { name: state.user, role: t(`workflow.role.${state.role}`) })}</span>
              <button
                type="button"
                className="link"
                onClick={props.onChangeRole}
                data-testid="workflow-change-role"
              >
                {t('workflow.changeRole')}
              </button>
            </div>
          </section>
          <Moves {...props} state={state} />
          <Gates gates={state.gates} onJump={props.onJump} />
          <Approve {...props} state={state} />
          <ApprovalInfo state={state} lang={lang} onDiff={props.onDiffSinceApproval} />
          <Audit articleId={state.id} version={version} status={state.status} lang={lang} />
        </>
      )}
    </aside>
  );
}

function Moves({ state, store, flush, onChanged }: Props & { state: WorkflowState }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const plain = state.moves.filter((m) => m.kind === 'forward' || m.kind === 'back');

  async function move(m: MoveOption) {
    setBusy(true);
    try {
      await flush();
      const r = await call('workflow:move', {
        id: state.id,
        to: m.to,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setReason('');
      postNotice({
        tone: 'info',
        title: msg('workflow.moved', { from: t(`status.${r.from}`), to: t(`status.${r.status}`) }),
      });
      onChanged();
    } catch (e) {
      postNotice({ tone: 'error', title: msg('workflow.moveFailed'), details: [{ error: e }] });
    } finally {
      setBusy(false);
      void store.refresh();
    }
  }

  return (
    <section className="wf-section" aria-label={t('workflow.moves')}>
      <h3 className="wf-heading">{t('workflow.moves')}</h3>
      {plain.length === 0 ? (
        <p className="muted">{t('workflow.noMoves')}</p>
      ) : (
        <>
          <div className="wf-moves">
            {plain.map((m) => (
              <button
                key={m.to}
                type="button"
                className={`btn btn-small${m.kind === 'forward' ? ' btn-primary' : ''}`}
                disabled={busy || !m.enabled}
                onClick={() => void move(m)}
                data-testid="workflow-move"
                data-to={m.to}
              >
                {t(m.kind === 'forward' ? 'workflow.moveTo' : 'workflow.moveBack', {
                  status: t(`status.${m.to}`),
                })}
              </button>
            ))}
          </div>
          <label className="field wf-field">
            <span className="field-label">{t('workflow.moveReason')}</span>
            <input
              dir="auto"
              value={reason}
              maxLength={2000}
              placeholder={t('workflow.moveReasonPlaceholder')}
              onChange={(e) => setReason(e.target.value)}
              data-testid="workflow-move-reason"
            />
          </label>
        </>
      )}
    </section>
  );
}

function Gates({ gates, onJump }: { gates: GateResult[]; onJump: (t: GateTarget) => void }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <section className="wf-section" aria-label={t('workflow.gates')}>
      <h3 className="wf-heading">{t('workflow.gates')}</h3>
      <ul className="wf-gates" data-testid="workflow-gates">
        {gates.map((g) => {
          const state = g.skipped ? 'skipped' : g.ok ? 'ok' : 'failing';
          return (
            <li
              key={g.id}
              className={`wf-gate wf-gate-${state}`}
              data-testid="gate"
              data-gate={g.id}
              data-state={state}
            >
              <div className="wf-gate-line">
                <span className="wf-gate-mark" aria-hidden>
                  {state === 'ok' ? '✓' : state === 'skipped' ? '–' : '✗'}
                </span>
                <span className="wf-gate-name">{t(`workflow.gate.${g.id}`)}</span>
                <span className="sr-only">
                  {t(
                    state === 'ok'
                      ? 'workflow.gateOk'
                      : state === 'skipped'
                        ? 'workflow.gateSkipped'
                        : 'workflow.gateFailing',
                  )}
                </span>
              </div>
              <p className="wf-gate-message" dir="auto">
                {en ? g.message.en : g.message.ar}
              </p>
              {g.items.length > 0 && (
                <ul className="wf-items">
                  {g.items.map((item) => (
                    <li key={item.id}>
                      {hasPlace(item.target) ? (
                        <button
                          type="button"
                          className="wf-item wf-item-jump"
                          title={t('workflow.jump')}
                          onClick={() => item.target && onJump(item.target)}
                          data-testid="gate-item"
                          data-item={item.id}
                        >
                          <span dir="auto">{en ? item.message.en : item.message.ar}</span>
                        </button>
                      ) : (
                        <span className="wf-item" data-testid="gate-item" data-item={item.id} dir="auto">
                          {en ? item.message.en : item.message.ar}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Approve({ state, store, flush, onChanged }: Props & { state: WorkflowState }) {
  const { t } = useTranslation();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const approveMove = state.moves.find((m) => m.kind === 'approve');
  const failing = state.gates.filter((g) => !g.ok);

  if (!state.can.approve) {
    return (
      <section className="wf-section" aria-label={t('workflow.approve')}>
        <h3 className="wf-heading">{t('workflow.approve')}</h3>
        <p className="muted" data-testid="approve-unavailable">
          {t('workflow.onlyEditor', { role: t(`workflow.role.${state.role}`) })}
        </p>
      </section>
    );
  }
  // Approved and unchanged: the approval itself is shown below, there is nothing to approve.
  if (!approveMove && (state.status === 'approved' || state.status === 'exported')) return null;
  if (!approveMove) {
    return (
      <section className="wf-section" aria-label={t('workflow.approve')}>
        <h3 className="wf-heading">{t('workflow.approve')}</h3>
        <p className="muted" data-testid="approve-unavailable">
          {t('workflow.notApprovable')}
        </p>
      </section>
    );
  }

  async function approve() {
    const lacking = failing.filter((g) => (reasons[g.id] ?? '').trim().length < MIN_REASON).map((g) => g.id);
    setMissing(lacking);
    setError(null);
    if (lacking.length) return;
    setBusy(true);
    try {
      await flush();
      const r = await call('workflow:approve', {
        id: state.id,
        overrides: failing.map((g) => ({ gate: g.id, reason: (reasons[g.id] ?? '').trim() })),
      });
      setReasons({});
      postNotice({ tone: 'info', title: msg('workflow.approved', { seq: r.approval.revisionSeq }) });
      onChanged();
    } catch (e) {
      setError(`${t('workflow.approveFailed')}: ${errorDetails(t, e)}`);
    } finally {
      setBusy(false);
      void store.refresh();
    }
  }

  return (
    <section className="wf-section" aria-label={t('workflow.approve')} data-testid="approve-section">
      <h3 className="wf-heading">{t('workflow.approve')}</h3>
      <p className="muted">{t('workflow.approveIntro', { seq: state.latestSeq })}</p>
      {failing.length > 0 && <p className="wf-warn">{t('workflow.overrideIntro')}</p>}
      {failing.map((g) => {
        const gate = t(`workflow.gate.${g.id}`);
        const bad = missing.includes(g.id);
        return (
          <label key={g.id} className="field wf-field">
            <span className="field-label">{t('workflow.overrideLabel', { gate })}</span>
            <textarea
              dir="auto"
              rows={2}
              maxLength={2000}
              value={reasons[g.id] ?? ''}
              placeholder={t('workflow.overridePlaceholder')}
              aria-invalid={bad || undefined}
              onChange={(e) => {
                setReasons((r) => ({ ...r, [g.id]: e.target.value }));
                setMissing((m) => m.filter((x) => x !== g.id));
              }}
              data-testid="override-reason"
              data-gate={g.id}
            />
            {bad && (
              <span className="field-error" role="alert" data-testid="override-missing">
                {t('workflow.overrideRequired')}
              </span>
            )}
          </label>
        );
      })}
      {error && (
        <p className="field-error" role="alert" data-testid="approve-error">
          {error}
        </p>
      )}
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy}
        onClick={() => void approve()}
        data-testid="approve"
      >
        {t('workflow.approveButton')}
      </button>
    </section>
  );
}

function ApprovalInfo({
  state,
  lang,
  onDiff,
}: {
  state: WorkflowState;
  lang: UiLanguage;
  onDiff: (approvedSeq: number, latestSeq: number) => void;
}) {
  const { t } = useTranslation();
  const a = state.approval;
  return (
    <section className="wf-section" aria-label={t('workflow.approval')} data-testid="approval-info">
      <h3 className="wf-heading">{t('workflow.approval')}</h3>
      {!a ? (
        <p className="muted">{t('workflow.neverApproved')}</p>
      ) : (
        <>
          <p>
            <bdi>
              {t('workflow.approvedBy', { name: a.approvedBy, time: formatDateTime(a.approvedAt, lang) })}
            </bdi>
          </p>
          <p className="muted" data-testid="approved-revision">
            {t('workflow.approvedRevision', { seq: a.revisionSeq })}
          </p>
          {a.overrides.length > 0 && (
            <ul className="wf-overrides">
              {a.overrides.map((o) => (
                <li key={o.gate} dir="auto">
                  {t('workflow.overridden', { gate: t(`workflow.gate.${o.gate}`), reason: o.reason })}
                </li>
              ))}
            </ul>
          )}
          {a.changedSince ? (
            <div className="wf-changed" role="status" data-testid="changed-after-approval">
              <p>{t('workflow.changedAfter')}</p>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => onDiff(a.revisionSeq, state.latestSeq)}
                data-testid="diff-since-approval"
              >
                {t('workflow.diffSinceApproval')}
              </button>
            </div>
          ) : (
            <p className="muted">{t('workflow.unchangedSince')}</p>
          )}
        </>
      )}
    </section>
  );
}

const WORKFLOW_ACTIONS = new Set(['status', 'approve', 'override', 'export']);

function describe(t: TFunction, e: AuditEntry): { what: string; reason: string | null } {
  const d = e.detail;
  const s = (v: unknown): string => (typeof v === 'string' ? v : '');
  const status = (v: unknown): string => (s(v) ? t(`status.${s(v)}`) : '');
  switch (e.action) {
    case 'status': {
      const what = t('workflow.auditStatus', { from: status(d.from), to: status(d.to) });
      return {
        what: d.automatic ? `${what} (${t('workflow.auditAutomatic')})` : what,
        reason: s(d.reason) || null,
      };
    }
    case 'approve':
      return { what: t('workflow.auditApprove', { seq: Number(d.revisionSeq) }), reason: null };
    case 'override':
      return {
        what: t('workflow.auditOverride', { gate: t(`workflow.gate.${s(d.gate)}`) }),
        reason: s(d.reason) || null,
      };
    case 'export': {
      const format = s(d.format).toUpperCase();
      return d.override
        ? { what: t('workflow.auditExportOverride', { format }), reason: s(d.override) }
        : { what: t('workflow.auditExport', { format }), reason: null };
    }
    default:
      return { what: e.action, reason: null };
  }
}

function Audit({
  articleId,
  version,
  status,
  lang,
}: {
  articleId: string;
  version: number;
  status: string;
  lang: UiLanguage;
}) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('workflow:audit', { id: articleId })
      .then((list) => {
        if (!live) return;
        // Newest first, and only the workflow's own acts (fact-checking keeps its own trail).
        setEntries(list.filter((e) => WORKFLOW_ACTIONS.has(e.action)).reverse());
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorDetails(t, e)));
    return () => {
      live = false;
    };
  }, [articleId, version, status, t]);
  return (
    <section className="wf-section" aria-label={t('workflow.audit')}>
      <h3 className="wf-heading">{t('workflow.audit')}</h3>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {entries && entries.length === 0 && <p className="muted">{t('workflow.auditEmpty')}</p>}
      <ol className="wf-audit" data-testid="workflow-audit">
        {entries?.map((e) => {
          const { what, reason } = describe(t, e);
          return (
            <li key={e.id} className="wf-audit-entry" data-testid="audit-entry" data-action={e.action}>
              <div>{what}</div>
              <div className="muted wf-audit-meta">
                <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> · <bdi>{e.actor}</bdi>
              </div>
              {reason && (
                <div className="wf-audit-reason" dir="auto">
                  {t('workflow.auditReason', { reason })}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
