// A whole source, read-only, with its details; opened at a passage, the passage is marked and in view.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceDetail } from '../../../core/factcheck/model';
import { Dialog } from '../shell/Dialog';
import { SourceMeta } from './SourceMeta';

type Props = {
  source: SourceDetail;
  passage?: { from: number; to: number } | null;
  onClose: () => void;
};

export function SourceDialog({ source, passage, onClose }: Props) {
  const { t } = useTranslation();
  const mark = useRef<HTMLElement>(null);
  useEffect(() => {
    mark.current?.scrollIntoView({ block: 'center' });
  }, []);
  const text = source.text;
  const p = passage && passage.from < passage.to && passage.to <= text.length ? passage : null;
  return (
    <Dialog title={source.title} onCancel={onClose} testId="source-dialog">
      <div className="fc-wide">
        <p className="fc-dialog-meta">
          <SourceMeta source={source} withUrl />
        </p>
        <div className="fc-source-text" dir="auto" lang={source.language} data-testid="source-text">
          {p ? (
            <>
              {text.slice(0, p.from)}
              <mark ref={mark}>{text.slice(p.from, p.to)}</mark>
              {text.slice(p.to)}
            </>
          ) : (
            text
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} autoFocus>
            {t('factcheck.closeDialog')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
