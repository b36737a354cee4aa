// The editor screen's copy-editing tools: the toolbar toggle, the findings panel (by category, with counts,
// navigation and "Fix all safe"), the card over a finding, and the house-style and rule dialogs. The
// screen only places what this hook returns; findings are read from the checker extension's store.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { CATEGORIES, type ArticleIgnores } from '../../../core/checker';
import { call } from '../../bridge';
import {
  configureChecker,
  fixAllSafe,
  gotoFinding,
  revealFinding,
  setActiveFinding,
  type CheckerView,
} from '../../editor/extensions/checker/checker';
import { createValueStore, useValue, type ValueStore } from '../shell/valueStore';
import { msg, postNotice } from '../shell/notices';
import { FindingCard } from './FindingCard';
import { HouseStyleDialog } from './HouseStyleDialog';
import { RuleManager } from './RuleManager';
import { checkerConfig, houseStyleStore, loadHouseStyle } from './houseStyleStore';
import './checker.css';

export type CheckerTools = { toolbar: ReactNode; panel: ReactNode; overlay: ReactNode };

const NO_VIEW = createValueStore<CheckerView>({ findings: [], active: null, version: -1 });

function viewStore(editor: Editor | null): ValueStore<CheckerView> {
  return editor?.storage.checker?.view ?? NO_VIEW;
}

function Panel({
  editor,
  onClose,
  onSettings,
  onRules,
}: {
  editor: Editor;
  onClose: () => void;
  onSettings: () => void;
  onRules: () => void;
}) {
  const { t } = useTranslation();
  const view = useValue(viewStore(editor));
  const findings = view.findings;
  return (
    <aside className="side-panel chk-panel" aria-label={t('checker.panelTitle')} data-testid="checker-panel">
      <div className="panel-head">
        <h2 className="panel-title">{t('checker.panelTitle')}</h2>
        <button
          type="button"
          className="btn btn-quiet"
          onClick={onClose}
          aria-label={t('checker.card.close')}
        >
          ×
        </button>
      </div>
      <div className="chk-panel-bar">
        <span data-testid="checker-total" data-count={findings.length}>
          {t('checker.total', { count: findings.length })}
        </span>
        <button
          type="button"
          className="btn btn-quiet"
          title={t('checker.previousTitle')}
          onClick={() => gotoFinding(editor, -1)}
          data-testid="checker-prev"
        >
          {t('checker.previous')}
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          title={t('checker.nextTitle')}
          onClick={() => gotoFinding(editor, 1)}
          data-testid="checker-next"
        >
          {t('checker.next')}
        </button>
      </div>
      <div className="chk-panel-bar">
        <button
          type="button"
          className="btn"
          title={t('checker.fixSafeTitle')}
          data-testid="checker-fix-safe"
          onClick={() => {
            const n = fixAllSafe(editor);
            if (n) postNotice({ tone: 'info', title: msg('checker.fixedSafe', { count: n }) });
          }}
        >
          {t('checker.fixSafe')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={onSettings} data-testid="checker-settings">
          {t('checker.houseStyle')}
        </button>
        <button type="button" className="btn btn-quiet" onClick={onRules} data-testid="checker-rules">
          {t('checker.rules')}
        </button>
      </div>
      {findings.length === 0 && <p className="chk-empty">{t('checker.noFindings')}</p>}
      {CATEGORIES.map((c) => {
        const list = findings.filter((f) => f.finding.category === c);
        if (list.length === 0) return null;
        return (
          <section key={c} className="chk-cat" data-testid="checker-category" data-category={c}>
            <h3 className="chk-cat-title">
              <span className={`chk-swatch chk-${c}`} aria-hidden="true" />
              {t(`checker.category.${c}`)} <span className="chk-count">{list.length}</span>
            </h3>
            <ul>
              {list.map((f) => (
                <li key={f.id}>
                  <button
                    type="button"
                    className={`chk-item${view.active === f.id ? ' chk-item-active' : ''}`}
                    data-testid="checker-item"
                    data-rule={f.finding.ruleId}
                    onClick={() => revealFinding(editor, f)}
                  >
                    <bdi className="chk-item-text">{f.finding.text.trim() ? f.finding.text : '␣'}</bdi>
                    {f.finding.suggestions[0] !== undefined && (
                      <>
                        {' ← '}
                        <bdi>{f.finding.suggestions[0] || '∅'}</bdi>
                      </>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}

export function useCheckerTools({ id, editor }: { id: string; editor: Editor | null }): CheckerTools {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ar';
  const [open, setOpen] = useState(true);
  const [dialog, setDialog] = useState<'settings' | 'rules' | null>(null);
  const [ignores, setIgnores] = useState<ArticleIgnores | null>(null);
  const style = useValue(houseStyleStore);
  const [styleLoaded, setStyleLoaded] = useState(false);

  useEffect(() => {
    let live = true;
    setIgnores(null);
    Promise.all([loadHouseStyle(), call('checker:ignores', { id })])
      .then(([, ig]) => {
        if (!live) return;
        setStyleLoaded(true);
        setIgnores(ig);
      })
      .catch((e: unknown) => postNotice({ tone: 'error', title: { error: e } }));
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    if (!editor || editor.isDestroyed || !ignores || !styleLoaded) return;
    configureChecker(editor, checkerConfig(style, ignores, lang));
  }, [editor, style, ignores, lang, styleLoaded]);

  const ignore = useCallback(
    (arg: { key?: string; ruleId?: string }) =>
      call('checker:ignore', { id, ...arg })
        .then(setIgnores)
        .catch((e: unknown) => postNotice({ tone: 'error', title: { error: e } })),
    [id],
  );

  const toolbar = (
    <button
      type="button"
      className="btn"
      aria-pressed={open}
      title={t('checker.toggleTitle')}
      onClick={() => setOpen((o) => !o)}
      data-testid="toggle-checker"
    >
      {t('checker.toggle')}
    </button>
  );
  const panel =
    open && editor ? (
      <Panel
        editor={editor}
        onClose={() => setOpen(false)}
        onSettings={() => setDialog('settings')}
        onRules={() => setDialog('rules')}
      />
    ) : null;
  const overlay = (
    <>
      {editor && (
        <FindingCard
          editor={editor}
          store={viewStore(editor)}
          onIgnore={ignore}
          onClose={() => setActiveFinding(editor, null)}
        />
      )}
      {dialog === 'settings' && <HouseStyleDialog onClose={() => setDialog(null)} />}
      {dialog === 'rules' && <RuleManager onClose={() => setDialog(null)} onChanged={() => undefined} />}
    </>
  );
  return { toolbar, panel, overlay };
}
