// The application shell: toolbar, screens (library, trash, editor), the user's name, the interface language,
// and the ways in which articles arrive (import button and menu, drag and drop onto the window).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, hasBridge, onAppEvent } from './bridge';
import { EditorScreen } from './features/editor/EditorScreen';
import { LibraryView } from './features/library/LibraryView';
import { TrashView } from './features/library/TrashView';
import { useImporter } from './features/library/useImporter';
import { flushActiveEditor } from './features/revisions/activeEditor';
import { isEditorImageDrag } from './features/media/imageFiles';
import { msg, postNotice } from './features/shell/notices';
import { Notices } from './features/shell/Notices';
import { UserDialog } from './features/user/UserDialog';
import { SettingsButton } from './features/workflow/SettingsButton';
import { applyLanguage, type UiLanguage } from './i18n';

type Screen = { kind: 'library' } | { kind: 'trash' } | { kind: 'editor'; id: string };

function hasFiles(e: DragEvent): boolean {
  return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
}

export function App() {
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ kind: 'library' });
  const [version, setVersion] = useState(0);
  const [user, setUser] = useState<string | null>(null);
  const [askUser, setAskUser] = useState<'first' | 'change' | null>(null);
  const [dragging, setDragging] = useState(false);
  const lang = (i18n.language === 'en' ? 'en' : 'ar') as UiLanguage;

  const changed = useCallback(() => setVersion((v) => v + 1), []);

  const go = useCallback(async (next: Screen) => {
    // Whatever the editor holds is saved before another screen replaces it; if that fails, the editor stays
    // open with the text rather than losing it.
    if (!(await flushActiveEditor())) {
      postNotice({ tone: 'error', title: msg('save.keptOpen') });
      return;
    }
    setScreen(next);
    setVersion((v) => v + 1);
  }, []);
  const openArticle = useCallback((id: string) => void go({ kind: 'editor', id }), [go]);

  const importer = useImporter(openArticle);
  const { importFile, pickFile } = importer;

  useEffect(() => {
    if (!hasBridge()) return;
    call('settings:get', {})
      .then((s) => applyLanguage(s.language))
      .catch((e: unknown) =>
        postNotice({ tone: 'error', title: msg('settings.failed'), details: [{ error: e }] }),
      );
    call('user:get', {})
      .then((u) => {
        if (u) setUser(u.name);
        else setAskUser('first');
      })
      .catch((e: unknown) =>
        postNotice({ tone: 'error', title: msg('user.failed'), details: [{ error: e }] }),
      );
  }, []);

  useEffect(() => {
    const offImport = onAppEvent('menu:import', pickFile);
    const offClose = onAppEvent('app:before-close', () => {
      void flushActiveEditor()
        .catch((e: unknown) =>
          postNotice({ tone: 'error', title: msg('save.failed'), details: [{ error: e }] }),
        )
        .then(() => call('app:closeReady', {}))
        .catch((e: unknown) =>
          postNotice({ tone: 'error', title: msg('errors.internal'), details: [{ error: e }] }),
        );
    });
    return () => {
      offImport();
      offClose();
    };
  }, [pickFile, t]);

  useEffect(() => {
    // Capture phase: a file dropped on the editor is an import, not text for ProseMirror to paste.
    // Photos dragged onto the article text are the editor's to insert as figures.
    function onDragOver(e: DragEvent) {
      if (!hasFiles(e)) return;
      const forEditor = isEditorImageDrag(e);
      setDragging(!forEditor);
      if (!forEditor) e.preventDefault();
    }
    function onDragLeave(e: DragEvent) {
      if (e.relatedTarget === null) setDragging(false);
    }
    function onDrop(e: DragEvent) {
      if (!hasFiles(e)) return;
      setDragging(false);
      if (isEditorImageDrag(e)) return;
      e.preventDefault();
      e.stopPropagation();
      const file = e.dataTransfer?.files[0];
      if (file) void importFile(file);
    }
    window.addEventListener('dragover', onDragOver, true);
    window.addEventListener('dragleave', onDragLeave, true);
    window.addEventListener('drop', onDrop, true);
    return () => {
      window.removeEventListener('dragover', onDragOver, true);
      window.removeEventListener('dragleave', onDragLeave, true);
      window.removeEventListener('drop', onDrop, true);
    };
  }, [importFile]);

  async function switchLanguage() {
    const next: UiLanguage = lang === 'ar' ? 'en' : 'ar';
    try {
      const saved = await call('settings:set', { language: next });
      applyLanguage(saved.language);
    } catch (e) {
      postNotice({ tone: 'error', title: msg('settings.failed'), details: [{ error: e }] });
    }
  }

  if (!hasBridge()) {
    return (
      <div className="fatal" role="alert">
        {t('app.noBridge')}
      </div>
    );
  }

  return (
    <div className="app">
      <header className="toolbar" role="banner">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tag">{t('app.tagline')}</span>
        </div>
        <nav className="nav" aria-label={t('app.name')}>
          <button
            type="button"
            className="nav-item"
            aria-current={screen.kind === 'library' ? 'page' : undefined}
            onClick={() => void go({ kind: 'library' })}
            data-testid="nav-library"
          >
            {t('nav.library')}
          </button>
          <button
            type="button"
            className="nav-item"
            aria-current={screen.kind === 'trash' ? 'page' : undefined}
            onClick={() => void go({ kind: 'trash' })}
            data-testid="nav-trash"
          >
            {t('nav.trash')}
          </button>
        </nav>
        <span className="bar-spacer" />
        <button
          type="button"
          className="btn btn-primary"
          onClick={pickFile}
          disabled={importer.busy}
          data-testid="import"
        >
          {importer.busy ? t('import.working') : t('toolbar.import')}
        </button>
        <button
          type="button"
          className="btn btn-quiet user-button"
          title={t('toolbar.changeUser')}
          onClick={() => setAskUser('change')}
          data-testid="user-name"
        >
          {user ? t('toolbar.user', { name: user }) : t('toolbar.changeUser')}
        </button>
        <SettingsButton user={user} />
        <button
          type="button"
          className="btn btn-quiet"
          lang={lang === 'ar' ? 'en' : 'ar'}
          title={t('toolbar.languageTitle')}
          onClick={() => void switchLanguage()}
          data-testid="language"
        >
          {t('toolbar.language')}
        </button>
      </header>

      <Notices />

      <div className="screen">
        {screen.kind === 'library' && (
          <LibraryView version={version} importer={importer} onOpen={openArticle} onChanged={changed} />
        )}
        {screen.kind === 'trash' && <TrashView version={version} onChanged={changed} />}
        {screen.kind === 'editor' && (
          <EditorScreen
            key={screen.id}
            id={screen.id}
            libraryVersion={version}
            onBack={() => void go({ kind: 'library' })}
            onOpen={openArticle}
            onChanged={changed}
          />
        )}
      </div>

      {dragging && (
        <div className="drop-overlay" aria-hidden>
          {t('library.dropHint')}
        </div>
      )}
      {importer.element}
      {askUser && (
        <UserDialog
          initial={user ?? ''}
          onDone={(name) => {
            setUser(name);
            setAskUser(null);
          }}
          onCancel={askUser === 'change' ? () => setAskUser(null) : null}
        />
      )}
    </div>
  );
}
