// The article's tags below the text: chips that can be removed, an input that completes from the controlled
// vocabulary ('tags:search', matched on Arabic-folded forms), and the suggested tags as one-click additions.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import type { TagInfo } from '../../../core/ipc/contract';
import { call } from '../../bridge';
import { useEditorValue } from '../media/useEditorValue';
import { errorDetails } from '../shell/errorText';
import { addTag, hasTag, readTags, removeTag } from './tagsDoc';
import '../media/media.css';

type Props = {
  editor: Editor | null;
  articleId: string;
  /** Suggestions that came with the article ('article:open'). */
  suggested: string[];
};

const NONE: string[] = [];
const SEARCH_DELAY_MS = 120;

export function TagsSection({ editor, articleId, suggested }: Props) {
  const { t } = useTranslation();
  const tags = useEditorValue(editor, readTags, NONE);
  const editable = useEditorValue(editor, () => editor?.isEditable ?? false, false);
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<TagInfo[]>([]);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [suggestions, setSuggestions] = useState<string[]>(suggested);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();

  useEffect(() => {
    const prefix = query.trim();
    if (!prefix) return;
    let live = true;
    const timer = setTimeout(() => {
      call('tags:search', { prefix, limit: 8 })
        .then((found) => {
          if (!live) return;
          setOptions(found);
          setActive(0);
          setError(null);
        })
        .catch((e: unknown) => live && setError(errorDetails(t, e)));
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, t]);

  const shown = query.trim() ? options.filter((o) => !hasTag(tags, o.label)) : [];
  const listOpen = open && shown.length > 0;
  const pending = suggestions.filter((s) => !hasTag(tags, s));

  function add(label: string) {
    if (editor && addTag(editor, label)) {
      setQuery('');
      setOptions([]);
    }
  }

  async function refreshSuggestions() {
    try {
      const found = await call('tags:suggest', { id: articleId });
      setSuggestions(found.map((s) => s.label));
      setError(null);
    } catch (e) {
      setError(errorDetails(t, e));
    }
  }

  return (
    <section className="tags-section" aria-label={t('tags.title')} data-testid="tags">
      <div className="tags-head">
        <h3 className="tags-title">{t('tags.title')}</h3>
        {tags.length === 0 && <span className="muted">{t('tags.none')}</span>}
      </div>
      <div className="tags-row">
        {tags.map((tag) => (
          <span key={tag} className="tag-chip" data-testid="tag-chip" dir="auto">
            <span data-testid="tag-label">{tag}</span>
            {editable && (
              <button
                type="button"
                className="btn-icon"
                aria-label={t('tags.remove', { tag })}
                title={t('tags.remove', { tag })}
                onClick={() => editor && removeTag(editor, tag)}
              >
                ×
              </button>
            )}
          </span>
        ))}
        {editable && (
          <div className="tag-combo">
            <input
              type="text"
              dir="auto"
              role="combobox"
              aria-expanded={listOpen}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-label={t('tags.add')}
              placeholder={t('tags.addPlaceholder')}
              value={query}
              data-testid="tag-input"
              onChange={(e) => {
                setQuery(e.target.value);
                setOpen(true);
              }}
              onFocus={() => setOpen(true)}
              onBlur={() => setOpen(false)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown' && shown.length) {
                  e.preventDefault();
                  setActive((a) => (a + 1) % shown.length);
                } else if (e.key === 'ArrowUp' && shown.length) {
                  e.preventDefault();
                  setActive((a) => (a - 1 + shown.length) % shown.length);
                } else if (e.key === 'Enter') {
                  e.preventDefault();
                  const pick = listOpen ? shown[Math.min(active, shown.length - 1)] : undefined;
                  add(pick ? pick.label : query);
                } else if (e.key === 'Escape') {
                  setOpen(false);
                }
              }}
            />
            {listOpen && (
              <ul className="tag-options" id={listId} role="listbox" data-testid="tag-options">
                {shown.map((o, i) => (
                  <li
                    key={o.id}
                    role="option"
                    aria-selected={i === active}
                    className="tag-option"
                    data-testid="tag-option"
                    // mousedown, not click: the input's blur would close the list first.
                    onMouseDown={(e) => {
                      e.preventDefault();
                      add(o.label);
                    }}
                  >
                    <span dir="auto">{o.label}</span>
                    <span className="tag-option-type">{t(`tags.type.${o.type}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {editable && (
        <div className="tags-suggested tags-row" data-testid="tag-suggestions">
          <span>{pending.length ? t('tags.suggested') : t('tags.noSuggestions')}</span>
          {pending.map((s) => (
            <button
              key={s}
              type="button"
              className="btn btn-small tag-suggestion"
              title={t('tags.addSuggested', { tag: s })}
              onClick={() => add(s)}
              data-testid="tag-suggestion"
            >
              + {s}
            </button>
          ))}
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => void refreshSuggestions()}
            data-testid="tag-suggest-refresh"
          >
            {t('tags.refresh')}
          </button>
        </div>
      )}
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
