// The editor toolbar's photo controls: insert photos from a file dialog (and, through the figure extension,
// from a paste or a drop onto the text), and the settings dialog for codes, caption style and tags. It also
// hands the editor its code table and the desk's caption style when the editor appears.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import type { CaptionStyle } from '../../../core/captions/style';
import type { CodeEntry } from '../../../core/codes/codes';
import { call } from '../../bridge';
import { setCaptionStyleTr } from '../../editor/extensions/figure/captionCheck';
import { setCodesTr } from '../../editor/extensions/codes/codeReplacements';
import { msg, postNotice } from '../shell/notices';
import { retag } from '../tags/tagsDoc';
import type { Retag } from '../tags/VocabularyManager';
import { IMAGE_ACCEPT } from './imageFiles';
import { insertImageFiles } from './insertImages';
import { MediaSettingsDialog } from './MediaSettingsDialog';
import './media.css';

type Props = { editor: Editor | null; disabled: boolean };

export function MediaToolbar({ editor, disabled }: Props) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [settings, setSettings] = useState(false);

  const insert = useCallback(
    async (files: File[]) => {
      if (!editor || !files.length) return;
      setBusy(true);
      try {
        await insertImageFiles(editor, files);
      } finally {
        setBusy(false);
      }
    },
    [editor],
  );

  const applyCodes = useCallback(
    (entries: CodeEntry[]) => {
      if (editor && !editor.isDestroyed) editor.view.dispatch(setCodesTr(editor.state, entries));
    },
    [editor],
  );
  const applyStyle = useCallback(
    (style: CaptionStyle) => {
      if (editor && !editor.isDestroyed) editor.view.dispatch(setCaptionStyleTr(editor.state, style));
    },
    [editor],
  );
  const applyRetag = useCallback(
    (change: Retag) => {
      if (editor) retag(editor, change.fromKeys, change.label);
    },
    [editor],
  );

  useEffect(() => {
    if (!editor) return;
    editor.storage.figureMedia.onImages = (files) => void insert(files);
    let live = true;
    call('codes:list', {})
      .then((entries) => live && applyCodes(entries))
      .catch((e: unknown) =>
        postNotice({ tone: 'error', title: msg('media.codes.loadFailed'), details: [{ error: e }] }),
      );
    call('captions:getStyle', {})
      .then((style) => live && applyStyle(style))
      .catch((e: unknown) =>
        postNotice({ tone: 'error', title: msg('media.style.loadFailed'), details: [{ error: e }] }),
      );
    return () => {
      live = false;
      if (editor.storage.figureMedia.onImages) editor.storage.figureMedia.onImages = null;
    };
  }, [editor, insert, applyCodes, applyStyle]);

  return (
    <>
      <button
        type="button"
        className="btn btn-quiet"
        disabled={disabled || !editor || busy}
        title={t('media.insertTitle')}
        onClick={() => inputRef.current?.click()}
        data-testid="insert-image"
      >
        {busy ? t('media.inserting') : t('media.insert')}
      </button>
      <button
        type="button"
        className="btn btn-quiet"
        disabled={!editor}
        onClick={() => setSettings(true)}
        data-testid="media-settings-open"
      >
        {t('media.settings.open')}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={IMAGE_ACCEPT}
        multiple
        hidden
        data-testid="image-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          void insert(files);
        }}
      />
      {settings && (
        <MediaSettingsDialog
          onClose={() => {
            setSettings(false);
            editor?.commands.focus();
          }}
          onCodes={applyCodes}
          onStyle={applyStyle}
          onRetag={applyRetag}
        />
      )}
    </>
  );
}
