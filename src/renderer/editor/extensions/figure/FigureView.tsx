// How a figure looks in the editor: the photo's thumbnail, the caption as editable text, the credit line as
// it will be published, the caption rules' findings with one-click suggestions, a visible flag while the
// required alt text is missing, a small form for date, credit, photographer and alt text, and buttons to
// attach or change the photo and to remove the figure (one undo step each).
import { useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import type { CaptionFinding, FigureField } from '../../../../core/captions/rules';
import { createValueStore } from '../../../features/shell/valueStore';
import type { FigureAttrs } from './figure';
import { figurePositions } from './captionCheck';
import { useThumbnail } from './thumbnails';
import { dispatchOwnStep } from '../../ownStep';
import { attachImageFile } from '../../../features/media/insertImages';
import { IMAGE_ACCEPT } from '../../../features/media/imageFiles';
import '../../../features/media/media.css';

const FIELDS = ['date', 'credit', 'photographer', 'altText'] as const;
const noFindings = createValueStore<CaptionFinding[]>([]);

function findingField(f: CaptionFinding): FigureField {
  return f.field.slice(f.field.lastIndexOf('.') + 1) as FigureField;
}

export function FigureView({ node, updateAttributes, editor, getPos }: ReactNodeViewProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ar';
  const a = node.attrs as FigureAttrs;
  const [open, setOpen] = useState(false);
  const editable = editor.isEditable;
  const store = editor.storage.captionCheck?.findings ?? noFindings;
  const all = useSyncExternalStore(store.subscribe, store.get);
  const thumb = useThumbnail(a.image);
  const fileRef = useRef<HTMLInputElement>(null);
  const [attaching, setAttaching] = useState(false);

  const pos = getPos();
  const index = pos === undefined ? -1 : figurePositions(editor.state.doc).indexOf(pos);
  const caption = node.textContent;
  const valueOf = (field: FigureField) => (field === 'caption' ? caption : a[field]);
  // Findings computed before the latest edits are shown only while the text they point at is still there.
  const findings = all.filter(
    (f) =>
      f.figure === index &&
      f.ruleId !== 'caption.alt-missing' &&
      valueOf(findingField(f)).slice(f.from, f.to) === f.text,
  );
  const flagged = new Set<string>(findings.map(findingField));
  const altMissing = !a.altText.trim();
  const creditLine = [a.date, a.credit].filter(Boolean).join(' - ');

  function apply(f: CaptionFinding, suggestion: string) {
    const field = findingField(f);
    const value = valueOf(field);
    if (value.slice(f.from, f.to) !== f.text) return;
    if (field === 'caption') {
      const at = getPos();
      if (at === undefined) return;
      const start = at + 1;
      editor.view.dispatch(editor.state.tr.insertText(suggestion, start + f.from, start + f.to));
    } else {
      updateAttributes({ [field]: value.slice(0, f.from) + suggestion + value.slice(f.to) });
    }
  }

  async function attach(file: File | undefined) {
    if (!file) return;
    setAttaching(true);
    try {
      await attachImageFile(editor, file, getPos);
    } finally {
      setAttaching(false);
    }
  }

  function remove() {
    const at = getPos();
    if (at === undefined) return;
    dispatchOwnStep(editor, editor.state.tr.delete(at, at + node.nodeSize));
    editor.commands.focus();
  }

  return (
    <NodeViewWrapper as="figure" className="article-figure" data-testid="figure">
      <div className="figure-image" contentEditable={false} aria-hidden={thumb.state !== 'ready'}>
        {thumb.state === 'ready' ? (
          <img src={thumb.url} alt={a.altText} data-testid="figure-thumbnail" draggable={false} />
        ) : thumb.state === 'none' ? (
          t('editor.noImage')
        ) : thumb.state === 'failed' ? (
          t('media.thumbnailFailed')
        ) : (
          t('media.thumbnailLoading')
        )}
      </div>
      <div className="figure-text">
        <NodeViewContent<'figcaption'>
          as="figcaption"
          className="figure-caption"
          data-testid="figure-caption"
        />
        <div className="figure-meta" contentEditable={false}>
          <span className="figure-credit-line" dir="rtl" data-testid="figure-credit-line">
            {creditLine}
            {a.photographer && <span className="figure-photographer"> · {a.photographer}</span>}
          </span>
          {altMissing && (
            <span className="figure-flag" role="status" data-testid="figure-alt-missing">
              {t('media.altMissing')}
            </span>
          )}
          <button
            type="button"
            className="btn btn-small btn-quiet"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
            data-testid="figure-details-toggle"
          >
            {open ? t('editor.hideDetails') : t('editor.editDetails')}
          </button>
          {editable && (
            <>
              <button
                type="button"
                className="btn btn-small btn-quiet"
                title={t('media.attachTitle')}
                disabled={attaching}
                onClick={() => fileRef.current?.click()}
                data-testid="figure-attach"
              >
                {attaching ? t('media.inserting') : a.image ? t('media.replace') : t('media.attach')}
              </button>
              <input
                ref={fileRef}
                type="file"
                accept={IMAGE_ACCEPT}
                hidden
                onChange={(e) => {
                  void attach(e.target.files?.[0]);
                  e.target.value = '';
                }}
                data-testid="figure-attach-input"
              />
              <button
                type="button"
                className="btn btn-small btn-quiet"
                title={t('media.removeFigureTitle')}
                onClick={remove}
                data-testid="figure-remove"
              >
                {t('media.removeFigure')}
              </button>
            </>
          )}
        </div>
        {findings.length > 0 && (
          // The messages are in the interface language: an English one reads left to right inside the page.
          <ul
            className="figure-findings"
            contentEditable={false}
            dir={lang === 'en' ? 'ltr' : 'rtl'}
            data-testid="figure-findings"
          >
            {findings.map((f, i) => (
              <li
                key={`${f.ruleId}-${f.field}-${f.from}-${i}`}
                className={`figure-finding figure-finding-${f.severity}`}
                data-rule={f.ruleId}
                data-testid="figure-finding"
              >
                <span className="figure-finding-field">{t(`editor.${findingField(f)}`)}</span>
                <span className="figure-finding-message">{f.messages[lang]}</span>
                {editable &&
                  f.suggestions.map((s) => (
                    <button
                      key={s}
                      type="button"
                      className="btn btn-small figure-suggestion"
                      title={t('media.applySuggestion', { text: s.trim() })}
                      onClick={() => apply(f, s)}
                      data-testid="figure-suggestion"
                    >
                      {s.trim()}
                    </button>
                  ))}
              </li>
            ))}
          </ul>
        )}
        {open && (
          <div
            className="figure-form"
            contentEditable={false}
            data-testid="figure-form"
            onKeyDown={(e) => {
              if (e.key === 'Escape') setOpen(false);
            }}
          >
            {FIELDS.map((f, i) => {
              const required = f === 'altText';
              const invalid = (required && altMissing) || flagged.has(f);
              return (
                <label key={f} className={`field field-inline${invalid ? ' field-flagged' : ''}`}>
                  <span className="field-label">
                    {t(`editor.${f}`)}
                    {required && <span className="field-required"> ({t('media.required')})</span>}
                  </span>
                  <input
                    dir="auto"
                    autoFocus={i === 0}
                    readOnly={!editable}
                    required={required}
                    aria-invalid={invalid}
                    value={a[f]}
                    data-field={f}
                    onChange={(e) => updateAttributes({ [f]: e.target.value })}
                  />
                </label>
              );
            })}
          </div>
        )}
      </div>
    </NodeViewWrapper>
  );
}
