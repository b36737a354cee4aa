// The editor screen: the article in the centre, the article list and the revision history as side panels
// that can be shown or hidden, saving (autosave, Ctrl+S with a note, flush on hide/close) and restore.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import type { OpenArticle, Revision } from '../../../core/ipc/contract';
import { BridgeError, call, onAppEvent } from '../../bridge';
import { docToContent, type DocJSON } from '../../editor/articleDoc';
import { formatDateTime, type UiLanguage } from '../../i18n';
import { setActiveFlush } from '../revisions/activeEditor';
import { HistoryPanel } from '../revisions/HistoryPanel';
import { SaveCoalescer, type SaveState } from '../revisions/saveCoalescer';
import { SaveDialog } from '../revisions/SaveDialog';
import { ConflictDialog, type SaveConflict } from '../revisions/ConflictDialog';
import { errorDetails } from '../shell/errorText';
import { msg, postNotice } from '../shell/notices';
import { createValueStore } from '../shell/valueStore';
import { ArticleEditor } from './ArticleEditor';
import { ArticleList } from './ArticleList';
import { createStatsStore } from './editorStats';
import { useSuggestionTools } from '../suggestions/useSuggestionTools';
import { StatusBar } from './StatusBar';
import { FactcheckPanel } from '../factcheck/FactcheckPanel';
import { MediaToolbar } from '../media/MediaToolbar';
import { TagsSection } from '../tags/TagsSection';
import { useReviewTools } from '../workflow/useReviewTools';
import { useCheckerTools } from '../checker/useCheckerTools';

type Props = {
  id: string;
  libraryVersion: number;
  onBack: () => void;
  onOpen: (id: string) => void;
  onChanged: () => void;
};

const AUTOSAVE_IDLE_MS = 1500;

/**
 * Below this window width, opening a tool panel (fact-check, history, suggestions, workflow) hides the article
 * list: the article and the tool beside it matter more than the list, which the Articles button brings back.
 */
const ROOM_FOR_LIST_PX = 1600;

function sameSaveState(a: SaveState, b: SaveState): boolean {
  return a.kind === b.kind && (a.kind !== 'error' || (b.kind === 'error' && a.error === b.error));
}

export function EditorScreen({ id, libraryVersion, onBack, onOpen, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const [loaded, setLoaded] = useState<{ open: OpenArticle; key: number } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [listOpen, setListOpen] = useState(true);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [factcheckOpen, setFactcheckOpen] = useState(false);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [viewing, setViewing] = useState<Revision | null>(null);
  const [saveDialog, setSaveDialog] = useState(false);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  /** The revision the editor's text is based on, sent with every save; null saves on top of the newest. */
  const base = useRef<{ seq: number; createdAt: string } | null>(null);
  /** A save was refused as a conflict: autosaves wait for the author's decision instead of asking again. */
  const inConflict = useRef(false);

  const editorRef = useRef<Editor | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const frame = useRef(0);
  const stats = useMemo(createStatsStore, []);
  const saveStore = useMemo(() => createValueStore<SaveState>({ kind: 'saved' }, sameSaveState), []);
  // The save callback reads these through refs so that the coalescer lives as long as the screen.
  const onChangedRef = useRef(onChanged);
  useEffect(() => {
    onChangedRef.current = onChanged;
  });

  const coalescer = useMemo(
    () =>
      new SaveCoalescer({
        delayMs: AUTOSAVE_IDLE_MS,
        onState: (s) => saveStore.set(s),
        save: async (req) => {
          const editor = editorRef.current;
          if (!editor) return;
          const content = docToContent(editor.getJSON() as DocJSON);
          if (inConflict.current) throw new BridgeError({ code: 'conflict', message: 'conflict' });
          const from = base.current;
          try {
            const res = await call('article:save', {
              id,
              content,
              reason: req.reason,
              note: req.note,
              ...(from ? { baseSeq: from.seq, baseCreatedAt: from.createdAt } : {}),
            });
            base.current = { seq: res.revision.seq, createdAt: res.revision.createdAt };
            if (req.reason === 'manual') {
              postNotice({
                tone: 'info',
                title: res.saved
                  ? msg('save.done', { seq: res.revision.seq })
                  : msg('save.unchanged', { seq: res.revision.seq }),
              });
            }
            if (res.saved) {
              setHistoryVersion((v) => v + 1);
              onChangedRef.current();
            }
          } catch (e) {
            // Saved elsewhere since this text was loaded (a trashed article is a 'conflict' too: check).
            if (e instanceof BridgeError && e.error.code === 'conflict' && from) {
              const now = await call('article:open', { id }).catch(() => null);
              if (now && (now.revision.seq !== from.seq || now.revision.createdAt !== from.createdAt)) {
                inConflict.current = true;
                setConflict({ mine: content, message: e.error.message });
                throw e;
              }
            }
            if (req.reason === 'manual') {
              postNotice({ tone: 'error', title: msg('save.failed'), details: [{ error: e }] });
            }
            throw e;
          }
        },
      }),
    [id, saveStore],
  );

  const flush = useCallback(() => coalescer.flush().then(() => !coalescer.dirty), [coalescer]);
  const review = useReviewTools({ id, editorRef, flush, version: historyVersion, onChanged });

  useEffect(() => {
    setActiveFlush(() => coalescer.flush().then(() => !coalescer.dirty));
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void coalescer.flush();
    };
    const onPageHide = () => void coalescer.flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      setActiveFlush(null);
      // Leaving the screen saves what is pending; the editor's last state stays readable for that save.
      // (No dispose: under React's StrictMode the effect runs again with the same coalescer.)
      void coalescer.flush();
    };
  }, [coalescer]);

  const load = useCallback(async () => {
    try {
      const open = await call('article:open', { id });
      base.current = { seq: open.revision.seq, createdAt: open.revision.createdAt };
      stats.update(open.article);
      setLoaded((prev) => ({ open, key: (prev?.key ?? 0) + 1 }));
      setLoadError(null);
    } catch (e) {
      setLoadError(errorDetails(t, e));
    }
  }, [id, stats, t]);

  useEffect(() => {
    void load();
    // Loading again on a language switch is not wanted: `load` only changes with the article.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  const [liveEditor, setLiveEditor] = useState<Editor | null>(null);
  const checker = useCheckerTools({ id, editor: viewing ? null : liveEditor });
  const suggest = useSuggestionTools({ editor: viewing ? null : liveEditor });
  const onEditor = useCallback((editor: Editor | null) => {
    // A destroyed editor still holds its last state; keeping it lets a pending save read it.
    if (editor) {
      editorRef.current = editor;
      setLiveEditor(editor);
    }
  }, []);

  const onChange = useCallback(
    (editor: Editor) => {
      coalescer.edited();
      if (frame.current) return;
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        stats.update(docToContent(editor.getJSON() as DocJSON));
      });
    },
    [coalescer, stats],
  );

  // A tool panel opened on a narrow window makes room by hiding the article list.
  const toolsOpen = [historyOpen, factcheckOpen, suggest.panel !== null, review.panel !== null].filter(
    Boolean,
  ).length;
  const toolsBefore = useRef(toolsOpen);
  useEffect(() => {
    if (toolsOpen > toolsBefore.current && window.innerWidth < ROOM_FOR_LIST_PX) setListOpen(false);
    toolsBefore.current = toolsOpen;
  }, [toolsOpen]);

  const openSaveDialog = useCallback(() => {
    coalescer.pause();
    setSaveDialog(true);
  }, [coalescer]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.code === 'KeyS' || e.key === 's')) {
        e.preventDefault();
        openSaveDialog();
      }
    }
    window.addEventListener('keydown', onKey);
    const offSave = onAppEvent('menu:save', openSaveDialog);
    const offHistory = onAppEvent('menu:history', () => setHistoryOpen((o) => !o));
    return () => {
      window.removeEventListener('keydown', onKey);
      offSave();
      offHistory();
    };
  }, [openSaveDialog]);

  // An old revision is read from its top, not from wherever the live text was scrolled to.
  useEffect(() => {
    if (viewing && scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [viewing]);

  async function viewRevision(seq: number) {
    try {
      await coalescer.flush();
      setViewing(await call('revisions:get', { id, seq }));
    } catch (e) {
      postNotice({ tone: 'error', title: msg('history.failed'), details: [{ error: e }] });
    }
  }

  async function restoreRevision(seq: number) {
    try {
      // Pending edits become a revision of their own first, so restoring never loses them.
      await coalescer.flush();
      const created = await call('revisions:restore', { id, seq });
      setViewing(null);
      await load();
      setHistoryVersion((v) => v + 1);
      onChanged();
      postNotice({ tone: 'info', title: msg('history.restored', { seq, newSeq: created.seq }) });
    } catch (e) {
      postNotice({ tone: 'error', title: msg('history.restore'), details: [{ error: e }] });
    }
  }

  const lang = i18n.language as UiLanguage;

  return (
    <div className="editor-screen" data-testid="editor-screen">
      <div className="editor-bar" role="toolbar" aria-label={t('app.tagline')}>
        <button type="button" className="btn btn-quiet" onClick={onBack}>
          {t('nav.back')}
        </button>
        <span className="bar-sep" />
        <button
          type="button"
          className="btn btn-quiet"
          aria-pressed={listOpen}
          onClick={() => setListOpen((o) => !o)}
          data-testid="toggle-articles"
        >
          {t('toolbar.articles')}
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          disabled={!!viewing}
          onClick={() => editorRef.current?.commands.undo()}
        >
          {t('toolbar.undo')}
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          disabled={!!viewing}
          onClick={() => editorRef.current?.commands.redo()}
        >
          {t('toolbar.redo')}
        </button>
        <MediaToolbar editor={liveEditor} disabled={!!viewing} />
        {suggest.toolbar}
        <span className="bar-spacer" />
        {checker.toolbar}
        {review.toolbar}
        <button
          type="button"
          className="btn"
          disabled={!!viewing || !loaded}
          onClick={openSaveDialog}
          data-testid="save"
        >
          {t('toolbar.save')}
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={factcheckOpen}
          title={t('factcheck.toggleTitle')}
          onClick={() => setFactcheckOpen((o) => !o)}
          data-testid="toggle-factcheck"
        >
          {t('factcheck.toggle')}
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={historyOpen}
          onClick={() => setHistoryOpen((o) => !o)}
          data-testid="toggle-history"
        >
          {t('toolbar.history')}
        </button>
      </div>

      <div className="editor-body">
        {listOpen && (
          <ArticleList
            currentId={id}
            version={libraryVersion}
            onOpen={onOpen}
            onClose={() => setListOpen(false)}
          />
        )}
        <main className="editor-main">
          {viewing && (
            <div className="readonly-banner" data-testid="readonly-banner">
              <span>
                {t('editor.readOnly', { seq: viewing.seq, time: formatDateTime(viewing.createdAt, lang) })}
              </span>
              <button
                type="button"
                className="btn btn-small btn-primary"
                onClick={() => void restoreRevision(viewing.seq)}
              >
                {t('editor.restoreThis')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setViewing(null)}>
                {t('editor.backToCurrent')}
              </button>
            </div>
          )}
          {review.main}
          <div className="editor-scroll" ref={scrollRef} hidden={review.hidePage}>
            {loadError && (
              <div className="inline-error" role="alert">
                {t('editor.openFailed')}: {loadError}
              </div>
            )}
            {!loaded && !loadError && <p className="muted">{t('editor.loading')}</p>}
            {loaded && (
              <div className="page" hidden={!!viewing}>
                <ArticleEditor
                  key={loaded.key}
                  content={loaded.open.article}
                  editable
                  label={t('editor.headlinePlaceholder')}
                  onEditor={onEditor}
                  onChange={onChange}
                />
                <TagsSection
                  key={`tags-${loaded.key}`}
                  editor={liveEditor}
                  articleId={id}
                  suggested={loaded.open.article.suggestedTags}
                />
              </div>
            )}
            {viewing && (
              <div className="page page-readonly">
                <ArticleEditor
                  key={`rev-${viewing.seq}`}
                  content={viewing.content}
                  editable={false}
                  label={t('editor.readOnly', { seq: viewing.seq, time: '' })}
                />
              </div>
            )}
          </div>
        </main>
        {historyOpen && (
          <HistoryPanel
            articleId={id}
            version={historyVersion}
            viewingSeq={viewing?.seq ?? null}
            onView={(seq) => void viewRevision(seq)}
            onRestore={(seq) => void restoreRevision(seq)}
            onClose={() => setHistoryOpen(false)}
          />
        )}
        <FactcheckPanel articleId={id} open={factcheckOpen} onClose={() => setFactcheckOpen(false)} />
        {suggest.panel}
        {review.panel}
        {checker.panel}
      </div>

      <StatusBar stats={stats} save={saveStore} />

      {review.dialogs}
      {checker.overlay}
      {saveDialog && (
        <SaveDialog
          onSave={(note) => {
            setSaveDialog(false);
            void coalescer.saveManual(note);
            coalescer.resume();
            editorRef.current?.commands.focus();
          }}
          onCancel={() => {
            setSaveDialog(false);
            coalescer.resume();
            editorRef.current?.commands.focus();
          }}
        />
      )}
      {conflict && (
        <ConflictDialog
          conflict={conflict}
          onReload={async () => {
            inConflict.current = false;
            await load();
            setHistoryVersion((v) => v + 1);
          }}
          onKeepMine={async () => {
            // On top of the other save, which stays in the history.
            inConflict.current = false;
            base.current = null;
            await coalescer.saveManual(t('save.conflict.keptNote'));
          }}
          onClose={() => {
            inConflict.current = false;
            setConflict(null);
          }}
        />
      )}
    </div>
  );
}
