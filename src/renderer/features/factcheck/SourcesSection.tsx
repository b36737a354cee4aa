// The article's sources: the list (read, detach), adding pasted text or a file (text, HTML, PDF, DOCX) with
// its details, and attaching a source the library already holds, found by full-text search.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceDetail, SourceHit, SourceSummary } from '../../../core/factcheck/model';
import { call } from '../../bridge';
import { fileToBase64 } from '../library/fileData';
import { highlightSnippet } from '../library/highlight';
import { msg, postNotice } from '../shell/notices';
import { attempt } from './actions';
import { loadSource } from './sourceCache';
import { SourceDialog } from './SourceDialog';
import { SourceMeta } from './SourceMeta';
import { FormActions } from './FormActions';

type Props = { articleId: string; sources: SourceSummary[] | null; onChanged: () => void };

const EMPTY = { title: '', url: '', publisher: '', language: 'ar', publishedAt: '', text: '' };

export function SourcesSection({ articleId, sources, onChanged }: Props) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [reading, setReading] = useState<SourceDetail | null>(null);

  async function detach(s: SourceSummary) {
    const done = await attempt('factcheck.sources.detachFailed', () =>
      call('sources:detach', { articleId, sourceId: s.id }),
    );
    if (done) onChanged();
  }

  async function read(id: string) {
    const s = await attempt('factcheck.sources.readFailed', () => loadSource(id));
    if (s) setReading(s);
  }

  const attached = new Set((sources ?? []).map((s) => s.id));

  return (
    <section className="fc-section" aria-label={t('factcheck.tabs.sources')} data-testid="fc-sources">
      <div className="fc-toolbar">
        <button
          type="button"
          className="btn btn-small btn-primary"
          aria-expanded={adding}
          onClick={() => setAdding((a) => !a)}
          data-testid="source-add-open"
        >
          {t('factcheck.sources.add')}
        </button>
        <FilePicker articleId={articleId} onAdded={onChanged} />
      </div>
      {adding && (
        <SourceForm
          articleId={articleId}
          onAdded={() => {
            setAdding(false);
            onChanged();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {sources && sources.length === 0 && <p className="muted">{t('factcheck.sources.none')}</p>}
      <ul className="fc-list">
        {sources?.map((s) => (
          <li key={s.id} className="fc-source" data-testid="source">
            <span className="fc-source-title" dir="auto">
              {s.title}
            </span>
            <SourceMeta source={s} />
            <span className="fc-row-actions">
              <button type="button" className="btn btn-small" onClick={() => void read(s.id)}>
                {t('factcheck.sources.read')}
              </button>
              <button
                type="button"
                className="btn btn-small btn-quiet"
                onClick={() => void detach(s)}
                data-testid="source-detach"
              >
                {t('factcheck.sources.detach')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      <LibrarySearch articleId={articleId} attached={attached} onAttached={onChanged} />
      {reading && <SourceDialog source={reading} onClose={() => setReading(null)} />}
    </section>
  );
}

function SourceForm(props: { articleId: string; onAdded: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [f, setF] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setF((old) => ({ ...old, [k]: e.target.value }));

  async function submit() {
    if (!f.title.trim() || !f.text.trim()) {
      setError(t('factcheck.sources.required'));
      return;
    }
    if (f.language.trim() && !/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(f.language.trim())) {
      setError(t('factcheck.sources.badLanguage'));
      return;
    }
    setError(null);
    setBusy(true);
    const added = await attempt('factcheck.sources.addFailed', () =>
      call('sources:add', {
        articleId: props.articleId,
        title: f.title.trim(),
        text: f.text,
        url: f.url.trim() || null,
        publisher: f.publisher.trim() || null,
        ...(f.language.trim() ? { language: f.language.trim() } : {}),
        publishedAt: f.publishedAt || null,
      }),
    );
    setBusy(false);
    if (!added) return;
    if (added.reused) {
      postNotice({ tone: 'info', title: msg('factcheck.sources.reused', { title: added.source.title }) });
    }
    props.onAdded();
  }

  return (
    <form
      className="fc-form fc-source-form"
      data-testid="source-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="field">
        <span className="field-label">{t('factcheck.sources.title')}</span>
        <input
          value={f.title}
          dir="auto"
          maxLength={500}
          onChange={set('title')}
          data-testid="source-title"
        />
      </label>
      <div className="fc-form-row">
        <label className="field">
          <span className="field-label">{t('factcheck.sources.publisher')}</span>
          <input
            value={f.publisher}
            dir="auto"
            maxLength={300}
            onChange={set('publisher')}
            data-testid="source-publisher"
          />
        </label>
        <label className="field fc-narrow">
          <span className="field-label">{t('factcheck.sources.language')}</span>
          <input
            value={f.language}
            dir="ltr"
            maxLength={20}
            onChange={set('language')}
            data-testid="source-language"
          />
        </label>
      </div>
      <div className="fc-form-row">
        <label className="field">
          <span className="field-label">{t('factcheck.sources.url')}</span>
          <input
            value={f.url}
            dir="ltr"
            type="url"
            maxLength={2000}
            onChange={set('url')}
            data-testid="source-url"
          />
        </label>
        <label className="field fc-narrow">
          <span className="field-label">{t('factcheck.sources.date')}</span>
          <input value={f.publishedAt} type="date" onChange={set('publishedAt')} data-testid="source-date" />
        </label>
      </div>
      <label className="field">
        <span className="field-label">{t('factcheck.sources.text')}</span>
        <textarea value={f.text} dir="auto" rows={6} onChange={set('text')} data-testid="source-text-input" />
      </label>
      {error && (
        <p className="fc-error" role="alert">
          {error}
        </p>
      )}
      <FormActions
        submitLabel={t('factcheck.sources.save')}
        submitTestId="source-save"
        disabled={busy}
        onCancel={props.onCancel}
      />
    </form>
  );
}

function FilePicker({ articleId, onAdded }: { articleId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  async function add(file: File) {
    setBusy(true);
    const added = await attempt('factcheck.sources.addFailed', async () =>
      call('sources:addFile', { articleId, fileName: file.name, dataBase64: await fileToBase64(file) }),
    );
    setBusy(false);
    if (!added) return;
    postNotice({
      tone: 'info',
      title: added.reused
        ? msg('factcheck.sources.reused', { title: added.source.title })
        : msg('factcheck.sources.added', { title: added.source.title }),
    });
    onAdded();
  }

  return (
    <>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => input.current?.click()}>
        {busy ? t('factcheck.sources.reading') : t('factcheck.sources.addFile')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".txt,.text,.html,.htm,.pdf,.docx,text/plain,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        data-testid="source-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void add(file);
        }}
      />
    </>
  );
}

function LibrarySearch(props: { articleId: string; attached: Set<string>; onAttached: () => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ query: string; list: SourceHit[] } | null>(null);

  async function search() {
    const found = await attempt('factcheck.sources.searchFailed', () =>
      call('sources:search', { query: query.trim() }),
    );
    if (found) setHits({ query: query.trim(), list: found });
  }

  async function attach(id: string) {
    const done = await attempt('factcheck.sources.attachFailed', () =>
      call('sources:attach', { articleId: props.articleId, sourceId: id }),
    );
    if (done) props.onAttached();
  }

  return (
    <div className="fc-library">
      <h3 className="fc-subtitle">{t('factcheck.sources.library')}</h3>
      <form
        className="fc-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) void search();
        }}
      >
        <input
          type="search"
          value={query}
          dir="auto"
          maxLength={500}
          placeholder={t('factcheck.sources.searchPlaceholder')}
          aria-label={t('factcheck.sources.searchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="source-search"
        />
        <button type="submit" className="btn btn-small">
          {t('factcheck.sources.search')}
        </button>
      </form>
      {hits && hits.list.length === 0 && <p className="muted">{t('factcheck.sources.noHits')}</p>}
      <ul className="fc-list">
        {hits?.list.map((h) => (
          <li key={h.id} className="fc-source" data-testid="source-hit">
            <span className="fc-source-title" dir="auto">
              {h.title}
            </span>
            {/* The snippet is plain text: shown as text, never parsed as markup. */}
            <span className="fc-snippet muted" dir="auto">
              {highlightSnippet(h.snippet, hits.query)}
            </span>
            <span className="fc-row-actions">
              <button
                type="button"
                className="btn btn-small"
                disabled={props.attached.has(h.id)}
                onClick={() => void attach(h.id)}
              >
                {props.attached.has(h.id) ? t('factcheck.sources.attached') : t('factcheck.sources.attach')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
