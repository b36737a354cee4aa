// The fact-checking side panel: quotes and claims with their reviews, the article's sources, comment threads
// and the audit trail, and the fact-check report. While the editor is open it also keeps the editor's quote
// and comment highlights in step with the stored reviews, whether the panel is shown or not.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentThread, QuoteReviewItem, SourceSummary } from '../../../core/factcheck/model';
import { call } from '../../bridge';
import { setCommentThreads } from '../../editor/extensions/comments/comments';
import type { HandClaim } from '../../editor/extensions/quoteMarks/decorations';
import { setQuoteReviews } from '../../editor/extensions/quoteMarks/quoteMarks';
import { errorDetails } from '../shell/errorText';
import { AuditList } from './AuditList';
import { CommentsSection } from './CommentsSection';
import { QuotesSection } from './QuotesSection';
import { ReportDialog } from './ReportDialog';
import { SourcesSection } from './SourcesSection';
import { useLiveEditor } from './useStore';
import './factcheck.css';

type Props = {
  articleId: string;
  /** Hidden: the panel is not drawn, the highlights are still kept up to date. */
  open: boolean;
  onClose: () => void;
};

export type Tab = 'quotes' | 'sources' | 'comments' | 'audit';
const TABS: Tab[] = ['quotes', 'sources', 'comments', 'audit'];

export type FactcheckData = {
  items: QuoteReviewItem[] | null;
  threads: CommentThread[] | null;
  sources: SourceSummary[] | null;
  error: string | null;
};

/** Something marked by hand as the editor draws it: each of its spans with the words it covers. */
function handClaim(i: QuoteReviewItem): HandClaim {
  // A hand-marked item's text is its spans' words joined with '\n', one piece per part.
  const texts = i.text.split('\n');
  const spans = i.parts.map((p, k) => ({ block: p.block, from: p.from, to: p.to, text: texts[k] ?? '' }));
  const [first, ...more] = spans;
  return {
    id: i.id,
    kind: i.kind === 'speech' ? 'speech' : 'claim',
    ...(first ?? { block: i.block, from: i.from, to: i.to, text: i.text }),
    ...(more.length ? { more } : {}),
  };
}

export function FactcheckPanel({ articleId, open, onClose }: Props) {
  const { t } = useTranslation();
  const editor = useLiveEditor();
  const [tab, setTab] = useState<Tab>('quotes');
  const [version, setVersion] = useState(0);
  const [data, setData] = useState<FactcheckData>({ items: null, threads: null, sources: null, error: null });
  const [report, setReport] = useState(false);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    Promise.all([
      call('quotes:list', { id: articleId }),
      call('comments:list', { id: articleId }),
      call('sources:list', { articleId }),
    ])
      .then(([items, threads, sources]) => {
        if (live) setData({ items, threads, sources, error: null });
      })
      .catch((e: unknown) => {
        if (live) setData((d) => ({ ...d, error: errorDetails(t, e) }));
      });
    return () => {
      live = false;
    };
  }, [articleId, version, t]);

  // The editor colours quotes by the stored reviews and greys out resolved threads.
  useEffect(() => {
    if (!editor || !data.items) return;
    setQuoteReviews(
      editor,
      data.items.map((i) => ({ id: i.id, status: i.status })),
      data.items
        .filter((i) => (i.kind === 'claim' || i.replaces) && !i.id.startsWith('q') && i.anchored)
        .map((i) => handClaim(i)),
      data.items.flatMap((i) => i.replaces ?? []),
    );
  }, [editor, data.items]);
  useEffect(() => {
    if (!editor || !data.threads) return;
    setCommentThreads(
      editor,
      data.threads.filter((th) => th.resolved).map((th) => th.threadId),
    );
  }, [editor, data.threads]);

  const counts = useMemo(() => {
    const open = data.threads?.filter((th) => !th.resolved).length ?? 0;
    return { sources: data.sources?.length ?? 0, comments: open };
  }, [data.sources, data.threads]);

  if (!open) return null;

  return (
    <aside className="side-panel fc-panel" aria-label={t('factcheck.title')} data-testid="factcheck-panel">
      <div className="panel-head">
        <h2 className="panel-title">{t('factcheck.title')}</h2>
        <span className="fc-head-actions">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setReport(true)}
            data-testid="fc-report"
          >
            {t('factcheck.report.open')}
          </button>
          <button
            type="button"
            className="btn btn-icon"
            aria-label={t('factcheck.close')}
            title={t('factcheck.close')}
            onClick={onClose}
          >
            ×
          </button>
        </span>
      </div>
      <div className="fc-tabs" role="tablist" aria-label={t('factcheck.title')}>
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            className="fc-tab"
            aria-selected={tab === k}
            onClick={() => setTab(k)}
            data-testid={`fc-tab-${k}`}
          >
            {t(`factcheck.tabs.${k}`)}
            {k === 'sources' && counts.sources > 0 && <span className="fc-count">{counts.sources}</span>}
            {k === 'comments' && counts.comments > 0 && <span className="fc-count">{counts.comments}</span>}
          </button>
        ))}
      </div>
      {data.error && (
        <p className="inline-error" role="alert">
          {t('factcheck.loadFailed')}: {data.error}
        </p>
      )}
      <div className="fc-body" role="tabpanel">
        {tab === 'quotes' && (
          <QuotesSection
            articleId={articleId}
            editor={editor}
            items={data.items}
            sourceCount={counts.sources}
            onChanged={refresh}
          />
        )}
        {tab === 'sources' && (
          <SourcesSection articleId={articleId} sources={data.sources} onChanged={refresh} />
        )}
        {tab === 'comments' && (
          <CommentsSection articleId={articleId} editor={editor} threads={data.threads} onChanged={refresh} />
        )}
        {tab === 'audit' && <AuditList articleId={articleId} version={version} />}
      </div>
      {report && <ReportDialog articleId={articleId} onClose={() => setReport(false)} />}
    </aside>
  );
}
