// The editor screen's review tools in one place: the status badge and buttons for its toolbar, the workflow
// side panel, the compare view that takes the page's place, and the export and role dialogs. The screen only
// places the pieces this hook returns.
import { useCallback, useEffect, useMemo, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import type { GateTarget } from '../../../core/workflow';
import { ChangesView, type ComparePair } from '../changes/ChangesView';
import { msg, postNotice } from '../shell/notices';
import { useValue } from '../shell/valueStore';
import { ExportDialog } from './ExportDialog';
import { jumpTo, jumpToTags, locateTarget } from './jumpToTarget';
import { RoleDialog } from './RoleDialog';
import { StatusBadge } from './StatusBadge';
import { WorkflowPanel } from './WorkflowPanel';
import { createWorkflowStore, roleStore, type WorkflowStore } from './workflowStore';
import './workflow.css';

type Args = {
  id: string;
  editorRef: RefObject<Editor | null>;
  /** Saves the pending edit; resolves to true when everything is stored. */
  flush: () => Promise<boolean>;
  /** Bumped after every stored revision. */
  version: number;
  /** The article changed in the library (status, revision). */
  onChanged: () => void;
};

export type ReviewTools = {
  toolbar: ReactNode;
  panel: ReactNode;
  /** The compare view; while it is shown the page is hidden (`hidePage`). */
  main: ReactNode;
  hidePage: boolean;
  dialogs: ReactNode;
};

function ToolbarBadge({ store, onClick }: { store: WorkflowStore; onClick: () => void }) {
  const { t } = useTranslation();
  const { state } = useValue(store);
  if (!state) return null;
  return (
    <button
      type="button"
      className="btn btn-quiet wf-badge-button"
      title={t('workflow.statusTitle', { status: t(`status.${state.status}`) })}
      onClick={onClick}
      data-testid="toolbar-status"
    >
      <StatusBadge status={state.status} testId="article-status" />
    </button>
  );
}

export function useReviewTools({ id, editorRef, flush, version, onChanged }: Args): ReviewTools {
  const { t } = useTranslation();
  const store = useMemo(() => createWorkflowStore(id), [id]);
  const role = useValue(roleStore);
  const [panelOpen, setPanelOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [roleOpen, setRoleOpen] = useState(false);
  const [compare, setCompare] = useState<ComparePair | null>(null);
  const [pendingJump, setPendingJump] = useState<GateTarget | null>(null);
  const [changeCount, setChangeCount] = useState(0);

  const changed = useCallback(() => {
    setChangeCount((n) => n + 1);
    onChanged();
  }, [onChanged]);

  useEffect(() => {
    void store.refresh();
  }, [store, version, role, changeCount]);

  // A jump waits for the page to be on screen again (the compare view may have hidden it).
  useEffect(() => {
    if (!pendingJump || compare) return;
    const editor = editorRef.current;
    setPendingJump(null);
    if (!editor) return;
    if (pendingJump.kind === 'field' && pendingJump.field === 'tags') {
      if (!jumpToTags(editor)) postNotice({ tone: 'warning', title: msg('workflow.noPlace') });
      return;
    }
    const range = locateTarget(editor.state, pendingJump);
    if (range) jumpTo(editor, range);
    else postNotice({ tone: 'warning', title: msg('workflow.notFound') });
  }, [pendingJump, compare, editorRef]);

  const onJump = useCallback((target: GateTarget) => {
    setCompare(null);
    setPendingJump(target);
  }, []);

  const getEditor = useCallback(() => editorRef.current, [editorRef]);
  const approvedSeq = useValue(store).state?.approval?.revisionSeq ?? null;

  const toolbar = (
    <>
      <ToolbarBadge store={store} onClick={() => setPanelOpen(true)} />
      <button
        type="button"
        className="btn"
        aria-pressed={panelOpen}
        title={t('workflow.openTitle')}
        onClick={() => setPanelOpen((o) => !o)}
        data-testid="toggle-workflow"
      >
        {t('workflow.open')}
      </button>
      <button
        type="button"
        className="btn"
        aria-pressed={compare !== null}
        title={t('changes.openTitle')}
        onClick={() => setCompare((c) => (c ? null : { a: null, b: null }))}
        data-testid="toggle-changes"
      >
        {t('changes.open')}
      </button>
      <button type="button" className="btn" onClick={() => setExportOpen(true)} data-testid="export">
        {t('workflow.export.button')}
      </button>
    </>
  );

  const panel = panelOpen ? (
    <WorkflowPanel
      store={store}
      version={version + changeCount}
      flush={flush}
      onChanged={changed}
      onJump={onJump}
      onDiffSinceApproval={(a, b) => setCompare({ a, b })}
      onChangeRole={() => setRoleOpen(true)}
      onClose={() => setPanelOpen(false)}
    />
  ) : null;

  const main = compare ? (
    <ChangesView
      // A new pair from outside (e.g. "since approval") starts the view afresh.
      key={`${compare.a ?? ''}-${compare.b ?? ''}`}
      articleId={id}
      initial={compare}
      approvedSeq={approvedSeq}
      getEditor={getEditor}
      flush={flush}
      onClose={() => setCompare(null)}
    />
  ) : null;

  const dialogs = (
    <>
      {exportOpen && (
        <ExportDialog
          id={id}
          store={store}
          flush={flush}
          onChanged={changed}
          onClose={() => setExportOpen(false)}
        />
      )}
      {roleOpen && <RoleDialog initial={role?.role ?? 'copy-editor'} onDone={() => setRoleOpen(false)} />}
    </>
  );

  return { toolbar, panel, main, hidePage: compare !== null, dialogs };
}
