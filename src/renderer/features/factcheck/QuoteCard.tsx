// One quote or claim in the Quotes panel: speaker, status, source, who checked it and when, the note; opened,
// the fact-checker's tools (status, speaker, note, waiver with its reason, split, merge with the next quote,
// restoring the automatic quotes a split or merge replaced) and the evidence.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import type { QuoteReviewItem, ReviewStatus } from '../../../core/factcheck/model';
import type { Quote } from '../../../core/quotes';
import { call } from '../../bridge';
import { formatDateTime, type UiLanguage } from '../../i18n';
import { bodyBlocks } from '../../editor/extensions/quoteMarks/bodyBlocks';
import { afterSave } from './actions';
import { Evidence } from './Evidence';
import { FormActions } from './FormActions';

export type QuoteRow = { quote: Quote; item: QuoteReviewItem | null };

type Props = {
  articleId: string;
  row: QuoteRow;
  expanded: boolean;
  /** The editor of the article (for the caret a split may use), when one is open. */
  editor?: Editor | null;
  /** The speech quote after this one in reading order, which "merge with next" joins it with. */
  nextId?: string | null;
  onSelect: () => void;
  onChanged: () => void;
  /** After a split, merge or restore: the quote to open next (the first new one). */
  onReplaced?: (id: string | null) => void;
};

/**
 * Where the editor's caret sits in the quote's text (its paragraphs joined with '\n', as the services count),
 * or null when there is a selection or the caret is not strictly inside the quote.
 */
function caretOffset(editor: Editor | null | undefined, quote: Quote): number | null {
  if (!editor || editor.isDestroyed || !editor.state.selection.empty) return null;
  const head = editor.state.selection.head;
  const blocks = bodyBlocks(editor.state.doc);
  let acc = 0;
  for (const p of quote.parts) {
    const b = blocks[p.block];
    if (!b) return null;
    const start = b.pos + 1;
    if (head >= start + p.from && head <= start + p.to) {
      const at = acc + (head - start - p.from);
      return at > 0 && at < quote.text.length ? at : null;
    }
    acc += p.to - p.from + 1;
  }
  return null;
}

/** The words of a quote with their offsets: a split before any word but the first is a word boundary. */
function wordsOf(text: string): { word: string; at: number }[] {
  return [...text.matchAll(/\S+/gu)].map((m) => ({ word: m[0], at: m.index }));
}

const SETTABLE: ReviewStatus[] = ['verified', 'discrepancy', 'not_found', 'pending'];

export function QuoteCard({
  articleId,
  row,
  expanded,
  editor,
  nextId = null,
  onSelect,
  onChanged,
  onReplaced,
}: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as UiLanguage;
  const { quote, item } = row;
  const status: ReviewStatus = item?.status ?? 'pending';
  const speaker = item?.speaker ?? quote.speaker;
  const [form, setForm] = useState<'edit' | 'waive' | 'split' | null>(null);
  const hand = !!item?.replaces;
  // The source is named only when the quote was found in it.
  const matched = item?.verification && item.verification.status !== 'not_found' ? item.sourceTitle : null;

  async function update(change: {
    status?: ReviewStatus;
    speaker?: string | null;
    note?: string | null;
    waivedReason?: string;
  }): Promise<boolean> {
    const done = await afterSave('factcheck.update.failed', () =>
      call('quotes:update', { id: articleId, quoteId: quote.id, ...change }),
    );
    if (done) onChanged();
    return !!done;
  }

  async function split(at: number) {
    const made = await afterSave('factcheck.split.failed', () =>
      call('quotes:split', { id: articleId, quoteId: quote.id, at }),
    );
    if (!made) return;
    setForm(null);
    onReplaced?.(made[0]?.id ?? null);
    onChanged();
  }

  function splitHere() {
    const at = caretOffset(editor, quote);
    if (at === null) setForm(form === 'split' ? null : 'split');
    else void split(at);
  }

  async function mergeNext() {
    if (!nextId) return;
    const made = await afterSave('factcheck.merge.failed', () =>
      call('quotes:merge', { id: articleId, quoteIds: [quote.id, nextId] }),
    );
    if (!made) return;
    onReplaced?.(made.id);
    onChanged();
  }

  async function restore() {
    const back = await afterSave('factcheck.hand.restoreFailed', () =>
      call('quotes:restoreAuto', { id: articleId, quoteId: quote.id }),
    );
    if (!back) return;
    onReplaced?.(back[0]?.id ?? null);
    onChanged();
  }

  return (
    <li
      className={`fc-card fc-card-${status}${expanded ? ' fc-card-open' : ''}${quote.kind === 'naming' ? ' fc-card-naming' : ''}`}
      data-testid="quote"
      data-quote-id={quote.id}
      data-kind={quote.kind}
      data-status={status}
      data-hand={hand || undefined}
    >
      <button type="button" className="fc-card-head" onClick={onSelect} aria-expanded={expanded}>
        <span className="fc-card-line">
          {quote.kind !== 'naming' && (
            <span className="fc-speaker" dir="auto" data-testid="quote-speaker">
              {speaker ?? t('factcheck.noSpeaker')}
            </span>
          )}
          {item?.speakerCorrected && <span className="fc-corrected">{t('factcheck.corrected')}</span>}
          <span className="fc-kind">{t(`factcheck.kind.${quote.kind}`)}</span>
          {hand && (
            <span className="fc-hand-badge" title={t('factcheck.hand.title')} data-testid="quote-hand">
              {t('factcheck.hand.badge')}
            </span>
          )}
          <span className={`fc-badge fc-badge-${status}`} data-testid="quote-status">
            {t(`factcheck.status.${status}`)}
          </span>
        </span>
        <span className="fc-quote-text" dir="rtl" lang="ar" data-testid="quote-text">
          {quote.text}
        </span>
      </button>
      {item && (matched || item.checkedBy) && (
        <p className="fc-meta muted">
          {matched && (
            <span dir="auto" data-testid="quote-source">
              {t('factcheck.source', { title: matched })}
            </span>
          )}
          {item.checkedBy && item.checkedAt && (
            <span data-testid="quote-checked">
              {t('factcheck.checkedBy', {
                name: item.checkedBy,
                time: formatDateTime(item.checkedAt, lang),
              })}
            </span>
          )}
        </p>
      )}
      {item?.note && (
        <p className="fc-note" dir="auto" data-testid="quote-note">
          {item.note}
        </p>
      )}
      {item?.waivedReason && (
        <p className="fc-note fc-waived" dir="auto" data-testid="quote-waived">
          {t('factcheck.waivedBecause', { reason: item.waivedReason })}
        </p>
      )}
      {item && !item.anchored && <p className="fc-note fc-warn">{t('factcheck.unanchored')}</p>}
      {expanded && (
        <div className="fc-details">
          {quote.kind !== 'naming' && (
            <div className="fc-actions" role="group" aria-label={t('factcheck.setStatus')}>
              {SETTABLE.map((s) => (
                <button
                  key={s}
                  type="button"
                  className="btn btn-small"
                  aria-pressed={status === s}
                  onClick={() => void update({ status: s })}
                  data-testid={`set-${s}`}
                >
                  {t(`factcheck.status.${s}`)}
                </button>
              ))}
              <button
                type="button"
                className="btn btn-small"
                aria-pressed={status === 'waived'}
                onClick={() => setForm(form === 'waive' ? null : 'waive')}
                data-testid="waive"
              >
                {t('factcheck.waive.open')}
              </button>
              <button
                type="button"
                className="btn btn-small btn-quiet"
                onClick={() => setForm(form === 'edit' ? null : 'edit')}
                data-testid="edit-review"
              >
                {t('factcheck.edit.open')}
              </button>
            </div>
          )}
          {quote.kind === 'speech' && (
            <div className="fc-actions" role="group" aria-label={t('factcheck.split.group')}>
              <button
                type="button"
                className="btn btn-small"
                onMouseDown={(e) => e.preventDefault()}
                onClick={splitHere}
                aria-expanded={form === 'split'}
                title={t('factcheck.split.title')}
                data-testid="split-here"
              >
                {t('factcheck.split.here')}
              </button>
              <button
                type="button"
                className="btn btn-small"
                disabled={!nextId}
                onClick={() => void mergeNext()}
                title={nextId ? t('factcheck.merge.title') : t('factcheck.merge.noNext')}
                data-testid="merge-next"
              >
                {t('factcheck.merge.next')}
              </button>
              {hand && (
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  onClick={() => void restore()}
                  title={t('factcheck.hand.restoreTitle')}
                  data-testid="restore-auto"
                >
                  {t('factcheck.hand.restore')}
                </button>
              )}
            </div>
          )}
          {form === 'split' && (
            <div className="fc-form fc-split" data-testid="split-picker">
              <p className="muted fc-hint">{t('factcheck.split.pick')}</p>
              <p className="fc-split-words" dir="rtl" lang="ar">
                {wordsOf(quote.text).map((w, i) =>
                  i === 0 ? (
                    <span key={w.at} className="fc-split-word">
                      {w.word}
                    </span>
                  ) : (
                    <button
                      key={w.at}
                      type="button"
                      className="fc-split-word"
                      onClick={() => void split(w.at)}
                      title={t('factcheck.split.before', { word: w.word })}
                      data-testid="split-word"
                      data-at={w.at}
                    >
                      {w.word}
                    </button>
                  ),
                )}
              </p>
              <div className="fc-form-actions">
                <button type="button" className="btn btn-small" onClick={() => setForm(null)}>
                  {t('factcheck.cancel')}
                </button>
              </div>
            </div>
          )}
          {form === 'waive' && (
            <WaiveForm
              onCancel={() => setForm(null)}
              onWaive={async (reason) => {
                if (await update({ status: 'waived', waivedReason: reason })) setForm(null);
              }}
            />
          )}
          {form === 'edit' && (
            <EditForm
              speaker={speaker}
              detected={item?.detectedSpeaker ?? quote.speaker}
              note={item?.note ?? ''}
              onCancel={() => setForm(null)}
              onSave={async (s, n) => {
                if (await update({ speaker: s, note: n })) setForm(null);
              }}
            />
          )}
          {item?.verification && item.verification.status !== 'not_found' && (
            <Evidence verification={item.verification} sourceTitle={item.sourceTitle} />
          )}
          {item?.verification?.status === 'not_found' && (
            <p className="muted">{t('factcheck.evidence.notFound')}</p>
          )}
        </div>
      )}
    </li>
  );
}

function WaiveForm({
  onWaive,
  onCancel,
}: {
  onWaive: (reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState(false);
  return (
    <form
      className="fc-form"
      data-testid="waive-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) {
          setError(true);
          return;
        }
        void onWaive(reason.trim());
      }}
    >
      <label className="field">
        <span>{t('factcheck.waive.reason')}</span>
        <textarea
          value={reason}
          dir="auto"
          rows={2}
          maxLength={2000}
          aria-invalid={error}
          onChange={(e) => {
            setReason(e.target.value);
            if (e.target.value.trim()) setError(false);
          }}
          data-testid="waive-reason"
        />
      </label>
      {error && (
        <p className="fc-error" role="alert" data-testid="waive-error">
          {t('factcheck.waive.reasonRequired')}
        </p>
      )}
      <FormActions
        submitLabel={t('factcheck.waive.confirm')}
        submitTestId="waive-confirm"
        onCancel={onCancel}
      />
    </form>
  );
}

function EditForm(props: {
  speaker: string | null;
  detected: string | null;
  note: string;
  onSave: (speaker: string | null, note: string | null) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [speaker, setSpeaker] = useState(props.speaker ?? '');
  const [note, setNote] = useState(props.note);
  return (
    <form
      className="fc-form"
      data-testid="edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSave(speaker.trim() || null, note.trim() || null);
      }}
    >
      <label className="field">
        <span>{t('factcheck.edit.speaker')}</span>
        <input
          value={speaker}
          dir="auto"
          maxLength={200}
          placeholder={props.detected ?? ''}
          onChange={(e) => setSpeaker(e.target.value)}
          data-testid="edit-speaker"
        />
      </label>
      {props.detected && (
        <p className="muted fc-hint">{t('factcheck.edit.detected', { name: props.detected })}</p>
      )}
      <label className="field">
        <span>{t('factcheck.edit.note')}</span>
        <textarea
          value={note}
          dir="auto"
          rows={3}
          maxLength={5000}
          onChange={(e) => setNote(e.target.value)}
          data-testid="edit-note"
        />
      </label>
      <FormActions
        submitLabel={t('factcheck.edit.save')}
        submitTestId="edit-save"
        onCancel={props.onCancel}
      />
    </form>
  );
}
