// The code replacement table: list, add, edit and delete codes (=لاف= → وزير الخارجية الروسي سيرجي لافروف),
// import a TSV table from a file (bad lines reported by number) and export the table as TSV.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeEntry } from '../../../core/codes/codes';
import { call } from '../../bridge';
import { errorDetails } from '../shell/errorText';
import { downloadText } from './download';

type Props = { onChanged: (entries: CodeEntry[]) => void };

export function CodesManager({ onChanged }: Props) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<CodeEntry[] | null>(null);
  const [draft, setDraft] = useState<CodeEntry>({ code: '', expansion: '' });
  const [replace, setReplace] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [problems, setProblems] = useState<{ line: number; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    const list = await call('codes:list', {});
    setEntries(list);
    onChanged(list);
  }, [onChanged]);

  useEffect(() => {
    load().catch((e: unknown) => setError(errorDetails(t, e)));
  }, [load, t]);

  async function run(action: () => Promise<string | null>) {
    try {
      setNote(await action());
      setError(null);
      await load();
    } catch (e) {
      setError(errorDetails(t, e));
      setNote(null);
    }
  }

  const save = () =>
    run(async () => {
      const saved = await call('codes:set', draft);
      setDraft({ code: '', expansion: '' });
      setProblems([]);
      return t('media.codes.saved', { code: saved.code });
    });

  const importFile = (file: File) =>
    run(async () => {
      const res = await call('codes:importTsv', { tsv: await file.text(), replace });
      setProblems(res.problems);
      return t('media.codes.imported', { count: res.imported });
    });

  async function exportTsv() {
    try {
      const { tsv } = await call('codes:exportTsv', {});
      downloadText('codes.tsv', tsv, 'text/tab-separated-values;charset=utf-8');
    } catch (e) {
      setError(errorDetails(t, e));
    }
  }

  return (
    <div data-testid="codes">
      <p className="muted">{t('media.codes.help')}</p>
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span className="field-label">{t('media.codes.code')}</span>
          <input
            type="text"
            dir="auto"
            placeholder="=لاف="
            value={draft.code}
            onChange={(e) => setDraft({ ...draft, code: e.target.value })}
            data-testid="code-input"
          />
        </label>
        <label className="field grow">
          <span className="field-label">{t('media.codes.expansion')}</span>
          <input
            type="text"
            dir="auto"
            value={draft.expansion}
            onChange={(e) => setDraft({ ...draft, expansion: e.target.value })}
            data-testid="code-expansion"
          />
        </label>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!draft.code.trim() || !draft.expansion.trim()}
          data-testid="code-save"
        >
          {t('media.codes.save')}
        </button>
      </form>
      {note && (
        <p className="muted" role="status">
          {note}
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="settings-problems" data-testid="code-problems">
          {problems.map((p) => (
            <li key={`${p.line}-${p.message}`}>
              {t('media.codes.problem', { line: p.line, message: p.message })}
            </li>
          ))}
        </ul>
      )}
      {entries && entries.length === 0 && <p className="muted">{t('media.codes.empty')}</p>}
      {entries && entries.length > 0 && (
        <table className="settings-table">
          <thead>
            <tr>
              <th>{t('media.codes.code')}</th>
              <th>{t('media.codes.expansion')}</th>
              <th>
                <span className="sr-only">{t('tags.vocab.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.code} data-testid="code-row">
                <td dir="auto">{e.code}</td>
                <td dir="auto">{e.expansion}</td>
                <td>
                  <button type="button" className="btn btn-small btn-quiet" onClick={() => setDraft(e)}>
                    {t('media.codes.edit')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-quiet"
                    onClick={() =>
                      void run(async () => {
                        await call('codes:delete', { code: e.code });
                        return t('media.codes.deleted', { code: e.code });
                      })
                    }
                  >
                    {t('media.codes.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="settings-actions">
        <button type="button" className="btn" onClick={() => fileRef.current?.click()}>
          {t('media.codes.import')}
        </button>
        <label>
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />{' '}
          {t('media.codes.replace')}
        </label>
        <button type="button" className="btn" onClick={() => void exportTsv()} data-testid="code-export">
          {t('media.codes.export')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".tsv,.txt,text/tab-separated-values,text/plain"
          hidden
          data-testid="code-import-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
    </div>
  );
}
