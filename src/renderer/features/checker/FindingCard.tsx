// The card over a finding, opened by hovering or clicking an underline (or F8): the message, the rule, the
// suggestions (one click applies one, as one undo step), ignore once, ignore the rule in this article, and for
// spelling: add the word to the dictionary or mark it correct in this article.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { call } from '../../bridge';
import { applySuggestion, setActiveFinding, type CheckerView } from '../../editor/extensions/checker/checker';
import { checkerKey, markedCorrectKey, type CheckerAction } from '../../editor/extensions/checker/plugin';
import { msg, postNotice } from '../shell/notices';
import { useValue, type ValueStore } from '../shell/valueStore';

type Props = {
  editor: Editor;
  store: ValueStore<CheckerView>;
  onIgnore: (arg: { key?: string; ruleId?: string }) => Promise<unknown>;
  onClose: () => void;
};

type Place = { top?: number; bottom?: number; right: number };

function placeOf(editor: Editor, id: string): Place | null {
  const el = editor.view.dom.querySelector(`[data-finding-id="${id}"]`);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const right = Math.max(8, window.innerWidth - r.right);
  // Under the word when there is room, otherwise above it, so the card never runs off the window.
  return r.bottom + 280 < window.innerHeight
    ? { top: r.bottom + 6, right }
    : { bottom: window.innerHeight - r.top + 6, right };
}

export function FindingCard({ editor, store, onIgnore, onClose }: Props) {
  const { t } = useTranslation();
  const view = useValue(store);
  const live = view.findings.find((f) => f.id === view.active);
  const [place, setPlace] = useState<Place | null>(null);

  // Hover and click on an underline open its card.
  useEffect(() => {
    const dom = editor.view.dom;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const target = (e: Event) => (e.target as HTMLElement | null)?.closest?.('[data-finding-id]');
    const open = (e: Event) => {
      const el = target(e);
      const id = el?.getAttribute('data-finding-id');
      if (id && id !== store.get().active) setActiveFinding(editor, id);
    };
    const over = (e: Event) => {
      if (timer) clearTimeout(timer);
      if (target(e)) timer = setTimeout(() => open(e), 250);
    };
    dom.addEventListener('click', open);
    dom.addEventListener('mouseover', over);
    return () => {
      if (timer) clearTimeout(timer);
      dom.removeEventListener('click', open);
      dom.removeEventListener('mouseover', over);
    };
  }, [editor, store]);

  useEffect(() => {
    if (!view.active) return setPlace(null);
    const id = view.active;
    const frame = requestAnimationFrame(() => setPlace(placeOf(editor, id)));
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('keydown', onKey);
    };
  }, [editor, view.active, view.version, onClose]);

  if (!live || !place) return null;
  const f = live.finding;
  const spelling = f.category === 'spelling';
  const after = (p: Promise<unknown>) => void p.then(onClose);
  return (
    <div
      className={`chk-card chk-card-${f.category}`}
      role="dialog"
      aria-label={t(`checker.category.${f.category}`)}
      style={place}
      data-testid="finding-card"
      data-rule={f.ruleId}
    >
      <div className="chk-card-head">
        <span className={`chk-swatch chk-${f.category}`} aria-hidden="true" />
        <strong>{t(`checker.category.${f.category}`)}</strong>
        <span className="chk-card-sev">{t(`checker.severity.${f.severity}`)}</span>
        <button
          type="button"
          className="btn btn-quiet chk-card-x"
          onClick={onClose}
          aria-label={t('checker.card.close')}
        >
          ×
        </button>
      </div>
      <p className="chk-card-msg" data-testid="finding-message">
        {f.message}
      </p>
      <div className="chk-card-suggestions">
        {f.suggestions.length === 0 && <p className="chk-note">{t('checker.card.noSuggestion')}</p>}
        {f.suggestions.slice(0, 5).map((s, i) => (
          <button
            key={i}
            type="button"
            className="btn btn-primary chk-suggestion"
            data-testid="finding-suggestion"
            data-text={s}
            onClick={() => applySuggestion(editor, live.id, i)}
          >
            {s === '' ? t('checker.card.remove') : s.trim() ? <bdi>{s}</bdi> : '␣'}
          </button>
        ))}
      </div>
      <div className="chk-card-actions">
        <button
          type="button"
          className="btn btn-quiet"
          data-testid="finding-ignore-once"
          onClick={() => after(onIgnore({ key: live.key }))}
        >
          {t('checker.card.ignoreOnce')}
        </button>
        {spelling ? (
          <>
            <button
              type="button"
              className="btn btn-quiet"
              data-testid="finding-add-word"
              onClick={() =>
                after(
                  call('dictionary:add', { word: f.text })
                    .then(() => {
                      editor.storage.checker.queue?.markCorrect(f.text);
                      const a: CheckerAction = { type: 'spelling', words: [f.text] };
                      editor.view.dispatch(
                        editor.state.tr.setMeta(checkerKey, a).setMeta('addToHistory', false),
                      );
                      postNotice({ tone: 'info', title: msg('checker.card.wordAdded', { word: f.text }) });
                    })
                    .catch((e: unknown) => postNotice({ tone: 'error', title: { error: e } })),
                )
              }
            >
              {t('checker.card.addWord')}
            </button>
            <button
              type="button"
              className="btn btn-quiet"
              data-testid="finding-mark-correct"
              onClick={() => after(onIgnore({ key: markedCorrectKey(f) }))}
            >
              {t('checker.card.markCorrect')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn btn-quiet"
            data-testid="finding-ignore-rule"
            onClick={() => after(onIgnore({ ruleId: f.ruleId }))}
          >
            {t('checker.card.ignoreRule')}
          </button>
        )}
      </div>
      <p className="chk-card-rule">
        {t('checker.card.rule')}: <code dir="ltr">{f.ruleId}</code>
      </p>
    </div>
  );
}
