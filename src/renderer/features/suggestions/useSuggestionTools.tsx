// Suggestion mode in the editor screen: the toolbar toggle ("وضع الاقتراح"), the button that opens the
// Suggestions panel, and the panel itself. The mode outlives one editor instance (a restored revision opens a
// fresh editor), so it is kept here and handed to every new editor with the user's name.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { call } from '../../bridge';
import { setSuggestMode, suggestionsStore } from '../../editor/extensions/suggestions/suggestions';
import { msg, postNotice } from '../shell/notices';
import { createValueStore, useValue } from '../shell/valueStore';
import { SuggestionsPanel } from './SuggestionsPanel';
import './suggestions.css';

/** Whether the desk member works in suggestion mode, across the articles they open. */
const modeStore = createValueStore(false);

export type SuggestionTools = { toolbar: ReactNode; panel: ReactNode };

export function useSuggestionTools({ editor }: { editor: Editor | null }): SuggestionTools {
  const { t } = useTranslation();
  const on = useValue(modeStore);
  const [author, setAuthor] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<string | null>(null);

  const readUser = useCallback(
    () =>
      call('user:get', {})
        .then((u) => {
          setAuthor(u?.name ?? null);
          return u?.name ?? null;
        })
        .catch((e: unknown) => {
          postNotice({ tone: 'error', title: msg('user.failed'), details: [{ error: e }] });
          return null;
        }),
    [],
  );

  useEffect(() => {
    void readUser();
  }, [readUser]);

  useEffect(() => {
    if (editor && !editor.isDestroyed && author) setSuggestMode(editor, on, author);
  }, [editor, on, author]);

  // A click on a suggestion in the text opens the panel on it.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const dom = editor.view.dom;
    const onClick = (e: MouseEvent) => {
      const el = (e.target as HTMLElement | null)?.closest?.('ins.sugg-ins, del.sugg-del');
      if (!el) return;
      const pos = editor.view.posAtDOM(el, 0);
      const type = el.tagName === 'INS' ? 'insertion' : 'deletion';
      const hit = suggestionsStore(editor)
        .get()
        .items.find((s) => s.type === type && s.from <= pos && pos < s.to);
      if (hit) {
        setActive(hit.id);
        setOpen(true);
      }
    };
    dom.addEventListener('click', onClick);
    return () => dom.removeEventListener('click', onClick);
  }, [editor]);

  const toggle = () => {
    if (on) return modeStore.set(false);
    void readUser().then((name) => {
      if (!name) return postNotice({ tone: 'warning', title: msg('suggestions.noUser') });
      modeStore.set(true);
    });
  };

  const toolbar = (
    <>
      <button
        type="button"
        className={`btn sugg-toggle${on ? ' sugg-toggle-on' : ''}`}
        aria-pressed={on}
        title={on && author ? t('suggestions.modeOn', { author }) : t('suggestions.toggleTitle')}
        onClick={toggle}
        disabled={!editor}
        data-testid="toggle-suggest"
      >
        <span className="sugg-dot" aria-hidden="true" />
        {t('suggestions.toggle')}
      </button>
      <button
        type="button"
        className="btn"
        aria-pressed={open}
        onClick={() => setOpen((o) => !o)}
        disabled={!editor}
        data-testid="toggle-suggestions"
      >
        {t('suggestions.panel')}
      </button>
    </>
  );

  const panel =
    open && editor && !editor.isDestroyed ? (
      <SuggestionsPanel editor={editor} active={active} onActive={setActive} onClose={() => setOpen(false)} />
    ) : null;

  return { toolbar, panel };
}
