// How a figure looks in the editor: the image slot, the caption as editable text, the credit line as it
// will be published, and a small form for date, credit, photographer and alt text.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import type { FigureAttrs } from './figure';

const FIELDS = ['date', 'credit', 'photographer', 'altText'] as const;

export function FigureView({ node, updateAttributes, editor }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const a = node.attrs as FigureAttrs;
  const [open, setOpen] = useState(false);
  const editable = editor.isEditable;
  const creditLine = [a.date, a.credit].filter(Boolean).join(' - ');
  return (
    <NodeViewWrapper as="figure" className="article-figure" data-testid="figure">
      <div className="figure-image" contentEditable={false} aria-hidden={!a.image}>
        {a.image ? <span className="figure-hash">{a.image.slice(0, 12)}</span> : t('editor.noImage')}
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
          <button
            type="button"
            className="btn btn-small btn-quiet"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
            data-testid="figure-details-toggle"
          >
            {open ? t('editor.hideDetails') : t('editor.editDetails')}
          </button>
        </div>
        {open && (
          <div
            className="figure-form"
            contentEditable={false}
            data-testid="figure-form"
            onKeyDown={(e) => {
              if (e.key === 'Escape') setOpen(false);
            }}
          >
            {FIELDS.map((f, i) => (
              <label key={f} className="field field-inline">
                <span className="field-label">{t(`editor.${f}`)}</span>
                <input
                  dir="auto"
                  autoFocus={i === 0}
                  readOnly={!editable}
                  value={a[f]}
                  data-field={f}
                  onChange={(e) => updateAttributes({ [f]: e.target.value })}
                />
              </label>
            ))}
          </div>
        )}
      </div>
    </NodeViewWrapper>
  );
}
