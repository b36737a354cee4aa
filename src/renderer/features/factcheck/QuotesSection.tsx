// The quotes and claims of the live text in reading order, each merged with its stored review by quote id;
// clicking one jumps to it in the text (and clicking a quote in the text opens it here).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import type { QuoteReviewItem, ReviewStatus } from '../../../core/factcheck/model';
import type { QuoteKind } from '../../../core/quotes';
import { call } from '../../bridge';
import { rangeInBlock } from '../../editor/extensions/quoteMarks/bodyBlocks';
import { quoteRange, quoteStoreOf, setActiveQuote } from '../../editor/extensions/quoteMarks/quoteMarks';
import { createLiveQuotesStore } from '../../editor/extensions/quoteMarks/quoteStore';
import { msg, postNotice } from '../shell/notices';
import { afterSave } from './actions';
import { QuoteCard, type QuoteRow } from './QuoteCard';
import { useStore } from './useStore';

type Props = {
  articleId: string;
  editor: Editor | null;
  items: QuoteReviewItem[] | null;
  sourceCount: number;
  onChanged: () => void;
};

type Filter = 'all' | QuoteKind;
const FILTERS: Filter[] = ['all', 'speech', 'claim', 'naming'];
const NO_EDITOR = createLiveQuotesStore();

export function QuotesSection({ articleId, editor, items, sourceCount, onChanged }: Props) {
  const { t } = useTranslation();
  const live = useStore(editor ? quoteStoreOf(editor) : NO_EDITOR);
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);

  const rows = useMemo<QuoteRow[]>(() => {
    const byId = new Map((items ?? []).map((i) => [i.id, i]));
    // Quotes a split or merge replaced give way to the hand-marked ones that replace them.
    const superseded = new Set((items ?? []).flatMap((i) => i.replaces ?? []));
    const out: QuoteRow[] = live.quotes
      .filter((q) => !superseded.has(q.id))
      .map((q) => ({ quote: q, item: byId.get(q.id) ?? null }));
    // Claims and quotes marked by hand are not found by extraction: they come from the reviews.
    for (const i of items ?? []) if (!i.id.startsWith('q')) out.push({ quote: i, item: i });
    return out.sort(
      (a, b) => a.quote.block - b.quote.block || a.quote.from - b.quote.from || a.quote.to - b.quote.to,
    );
  }, [live.quotes, items]);

  // A quote clicked in the text opens here.
  useEffect(() => {
    if (live.active) setSelected(live.active);
  }, [live.active]);
  useEffect(() => {
    if (!selected) return;
    listRef.current
      ?.querySelector(`[data-quote-id="${CSS.escape(selected)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const shown = rows.filter((r) => filter === 'all' || r.quote.kind === filter);
  // "Merge with next" joins a speech quote with the next one in reading order.
  const nextSpeech = useMemo(() => {
    const ids = rows.filter((r) => r.quote.kind === 'speech').map((r) => r.quote.id);
    return new Map(ids.map((id, i) => [id, ids[i + 1] ?? null]));
  }, [rows]);
  const tally = useMemo(() => {
    const c: Partial<Record<ReviewStatus, number>> = {};
    for (const r of rows) {
      if (r.quote.kind === 'naming') continue;
      const s = r.item?.status ?? 'pending';
      c[s] = (c[s] ?? 0) + 1;
    }
    return c;
  }, [rows]);

  function jump(id: string) {
    setSelected(id);
    if (!editor || editor.isDestroyed) return;
    const range = quoteRange(editor.state, id);
    if (range) editor.chain().setTextSelection(range).scrollIntoView().run();
    setActiveQuote(editor, id);
  }

  async function verify() {
    if (sourceCount === 0) {
      postNotice({ tone: 'warning', title: msg('factcheck.verify.noSources') });
      return;
    }
    setBusy(true);
    const done = await afterSave('factcheck.verify.failed', () => call('quotes:verify', { id: articleId }));
    setBusy(false);
    // The new statuses show in the list and in the text; no notice needed.
    if (done) onChanged();
  }

  async function markClaim() {
    if (!editor) return;
    const { from, to } = editor.state.selection;
    const range = rangeInBlock(editor.state.doc, from, to);
    if (!range) {
      postNotice({ tone: 'warning', title: msg('factcheck.claim.selectFirst') });
      return;
    }
    const item = await afterSave('factcheck.claim.failed', () =>
      call('quotes:claim', { id: articleId, ...range }),
    );
    if (item) {
      setSelected(item.id);
      onChanged();
    }
  }

  return (
    <section className="fc-section" aria-label={t('factcheck.tabs.quotes')} data-testid="fc-quotes">
      <div className="fc-toolbar">
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={busy}
          onClick={() => void verify()}
          data-testid="fc-verify"
        >
          {busy ? t('factcheck.verify.working') : t('factcheck.verify.run')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => void markClaim()}
          data-testid="fc-mark-claim"
          title={t('factcheck.claim.title')}
        >
          {t('factcheck.claim.mark')}
        </button>
        <select
          className="fc-filter"
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
          aria-label={t('factcheck.filter.label')}
          data-testid="fc-filter"
        >
          {FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`factcheck.filter.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="fc-tally muted" data-testid="fc-tally">
        {(['verified', 'discrepancy', 'not_found', 'pending', 'waived'] as const)
          .filter((s) => tally[s])
          .map((s) => t(`factcheck.tally.${s}`, { n: tally[s] }))
          .join(' · ') || t('factcheck.none')}
      </p>
      {items === null && <p className="muted">{t('factcheck.loading')}</p>}
      <ol className="fc-list" ref={listRef}>
        {shown.map((r) => (
          <QuoteCard
            key={r.quote.id}
            articleId={articleId}
            row={r}
            expanded={selected === r.quote.id}
            editor={editor}
            nextId={nextSpeech.get(r.quote.id) ?? null}
            onSelect={() => jump(r.quote.id)}
            onChanged={onChanged}
            onReplaced={setSelected}
          />
        ))}
      </ol>
      {items !== null && shown.length === 0 && <p className="muted">{t('factcheck.empty')}</p>}
    </section>
  );
}
