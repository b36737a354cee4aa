// The rule manager: every rule by category with its message, on/off, and an editor for word-list and pattern
// rules whose examples are run by the engine as the user types (an unsafe pattern is refused with its
// reason). Rule sets travel as JSON.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CATEGORIES,
  SEVERITIES,
  mergeRules,
  runExamples,
  validateRule,
  type Rule,
} from '../../../core/checker';
import { call } from '../../bridge';
import { Dialog } from '../shell/Dialog';
import { msg, postNotice } from '../shell/notices';
import { useValue } from '../shell/valueStore';
import { houseStyleStore, saveHouseStyle } from './houseStyleStore';
import { EMPTY_DRAFT, draftToRule, ruleToDraft, type RuleDraft } from './ruleDraft';

function isOn(r: Rule, settings: { rules: Record<string, boolean>; strictness: string }): boolean {
  return settings.rules[r.id] ?? (r.default === 'on' || settings.strictness === 'strict');
}

export function RuleManager({ onClose, onChanged }: { onClose: () => void; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ar';
  const style = useValue(houseStyleStore);
  const rules = useMemo(() => mergeRules(style.customRules), [style.customRules]);
  const customIds = useMemo(() => new Set(style.customRules.map((r) => r.id)), [style.customRules]);
  const [query, setQuery] = useState('');
  const [draft, setDraft] = useState<RuleDraft | null>(null);
  const [builtin, setBuiltin] = useState<string | null>(null);
  const [importText, setImportText] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  const fail = (e: unknown) => postNotice({ tone: 'error', title: { error: e } });
  const toggle = (r: Rule, on: boolean) =>
    saveHouseStyle({ settings: { ...style.settings, rules: { ...style.settings.rules, [r.id]: on } } })
      .then(onChanged)
      .catch(fail);

  const shown = rules.filter(
    (r) => !query || r.id.includes(query) || r.message.ar.includes(query) || r.message.en.includes(query),
  );

  if (draft) {
    const check = validateRule(draftToRule(draft));
    const results = check.ok ? runExamples(check.rule, style.settings) : [];
    const set = (patch: Partial<RuleDraft>) => setDraft({ ...draft, ...patch });
    const save = () => {
      if (!check.ok) return;
      const others = style.customRules.filter((r) => r.id !== check.rule.id);
      saveHouseStyle({ customRules: [...others, check.rule] })
        .then(() => {
          postNotice({ tone: 'info', title: msg('checker.manager.saved', { id: check.rule.id }) });
          setDraft(null);
          onChanged();
        })
        .catch(fail);
    };
    const text = (key: keyof RuleDraft, label: string, rows = 0) => (
      <label className="chk-field">
        <span>{label}</span>
        {rows ? (
          <textarea
            rows={rows}
            dir="auto"
            value={draft[key]}
            data-testid={`rule-${key}`}
            onChange={(e) => set({ [key]: e.target.value })}
          />
        ) : (
          <input
            dir="auto"
            value={draft[key]}
            data-testid={`rule-${key}`}
            onChange={(e) => set({ [key]: e.target.value })}
          />
        )}
      </label>
    );
    return (
      <Dialog title={t('checker.manager.title')} onCancel={() => setDraft(null)} testId="rule-manager">
        <div className="chk-rule-form" data-testid="rule-editor">
          {text('id', t('checker.manager.id'))}
          <label className="chk-field">
            <span>{t('checker.manager.kind')}</span>
            <select
              value={draft.kind}
              data-testid="rule-kind"
              onChange={(e) => set({ kind: e.target.value as RuleDraft['kind'] })}
            >
              <option value="words">{t('checker.manager.kind_words')}</option>
              <option value="pattern">{t('checker.manager.kind_pattern')}</option>
            </select>
          </label>
          <label className="chk-field">
            <span>{t('checker.manager.categoryLabel')}</span>
            <select
              value={draft.category}
              onChange={(e) => set({ category: e.target.value as RuleDraft['category'] })}
            >
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`checker.category.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="chk-field">
            <span>{t('checker.manager.severityLabel')}</span>
            <select
              value={draft.severity}
              onChange={(e) => set({ severity: e.target.value as RuleDraft['severity'] })}
            >
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`checker.severity.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {text('messageAr', t('checker.manager.messageAr'))}
          {text('messageEn', t('checker.manager.messageEn'))}
          {draft.kind === 'words' ? (
            text('words', t('checker.manager.words'), 4)
          ) : (
            <>
              {text('pattern', t('checker.manager.pattern'))}
              {text('replace', t('checker.manager.replace'))}
            </>
          )}
          {text('examples', t('checker.manager.examples'), 4)}
          {!check.ok && (
            <p className="chk-refused" role="alert" data-testid="rule-refused">
              {t('checker.manager.refused', { reason: check.message })}
            </p>
          )}
          <ul className="chk-examples" data-testid="rule-example-list">
            {results.map((r, i) => (
              <li key={i} data-testid="rule-example" data-pass={r.pass} className={r.pass ? 'pass' : 'fail'}>
                <span className="chk-example-verdict">
                  {r.pass ? t('checker.manager.pass') : t('checker.manager.fail')}
                </span>{' '}
                <bdi>{r.text}</bdi>
                {!r.pass && r.got && (
                  <span className="chk-example-got"> — {t('checker.manager.got', { text: r.got })}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setDraft(null)}>
            {t('checker.manager.back')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!check.ok}
            onClick={save}
            data-testid="rule-save"
          >
            {t('checker.manager.save')}
          </button>
        </div>
      </Dialog>
    );
  }

  const doImport = () => {
    call('checker:rules:import', { json: importText ?? '', replace: false })
      .then((r) => {
        houseStyleStore.set(r.style);
        setImportText(null);
        setImportError(null);
        postNotice({ tone: 'info', title: msg('checker.manager.imported', { count: r.imported }) });
        onChanged();
      })
      .catch((e: unknown) => setImportError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <Dialog title={t('checker.manager.title')} onCancel={onClose} testId="rule-manager">
      <div className="chk-manager-bar">
        <input
          type="search"
          placeholder={t('checker.manager.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="rule-search"
        />
        <button type="button" className="btn" onClick={() => setDraft(EMPTY_DRAFT)} data-testid="rule-add">
          {t('checker.manager.add')}
        </button>
        <button type="button" className="btn" onClick={() => setImportText('')} data-testid="rules-import">
          {t('checker.manager.import')}
        </button>
        <button
          type="button"
          className="btn"
          data-testid="rules-export"
          onClick={() =>
            call('checker:rules:export', {})
              .then((r) => setExported(r.json))
              .catch(fail)
          }
        >
          {t('checker.manager.export')}
        </button>
      </div>
      {importText !== null && (
        <div className="chk-import">
          <label className="chk-field">
            <span>{t('checker.manager.importTitle')}</span>
            <textarea
              rows={5}
              dir="ltr"
              value={importText}
              onChange={(e) => setImportText(e.target.value)}
              data-testid="rules-import-json"
            />
          </label>
          {importError && (
            <p className="chk-refused" role="alert" data-testid="rules-import-error">
              {importError}
            </p>
          )}
          <button type="button" className="btn btn-primary" onClick={doImport} data-testid="rules-import-go">
            {t('checker.manager.import')}
          </button>
        </div>
      )}
      {exported !== null && (
        <textarea
          className="chk-export"
          rows={5}
          dir="ltr"
          readOnly
          value={exported}
          data-testid="rules-export-json"
        />
      )}
      {builtin && <p className="chk-note">{t('checker.manager.builtin')}</p>}
      <div className="chk-rule-list">
        {CATEGORIES.map((c) => {
          const list = shown.filter((r) => r.category === c);
          if (list.length === 0) return null;
          return (
            <section key={c}>
              <h3 className="chk-cat-title">
                {t(`checker.category.${c}`)} <span className="chk-count">{list.length}</span>
              </h3>
              <ul>
                {list.map((r) => (
                  <li key={r.id} className="chk-rule" data-testid="rule-row" data-rule={r.id}>
                    <input
                      type="checkbox"
                      checked={isOn(r, style.settings)}
                      aria-label={t('checker.manager.enabled')}
                      onChange={(e) => void toggle(r, e.target.checked)}
                    />
                    <div className="chk-rule-text">
                      <code dir="ltr">{r.id}</code>
                      {customIds.has(r.id) && <span className="chk-tag">{t('checker.manager.custom')}</span>}
                      <p>{r.message[lang]}</p>
                    </div>
                    <button
                      type="button"
                      className="btn btn-quiet"
                      onClick={() => {
                        const d = ruleToDraft(r);
                        if (d) setDraft(d);
                        else setBuiltin(r.id);
                      }}
                    >
                      {t('checker.manager.edit')}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} data-testid="rule-manager-close">
          {t('checker.manager.close')}
        </button>
      </div>
    </Dialog>
  );
}
