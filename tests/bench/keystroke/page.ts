// The keystroke bench page: mounts the article editor (?editor=article) or a bare StarterKit editor
// (?editor=starterkit) on the same 10,000-word article, and times each typed character from its keydown to
// the first task after the next animation frame, i.e. after the browser had its chance to paint the change,
// and from its beforeinput to the end of its input event (the editor's own work, below the frame floor).
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './page.css';
import { Editor, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import type { ArticleContent } from '../../../src/core/article/model';
import { articleExtensions } from '../../../src/renderer/editor/articleExtensions';
import { contentToDoc } from '../../../src/renderer/editor/articleDoc';

export type BenchPage = {
  kind: string;
  /** Milliseconds from keydown to the task after the next frame, one per typed character. */
  samples: number[];
  /** Keystrokes whose frame came before the document had changed: a broken measurement. */
  unchanged: number;
  /** Milliseconds from beforeinput to the end of the input event: the editor's own update, without the frame. */
  work: number[];
  /** Keystrokes whose input event ended before the document had changed. */
  workUnchanged: number;
  docSize: () => number;
  /** The text of the block holding the caret: where the typed characters must have gone. */
  caretBlockText: () => string;
  /** Resolves once `n` samples have been taken. */
  waitForSamples: (n: number) => Promise<void>;
  error: string | null;
};

declare global {
  interface Window {
    bench?: BenchPage;
  }
}

const text = (s: string): JSONContent[] => (s ? [{ type: 'text', text: s }] : []);

/** The same text as plain StarterKit nodes: headings, paragraphs and block quotes. */
function starterKitDoc(c: ArticleContent): JSONContent {
  const content: JSONContent[] = [{ type: 'heading', attrs: { level: 1 }, content: text(c.headline) }];
  const para = (s: string) => ({ type: 'paragraph', content: text(s) });
  if (c.standfirst) content.push(para(c.standfirst));
  for (const f of c.figures) content.push(para(f.caption));
  const dateline = [c.dateline.place, ...c.dateline.sources].filter(Boolean).join(' - ');
  if (dateline) content.push(para(dateline));
  for (const b of c.body) {
    if (b.type === 'subheading')
      content.push({ type: 'heading', attrs: { level: 2 }, content: text(b.text) });
    else if (b.type === 'blockquote') content.push({ type: 'blockquote', content: [para(b.text)] });
    else content.push(para(b.text));
  }
  return { type: 'doc', content };
}

/** A caret after a space in the middle paragraph of the document, so typing starts a word mid-text. */
function middleCaret(editor: Editor): number {
  const doc = editor.state.doc;
  const index = Math.floor(doc.childCount / 2);
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  const block = doc.child(index);
  const blockText = block.textContent;
  const space = blockText.indexOf(' ', Math.floor(blockText.length / 2));
  return pos + 1 + (space >= 0 ? space + 1 : blockText.length);
}

async function main(): Promise<void> {
  const kind = new URLSearchParams(location.search).get('editor') ?? '';
  if (kind !== 'article' && kind !== 'article-nochecker' && kind !== 'starterkit')
    throw new Error(`Unknown editor: ${kind}`);
  const response = await fetch('./content.json');
  if (!response.ok) throw new Error(`content.json: HTTP ${response.status}`);
  const article = (await response.json()) as ArticleContent;
  await document.fonts.load('18px "Noto Naskh Arabic"', 'عربي');

  const editor = new Editor({
    element: document.getElementById('editor'),
    // 'article-nochecker': the same editor with the house-style checker taken out, for the checker's cost.
    extensions:
      kind === 'starterkit'
        ? [StarterKit]
        : articleExtensions().filter((e) => kind === 'article' || e.name !== 'checker'),
    content: kind === 'starterkit' ? starterKitDoc(article) : contentToDoc(article),
    editorProps: {
      attributes: { dir: 'rtl', lang: 'ar', class: 'bench-editor', spellcheck: 'false' },
    },
  });

  const samples: number[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const page: BenchPage = {
    kind,
    samples,
    unchanged: 0,
    work: [],
    workUnchanged: 0,
    docSize: () => editor.state.doc.content.size,
    caretBlockText: () => editor.state.selection.$head.parent.textContent,
    waitForSamples: (n) =>
      samples.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve })),
    error: null,
  };
  const record = (ms: number) => {
    samples.push(ms);
    for (const w of waiters.splice(0)) {
      if (samples.length >= w.n) w.resolve();
      else waiters.push(w);
    }
  };

  // Capture phase on the window: runs before ProseMirror's own keydown handler sees the event.
  window.addEventListener(
    'keydown',
    () => {
      const t0 = performance.now();
      const sizeBefore = editor.state.doc.content.size;
      requestAnimationFrame(() => {
        if (editor.state.doc.content.size === sizeBefore) page.unchanged++;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => record(performance.now() - t0);
        channel.port2.postMessage(null);
      });
    },
    { capture: true },
  );
  // The editor's own update, from the character's beforeinput to the end of its input event, by which time
  // ProseMirror has read the browser's DOM change (its mutation observer runs as a microtask between
  // listeners) and applied the transaction. A task posted instead would only run after the next frame:
  // Chromium renders first after input.
  let pending: { t0: number; sizeBefore: number } | null = null;
  window.addEventListener(
    'beforeinput',
    () => {
      pending = { t0: performance.now(), sizeBefore: editor.state.doc.content.size };
    },
    { capture: true },
  );
  window.addEventListener('input', () => {
    const key = pending;
    pending = null;
    if (!key) return;
    queueMicrotask(() => {
      page.work.push(performance.now() - key.t0);
      if (editor.state.doc.content.size === key.sizeBefore) page.workUnchanged++;
    });
  });

  editor.chain().focus().setTextSelection(middleCaret(editor)).scrollIntoView().run();
  window.bench = page;
}

main().catch((e: unknown) => {
  window.bench = {
    kind: '',
    samples: [],
    unchanged: 0,
    work: [],
    workUnchanged: 0,
    docSize: () => 0,
    caretBlockText: () => '',
    waitForSamples: () => Promise.reject(new Error('the page failed to start')),
    error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e),
  };
});
