// The compare view: two revisions picked from the history (or "since import" / "since approval"), diffed in
// the renderer with the Arabic-aware word diff, shown inline (removed struck through, added highlighted, a
// changed word with the letters that changed) or side by side, right to left; next / previous change, the
// summary, and "revert this change" into the live editor as one undo step.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import type { Revision, RevisionSummary } from '../../../core/ipc/contract';
import type { CharOp } from '../../../core/diff';
import { call } from '../../bridge';
import { docToContent, type DocJSON } from '../../editor/articleDoc';
import { formatDateTime, type UiLanguage } from '../../i18n';
import { errorDetails } from '../shell/errorText';
import { msg, postNotice } from '../shell/notices';
import {
  buildCompareModel,
  isRevertible,
  planRevert,
  type Change,
  type Piece,
  type Row,
} from './changeModel';
import { centerInView } from './centerInView';
import { revertInEditor } from './revertInEditor';
import './changes.css';

export type ComparePair = { a: number | null; b: number | null };

type Props = {
  articleId: string;
  initial: ComparePair;
  /** Seq of the latest approval, for the "since approval" shortcut (null: never approved). */
  approvedSeq: number | null;
  getEditor: () => Editor | null;
  /** Saves what the editor holds, so that the newest revision is what is on screen. */
  flush: () => Promise<boolean>;
  onClose: () => void;
};

type Mode = 'inline' | 'side';

export function ChangesView({ articleId, initial, approvedSeq, getEditor, flush, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as UiLanguage;
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null);
  const [pair, setPair] = useState<ComparePair>(initial);
  const [mode, setMode] = useState<Mode>('inline');
  const [loaded, setLoaded] = useState<{ a: Revision; b: Revision } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [current, setCurrent] = useState(0);
  const [reverted, setReverted] = useState<ReadonlySet<number>>(new Set());
  const bodyRef = useRef<HTMLDivElement>(null);

  // The history, after saving what is pending so that the newest revision is the text on screen.
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        await flush();
        const list = await call('revisions:list', { id: articleId });
        if (!live) return;
        const sorted = [...list].sort((x, y) => x.seq - y.seq);
        setRevisions(sorted);
        const latest = sorted[sorted.length - 1]?.seq ?? null;
        setPair((p) => ({ a: p.a ?? sorted[0]?.seq ?? null, b: p.b ?? latest }));
      } catch (e) {
        if (live) setError(errorDetails(t, e));
      }
    })();
    return () => {
      live = false;
    };
  }, [articleId, flush, t]);

  useEffect(() => {
    const { a, b } = pair;
    if (a === null || b === null) return;
    let live = true;
    setLoaded(null);
    Promise.all([
      call('revisions:get', { id: articleId, seq: a }),
      call('revisions:get', { id: articleId, seq: b }),
    ])
      .then(([ra, rb]) => {
        if (!live) return;
        setLoaded({ a: ra, b: rb });
        setCurrent(0);
        setReverted(new Set());
        setError(null);
      })
      .catch((e: unknown) => live && setError(errorDetails(t, e)));
    return () => {
      live = false;
    };
  }, [articleId, pair, t]);

  const model = useMemo(
    () => (loaded ? buildCompareModel(loaded.a.content, loaded.b.content) : null),
    [loaded],
  );
  const total = model?.changes.length ?? 0;
  const latestSeq = revisions?.[revisions.length - 1]?.seq ?? null;

  const show = useCallback((index: number) => {
    setCurrent(index);
    const el = bodyRef.current?.querySelector(`[data-change="${index}"]`);
    if (el) centerInView(el);
  }, []);

  function revert(change: Change) {
    const editor = getEditor();
    if (!editor || !loaded) return;
    const now = docToContent(editor.getJSON() as DocJSON);
    const plan = planRevert(change, loaded.b.content, now);
    if (!plan || !revertInEditor(editor, plan)) {
      postNotice({ tone: 'warning', title: msg('changes.revertConflict', { seq: loaded.b.seq }) });
      return;
    }
    setReverted((s) => new Set(s).add(change.index));
    postNotice({ tone: 'info', title: msg('changes.reverted') });
  }

  // A fresh comparison starts at its first change, wherever in the article that is.
  useEffect(() => {
    if (model?.changes.length) show(0);
  }, [model, show]);

  // Switching between inline and side by side keeps the change being read in view.
  const currentRef = useRef(current);
  currentRef.current = current;
  useEffect(() => {
    const el = bodyRef.current?.querySelector(`[data-change="${currentRef.current}"]`);
    if (el) centerInView(el);
  }, [mode]);

  const currentChange = model?.changes[current];
  const revLabel = (r: RevisionSummary) =>
    t('changes.revision', {
      seq: r.seq,
      reason: t(`reason.${r.reason}`),
      time: formatDateTime(r.createdAt, lang),
    });

  return (
    <section className="changes-view" aria-label={t('changes.title')} data-testid="changes-view">
      <div className="changes-bar">
        <h2 className="changes-title">{t('changes.title')}</h2>
        <label className="changes-pick">
          <span>{t('changes.from')}</span>
          <select
            value={pair.a ?? ''}
            onChange={(e) => setPair((p) => ({ ...p, a: Number(e.target.value) }))}
            data-testid="compare-from"
          >
            {revisions?.map((r) => (
              <option key={r.seq} value={r.seq}>
                {revLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <label className="changes-pick">
          <span>{t('changes.to')}</span>
          <select
            value={pair.b ?? ''}
            onChange={(e) => setPair((p) => ({ ...p, b: Number(e.target.value) }))}
            data-testid="compare-to"
          >
            {revisions?.map((r) => (
              <option key={r.seq} value={r.seq}>
                {revLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn btn-small"
          disabled={!revisions?.length}
          onClick={() => setPair({ a: revisions?.[0]?.seq ?? null, b: latestSeq })}
          data-testid="since-import"
        >
          {t('changes.sinceImport')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={approvedSeq === null}
          onClick={() => setPair({ a: approvedSeq, b: latestSeq })}
          data-testid="since-approval"
        >
          {t('changes.sinceApproval')}
        </button>
        <span className="bar-spacer" />
        <div className="changes-modes" role="group" aria-label={t('changes.view')}>
          <button
            type="button"
            className="btn btn-small"
            aria-pressed={mode === 'inline'}
            onClick={() => setMode('inline')}
            data-testid="mode-inline"
          >
            {t('changes.inline')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            aria-pressed={mode === 'side'}
            onClick={() => setMode('side')}
            data-testid="mode-side"
          >
            {t('changes.sideBySide')}
          </button>
        </div>
        <button type="button" className="btn btn-small" onClick={onClose} data-testid="close-changes">
          {t('changes.close')}
        </button>
      </div>

      {model && loaded && (
        <div className="changes-nav">
          <dl className="changes-summary" aria-label={t('changes.summary')} data-testid="changes-summary">
            <div className="sum-added">
              <dt className="sr-only">{t('changes.summary')}</dt>
              <dd data-testid="sum-added" data-count={model.diff.summary.wordsAdded}>
                {t('changes.added', { count: model.diff.summary.wordsAdded })}
              </dd>
            </div>
            <div className="sum-removed">
              <dd data-testid="sum-removed" data-count={model.diff.summary.wordsRemoved}>
                {t('changes.removed', { count: model.diff.summary.wordsRemoved })}
              </dd>
            </div>
            <div className="sum-changed">
              <dd data-testid="sum-changed" data-count={model.diff.summary.wordsChanged}>
                {t('changes.changed', { count: model.diff.summary.wordsChanged })}
              </dd>
            </div>
          </dl>
          <span className="bar-spacer" />
          <span className="changes-position" data-testid="change-position">
            {total ? t('changes.position', { n: current + 1, total }) : t('changes.none')}
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={current <= 0}
            onClick={() => show(current - 1)}
            data-testid="change-previous"
          >
            {t('changes.previous')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={current >= total - 1}
            onClick={() => show(current + 1)}
            data-testid="change-next"
          >
            {t('changes.next')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={!currentChange || !isRevertible(currentChange) || reverted.has(current)}
            title={
              currentChange && !isRevertible(currentChange)
                ? t('changes.notRevertible')
                : t('changes.revertTitle')
            }
            onClick={() => currentChange && revert(currentChange)}
            data-testid="revert-change"
          >
            {reverted.has(current) ? t('changes.revertedBadge') : t('changes.revert')}
          </button>
        </div>
      )}

      <div className="changes-body" ref={bodyRef}>
        {error && (
          <p className="inline-error" role="alert">
            {t('changes.failed')}: {error}
          </p>
        )}
        {revisions?.length === 1 && <p className="muted">{t('changes.needTwo')}</p>}
        {!model && !error && revisions && revisions.length > 1 && (
          <p className="muted">{t('changes.loading')}</p>
        )}
        {model && loaded && (
          <>
            {model.diff.coarse && <p className="wf-warn">{t('changes.coarse')}</p>}
            {total === 0 && (
              <p className="muted" data-testid="changes-none">
                {t('changes.same')}
              </p>
            )}
            {mode === 'inline' ? (
              <div className="changes-page" dir="rtl" lang="ar" data-testid="changes-inline">
                {model.rows.map((row) => (
                  <RowView
                    key={row.key}
                    row={row}
                    side="both"
                    current={current}
                    reverted={reverted}
                    onPick={setCurrent}
                  />
                ))}
              </div>
            ) : (
              <div className="changes-sides" dir="rtl" data-testid="changes-side">
                <div className="side-head" data-testid="side-old-head">
                  {t('changes.older', { seq: loaded.a.seq })}
                </div>
                <div className="side-head" data-testid="side-new-head">
                  {t('changes.newer', { seq: loaded.b.seq })}
                </div>
                {model.rows.map((row) => (
                  <SideRow
                    key={row.key}
                    row={row}
                    current={current}
                    reverted={reverted}
                    onPick={setCurrent}
                  />
                ))}
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}

type Side = 'both' | 'old' | 'new';
type RowProps = {
  row: Row;
  current: number;
  reverted: ReadonlySet<number>;
  onPick: (index: number) => void;
};

function SideRow({ row, ...rest }: RowProps) {
  return (
    <>
      <div className="side-cell side-old" data-side="old">
        {row.op !== 'insert' && <RowView row={row} side="old" {...rest} />}
      </div>
      <div className="side-cell side-new" data-side="new">
        {row.op !== 'delete' && <RowView row={row} side="new" {...rest} />}
      </div>
    </>
  );
}

function RowView({ row, side, current, reverted, onPick }: RowProps & { side: Side }) {
  const { t } = useTranslation();
  const Tag =
    row.field === 'headline'
      ? 'h1'
      : row.type === 'subheading'
        ? 'h3'
        : row.type === 'blockquote'
          ? 'blockquote'
          : 'p';
  const label = row.field === 'body' ? null : t(`changes.field.${row.field}`);
  return (
    <div
      className={`chg-row chg-row-${row.op} chg-of-${row.field.replace('.', '-')}`}
      data-testid="chg-row"
      data-op={row.op}
    >
      {label && <span className="chg-field">{label}</span>}
      {row.oldType && side !== 'new' && (
        <span className="chg-field chg-retype">
          {t('changes.wasType', { type: t(`changes.type.${row.oldType}`) })}
        </span>
      )}
      <Tag className="chg-text" dir="auto">
        {row.pieces.map((p, i) => (
          <PieceView key={i} piece={p} side={side} current={current} reverted={reverted} onPick={onPick} />
        ))}
      </Tag>
    </div>
  );
}

function changeAttrs(
  index: number,
  current: number,
  reverted: ReadonlySet<number>,
  onPick: (i: number) => void,
) {
  return {
    'data-change': index,
    'data-current': index === current || undefined,
    'data-reverted': reverted.has(index) || undefined,
    onClick: () => onPick(index),
  };
}

function PieceView({
  piece,
  side,
  current,
  reverted,
  onPick,
}: {
  piece: Piece;
  side: Side;
  current: number;
  reverted: ReadonlySet<number>;
  onPick: (i: number) => void;
}) {
  const { t } = useTranslation();
  switch (piece.kind) {
    case 'equal':
      return <>{piece.text}</>;
    case 'delete':
      return side === 'new' ? null : (
        <del
          className="chg-del"
          data-testid="chg-del"
          {...changeAttrs(piece.change, current, reverted, onPick)}
        >
          {piece.text}
        </del>
      );
    case 'insert':
      return side === 'old' ? null : (
        <ins
          className="chg-ins"
          data-testid="chg-ins"
          {...changeAttrs(piece.change, current, reverted, onPick)}
        >
          {piece.text}
        </ins>
      );
    case 'word': {
      const old = (
        <del className="chg-del chg-word-old" data-testid="chg-word-old" title={t('changes.deletedLetters')}>
          <Letters ops={piece.chars} keep="delete" />
        </del>
      );
      const neu = (
        <ins className="chg-ins chg-word-new" data-testid="chg-word-new" title={t('changes.insertedLetters')}>
          <Letters ops={piece.chars} keep="insert" />
        </ins>
      );
      return (
        <span
          className="chg-word"
          data-testid="chg-word"
          {...changeAttrs(piece.change, current, reverted, onPick)}
        >
          {side !== 'new' && old}
          {side === 'both' && ' '}
          {side !== 'old' && neu}
        </span>
      );
    }
  }
}

/** One side of a changed word: its unchanged letters plain, its own changed letters marked. */
function Letters({ ops, keep }: { ops: CharOp[]; keep: 'delete' | 'insert' }) {
  return (
    <>
      {ops.map((c, i) =>
        c.op === 'equal' ? (
          <span key={i}>{c.text}</span>
        ) : c.op === keep ? (
          <span key={i} className="chg-letter" data-testid="chg-letter">
            {c.text}
          </span>
        ) : null,
      )}
    </>
  );
}
