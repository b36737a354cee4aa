// The evidence of a verification: the source passage in its context, the word diff against the quote, and
// a way to read the whole source at that passage.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceDetail } from '../../../core/factcheck/model';
import type { Verification } from '../../../core/quotes';
import { errorDetails } from '../shell/errorText';
import { loadSource } from './sourceCache';
import { SourceDialog } from './SourceDialog';
import { WordDiff } from './WordDiff';

const CONTEXT = 140;

/** The context before a passage, cut at a word boundary so it does not start inside a word. */
function contextBefore(text: string, at: number): { text: string; cut: boolean } {
  let s = Math.max(0, at - CONTEXT);
  if (s > 0) {
    const sp = text.indexOf(' ', s);
    if (sp >= 0 && sp < at) s = sp + 1;
  }
  return { text: text.slice(s, at), cut: s > 0 };
}

/** The context after a passage, cut at a word boundary so it does not end inside a word. */
function contextAfter(text: string, at: number): { text: string; cut: boolean } {
  let e = Math.min(text.length, at + CONTEXT);
  if (e < text.length) {
    const sp = text.lastIndexOf(' ', e);
    if (sp > at) e = sp;
  }
  return { text: text.slice(at, e), cut: e < text.length };
}

export function Evidence({
  verification: v,
  sourceTitle,
}: {
  verification: Verification;
  sourceTitle: string | null;
}) {
  const { t } = useTranslation();
  const [source, setSource] = useState<SourceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  useEffect(() => {
    let live = true;
    if (!v.source) return;
    loadSource(v.source)
      .then((s) => live && setSource(s))
      .catch((e: unknown) => live && setError(errorDetails(t, e)));
    return () => {
      live = false;
    };
  }, [v.source, t]);

  const before = source ? contextBefore(source.text, v.sourceFrom) : null;
  const after = source ? contextAfter(source.text, v.sourceTo) : null;

  return (
    <div className="fc-evidence" data-testid="evidence">
      <h3 className="fc-subtitle">
        {t('factcheck.evidence.passage')}
        {sourceTitle && (
          <span className="muted" dir="auto">
            {' '}
            — {sourceTitle}
          </span>
        )}
      </h3>
      <blockquote className="fc-passage" dir="auto" data-testid="source-passage">
        {before && (
          <span className="fc-context">
            {before.cut && '… '}
            {before.text}
          </span>
        )}
        <mark>{v.sourceText}</mark>
        {after && (
          <span className="fc-context">
            {after.text}
            {after.cut && ' …'}
          </span>
        )}
      </blockquote>
      {error && <p className="fc-error">{error}</p>}
      <h3 className="fc-subtitle">{t('factcheck.evidence.diff')}</h3>
      <WordDiff diff={v.diff} />
      {source && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setReading(true)}
          data-testid="open-source"
        >
          {t('factcheck.evidence.openSource')}
        </button>
      )}
      {reading && source && (
        <SourceDialog
          source={source}
          passage={{ from: v.sourceFrom, to: v.sourceTo }}
          onClose={() => setReading(false)}
        />
      )}
    </div>
  );
}
