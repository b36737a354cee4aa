// The controlled tag vocabulary: every tag with its type, IPTC Media Topic code and how many articles carry
// it; add, rename (articles follow, the old label stays an alias), merge several into one, delete; and the
// labels articles carry that the vocabulary lacks, ready to be added.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagInfo } from '../../../core/ipc/contract';
import { TAG_TYPES, type TagType } from '../../../core/tags/types';
import { tagKey } from '../../../core/tags/vocabulary';
import { call } from '../../bridge';
import { errorDetails } from '../shell/errorText';

export type Retag = { fromKeys: Set<string>; label: string };

type Props = {
  /** After a rename or merge: the open article's tags follow. */
  onRetag: (change: Retag) => void;
};

type Listing = { tags: TagInfo[]; unlisted: { label: string; usage: number }[] };

export function VocabularyManager({ onRetag }: Props) {
  const { t } = useTranslation();
  const [list, setList] = useState<Listing | null>(null);
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [into, setInto] = useState<number | null>(null);
  const [renaming, setRenaming] = useState<{ id: number; label: string } | null>(null);
  const [draft, setDraft] = useState<{ label: string; type: TagType; mediaTopic: string }>({
    label: '',
    type: 'topic',
    mediaTopic: '',
  });
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setList(await call('tags:list', {}));
      setError(null);
    } catch (e) {
      setError(errorDetails(t, e));
    }
  }, [t]);

  useEffect(() => {
    void load();
  }, [load]);

  async function run(action: () => Promise<string | null>) {
    try {
      const done = await action();
      setNote(done);
      setError(null);
      await load();
    } catch (e) {
      setError(errorDetails(t, e));
      setNote(null);
    }
  }

  const key = tagKey(filter);
  const tags = (list?.tags ?? []).filter(
    (tag) => !key || [tag.label, ...tag.aliases].some((n) => tagKey(n).includes(key)),
  );
  const chosen = (list?.tags ?? []).filter((tag) => selected.has(tag.id));

  function toggle(id: number) {
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const rename = (row: TagInfo, label: string) =>
    run(async () => {
      const res = await call('tags:rename', { id: row.id, label });
      onRetag({ fromKeys: new Set([tagKey(row.label)]), label: res.tag.label });
      setRenaming(null);
      return t('tags.vocab.renamed', { count: res.articlesUpdated.length });
    });

  const merge = () =>
    run(async () => {
      const target = chosen.find((c) => c.id === into) ?? chosen[0];
      if (!target) return null;
      const from = chosen.filter((c) => c.id !== target.id);
      const res = await call('tags:merge', { from: from.map((f) => f.id), into: target.id });
      const keys = new Set(from.flatMap((f) => [f.label, ...f.aliases].map(tagKey)));
      onRetag({ fromKeys: keys, label: res.tag.label });
      setSelected(new Set());
      setInto(null);
      return t('tags.vocab.merged', { count: res.articlesUpdated.length });
    });

  const addTag = (label: string, type: TagType, mediaTopic: string) =>
    run(async () => {
      await call('tags:upsert', { label, type, mediaTopic: mediaTopic.trim() || null });
      setDraft({ label: '', type: 'topic', mediaTopic: '' });
      return t('tags.vocab.added', { label });
    });

  return (
    <div data-testid="vocabulary">
      <form
        className="settings-form"
        onSubmit={(e) => {
          e.preventDefault();
          void addTag(draft.label, draft.type, draft.mediaTopic);
        }}
      >
        <label className="field">
          <span className="field-label">{t('tags.vocab.label')}</span>
          <input
            type="text"
            dir="auto"
            value={draft.label}
            onChange={(e) => setDraft({ ...draft, label: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('tags.vocab.type')}</span>
          <select
            value={draft.type}
            onChange={(e) => setDraft({ ...draft, type: e.target.value as TagType })}
          >
            {TAG_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`tags.type.${ty}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('tags.vocab.mediaTopic')}</span>
          <input
            type="text"
            dir="ltr"
            placeholder="medtop:01000000"
            value={draft.mediaTopic}
            onChange={(e) => setDraft({ ...draft, mediaTopic: e.target.value })}
          />
        </label>
        <button type="submit" className="btn" disabled={!draft.label.trim()}>
          {t('tags.vocab.add')}
        </button>
      </form>

      <div className="settings-form">
        <input
          type="search"
          dir="auto"
          className="grow"
          placeholder={t('tags.vocab.filter')}
          aria-label={t('tags.vocab.filter')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="vocab-filter"
        />
        {chosen.length >= 2 && (
          <>
            <label>
              {t('tags.vocab.mergeInto')}{' '}
              <select
                value={into ?? chosen[0]!.id}
                onChange={(e) => setInto(Number(e.target.value))}
                data-testid="vocab-merge-into"
              >
                {chosen.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="btn" onClick={() => void merge()} data-testid="vocab-merge">
              {t('tags.vocab.merge', { count: chosen.length })}
            </button>
          </>
        )}
      </div>
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

      <table className="settings-table">
        <thead>
          <tr>
            <th>
              <span className="sr-only">{t('tags.vocab.select')}</span>
            </th>
            <th>{t('tags.vocab.label')}</th>
            <th>{t('tags.vocab.type')}</th>
            <th>{t('tags.vocab.mediaTopic')}</th>
            <th>{t('tags.vocab.usage')}</th>
            <th>
              <span className="sr-only">{t('tags.vocab.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <tr key={tag.id} data-testid="vocab-row">
              <td>
                <input
                  type="checkbox"
                  aria-label={t('tags.vocab.selectTag', { label: tag.label })}
                  checked={selected.has(tag.id)}
                  onChange={() => toggle(tag.id)}
                />
              </td>
              <td dir="auto">
                {renaming?.id === tag.id ? (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      void rename(tag, renaming.label);
                    }}
                  >
                    <input
                      type="text"
                      dir="auto"
                      autoFocus
                      aria-label={t('tags.vocab.newLabel')}
                      value={renaming.label}
                      onChange={(e) => setRenaming({ id: tag.id, label: e.target.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Escape') {
                          e.stopPropagation();
                          e.preventDefault();
                          setRenaming(null);
                        }
                      }}
                    />
                  </form>
                ) : (
                  <>
                    {tag.label}
                    {tag.labelEn && (
                      <span className="muted" dir="ltr">
                        {' '}
                        · {tag.labelEn}
                      </span>
                    )}
                  </>
                )}
              </td>
              <td>{t(`tags.type.${tag.type}`)}</td>
              <td dir="ltr" className="num">
                {tag.mediaTopic ?? ''}
              </td>
              <td className="num" data-testid="vocab-usage">
                {tag.usage}
              </td>
              <td>
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  onClick={() => setRenaming({ id: tag.id, label: tag.label })}
                >
                  {t('tags.vocab.rename')}
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-quiet"
                  onClick={() =>
                    void run(async () => {
                      await call('tags:delete', { id: tag.id });
                      return t('tags.vocab.deleted', { label: tag.label });
                    })
                  }
                >
                  {t('tags.vocab.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {list && list.unlisted.length > 0 && (
        <>
          <h3 className="tags-title">{t('tags.vocab.unlisted')}</h3>
          <table className="settings-table">
            <tbody>
              {list.unlisted.map((u) => (
                <tr key={u.label}>
                  <td dir="auto">{u.label}</td>
                  <td className="num">{u.usage}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small btn-quiet"
                      onClick={() => void addTag(u.label, 'topic', '')}
                    >
                      {t('tags.vocab.addToVocabulary')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
