// Comment threads: a comment on the selected words (the thread is created first, then its anchor mark is put
// on the selection and saved with the document), replies, resolve and reopen; clicking a thread shows its
// words in the text. Bodies are plain text, shown as text.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import type { CommentThread } from '../../../core/factcheck/model';
import { call } from '../../bridge';
import {
  activeThreadStore,
  addCommentMark,
  setActiveThread,
  threadRange,
} from '../../editor/extensions/comments/comments';
import { rangeInBody } from '../../editor/extensions/quoteMarks/bodyBlocks';
import { setActiveQuote } from '../../editor/extensions/quoteMarks/quoteMarks';
import { createStore } from '../../editor/extensions/quoteMarks/quoteStore';
import { formatDateTime, type UiLanguage } from '../../i18n';
import { msg, postNotice } from '../shell/notices';
import { afterSave, attempt } from './actions';
import { useStore } from './useStore';
import { FormActions } from './FormActions';

type Props = {
  articleId: string;
  editor: Editor | null;
  threads: CommentThread[] | null;
  onChanged: () => void;
};

type Draft = { from: number; to: number; text: string };
const NO_EDITOR = createStore<string | null>(null);

export function CommentsSection({ articleId, editor, threads, onChanged }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft | null>(null);
  const active = useStore(editor ? activeThreadStore(editor) : NO_EDITOR);

  function start() {
    if (!editor) return;
    const { from, to } = editor.state.selection;
    if (!rangeInBody(editor.state.doc, from, to)) {
      postNotice({ tone: 'warning', title: msg('factcheck.comments.selectFirst') });
      return;
    }
    setDraft({ from, to, text: editor.state.doc.textBetween(from, to, ' ') });
  }

  async function create(body: string) {
    if (!editor || !draft) return;
    const thread = await attempt('factcheck.comments.failed', () =>
      call('comments:add', { id: articleId, body }),
    );
    if (!thread) return;
    if (!addCommentMark(editor, thread.threadId, draft.from, draft.to)) {
      postNotice({ tone: 'warning', title: msg('factcheck.comments.selectFirst') });
    }
    setDraft(null);
    // The anchor is part of the document: saved now, so the thread finds it at once.
    await afterSave('factcheck.comments.failed', async () => undefined);
    // The thread's words are what the reader looks at now, not a quote picked before.
    setActiveQuote(editor, null);
    setActiveThread(editor, thread.threadId);
    onChanged();
  }

  function show(thread: string) {
    if (!editor || editor.isDestroyed) return;
    const range = threadRange(editor.state.doc, thread);
    if (range) editor.chain().setTextSelection(range).scrollIntoView().run();
    setActiveQuote(editor, null);
    setActiveThread(editor, thread);
  }

  const open = threads?.filter((th) => !th.resolved) ?? [];
  const resolved = threads?.filter((th) => th.resolved) ?? [];

  return (
    <section className="fc-section" aria-label={t('factcheck.tabs.comments')} data-testid="fc-comments">
      <div className="fc-toolbar">
        <button
          type="button"
          className="btn btn-small btn-primary"
          onMouseDown={(e) => e.preventDefault()}
          onClick={start}
          data-testid="comment-start"
        >
          {t('factcheck.comments.add')}
        </button>
      </div>
      {draft && (
        <BodyForm
          quoted={draft.text}
          submitLabel={t('factcheck.comments.post')}
          onSubmit={create}
          onCancel={() => setDraft(null)}
          testId="comment-form"
        />
      )}
      {threads && threads.length === 0 && !draft && <p className="muted">{t('factcheck.comments.none')}</p>}
      <ul className="fc-list">
        {[...open, ...resolved].map((th) => (
          <ThreadView
            key={th.threadId}
            articleId={articleId}
            thread={th}
            active={active === th.threadId}
            onShow={() => show(th.threadId)}
            onChanged={onChanged}
          />
        ))}
      </ul>
    </section>
  );
}

function ThreadView(props: {
  articleId: string;
  thread: CommentThread;
  active: boolean;
  onShow: () => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as UiLanguage;
  const { thread: th, articleId } = props;
  const [replying, setReplying] = useState(false);

  useEffect(() => {
    if (props.active) document.getElementById(`thread-${th.threadId}`)?.scrollIntoView({ block: 'nearest' });
  }, [props.active, th.threadId]);

  async function setResolved(resolve: boolean) {
    const done = await attempt('factcheck.comments.failed', () =>
      call(resolve ? 'comments:resolve' : 'comments:reopen', { id: articleId, threadId: th.threadId }),
    );
    if (done) props.onChanged();
  }

  async function reply(body: string) {
    const done = await attempt('factcheck.comments.failed', () =>
      call('comments:add', { id: articleId, threadId: th.threadId, body }),
    );
    if (done) {
      setReplying(false);
      props.onChanged();
    }
  }

  return (
    <li
      id={`thread-${th.threadId}`}
      className={`fc-thread${th.resolved ? ' fc-thread-resolved' : ''}${props.active ? ' fc-thread-active' : ''}`}
      data-testid="thread"
      data-thread={th.threadId}
      data-resolved={th.resolved}
    >
      {th.anchor ? (
        <button
          type="button"
          className="fc-anchor"
          dir="rtl"
          lang="ar"
          onClick={props.onShow}
          data-testid="thread-anchor"
        >
          {th.anchor.text}
        </button>
      ) : (
        <p className="fc-note fc-warn">{t('factcheck.comments.unanchored')}</p>
      )}
      <ol className="fc-comments">
        {th.comments.map((c) => (
          <li key={c.id} className="fc-comment-item" data-testid="comment">
            <span className="fc-comment-meta muted">
              <span dir="auto">{c.author}</span> ·{' '}
              <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, lang)}</time>
            </span>
            <p className="fc-comment-body" dir="auto" data-testid="comment-body">
              {c.body}
            </p>
          </li>
        ))}
      </ol>
      {th.resolved && th.resolvedBy && (
        <p className="muted fc-hint" data-testid="thread-resolved">
          {t('factcheck.comments.resolvedBy', {
            name: th.resolvedBy,
            time: th.resolvedAt ? formatDateTime(th.resolvedAt, lang) : '',
          })}
        </p>
      )}
      {replying && (
        <BodyForm
          submitLabel={t('factcheck.comments.reply')}
          onSubmit={reply}
          onCancel={() => setReplying(false)}
          testId="reply-form"
        />
      )}
      <div className="fc-row-actions">
        {!replying && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setReplying(true)}
            data-testid="thread-reply"
          >
            {t('factcheck.comments.reply')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void setResolved(!th.resolved)}
          data-testid={th.resolved ? 'thread-reopen' : 'thread-resolve'}
        >
          {th.resolved ? t('factcheck.comments.reopen') : t('factcheck.comments.resolve')}
        </button>
      </div>
    </li>
  );
}

function BodyForm(props: {
  quoted?: string;
  submitLabel: string;
  onSubmit: (body: string) => Promise<void>;
  onCancel: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="fc-form"
      data-testid={props.testId}
      onSubmit={(e) => {
        e.preventDefault();
        if (!body.trim()) return;
        setBusy(true);
        void props.onSubmit(body).finally(() => setBusy(false));
      }}
    >
      {props.quoted !== undefined && (
        <blockquote className="fc-passage" dir="rtl" lang="ar">
          {props.quoted}
        </blockquote>
      )}
      <label className="field">
        <span className="field-label">{t('factcheck.comments.body')}</span>
        <textarea
          value={body}
          dir="auto"
          rows={3}
          maxLength={10_000}
          autoFocus
          onChange={(e) => setBody(e.target.value)}
          data-testid="comment-input"
        />
      </label>
      <FormActions
        submitLabel={props.submitLabel}
        submitTestId="comment-submit"
        disabled={busy || !body.trim()}
        onCancel={props.onCancel}
      />
    </form>
  );
}
