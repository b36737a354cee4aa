// Markdown: `# headline`, `## sub-heading`, `> quote`, `![alt](src "caption")`, lists and links. A small reader
// of its own: only the structure an article needs; inline markup is removed, the words are kept.
import { parseDocument } from 'htmlparser2';
import type { Figure } from '../article/model';
import { assemble, type ImportResult, type Item } from './assemble';
import { parseCaptionLine } from './caption';
import { safeUrl } from './furniture';

const ATX = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/u;
const QUOTE = /^ {0,3}>\s?(.*)$/u;
const IMAGE =
  /^\s*!\[([^\]]*)\]\(\s*(?:<[^>]*>|[^\s)]*)(?:\s+(?:"([^"]*)"|'([^']*)'|\(([^)]*)\)))?\s*\)\s*$/u;
const LIST = /^\s{0,3}(?:[-*+]|[0-9]{1,3}[.)])\s+(.*)$/u;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/u;
const FENCE = /^ {0,3}(```|~~~)/u;
const LINK_ONLY = /^\[([^\]]+)\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)$/u;

/** Inline markup to plain text: links keep their text, emphasis and code marks go, HTML keeps its text only. */
function inline(s: string): string {
  let t = s
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/gu, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/giu, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/gu, '$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)(.+?)(?<=\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~(.+?)~~/gu, '$1')
    .replace(/`([^`]*)`/gu, '$1');
  if (/[<&]/.test(t)) t = htmlText(t);
  return t.replace(/\\([\\`*_{}[\]()#+\-.!>|~"'])/gu, '$1');
}

/** Text of inline HTML inside Markdown; scripts and the like are dropped, entities decoded. */
function htmlText(s: string): string {
  const doc = parseDocument(s, { decodeEntities: true });
  let out = '';
  const stack = [...doc.children].reverse() as unknown as {
    type: string;
    data?: string;
    children?: unknown[];
  }[];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out += n.data ?? '';
    else if (n.type === 'tag' && n.children) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as (typeof stack)[number]);
    }
  }
  return out;
}

function figureFrom(alt: string, title: string): Figure {
  const parsed = title ? parseCaptionLine(title, { creditOnly: true }) : null;
  return {
    image: null,
    caption: parsed?.caption ?? title.trim(),
    credit: parsed?.credit ?? '',
    photographer: parsed?.photographer ?? '',
    date: parsed?.date ?? '',
    altText: inline(alt).trim(),
  };
}

export function markdownItems(md: string): Item[] {
  const lines = md.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\u2028|\u2029/);
  const items: Item[] = [];
  let para: string[] = [];
  let quote: string[] = [];
  const flushPara = (): void => {
    if (para.length) {
      const raw = para.join(' ').trim();
      const link = LINK_ONLY.exec(raw);
      const emphasised = /^(\*\*|__)[^*_]+\1$/u.test(raw);
      const item: Item = { kind: 'line', text: inline(raw).trim(), href: link ? safeUrl(link[2]) : null };
      if (emphasised) item.emphasised = true;
      items.push(item);
    }
    para = [];
  };
  const flushQuote = (): void => {
    if (quote.length) items.push({ kind: 'quote', text: inline(quote.join(' ')).trim() });
    quote = [];
  };
  let i = 0;
  // Front matter: its title is the headline; the rest is metadata, not text.
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const end = lines.findIndex((l, k) => k > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end > 0) {
      const title = lines.slice(1, end).find((l) => /^title\s*:/i.test(l));
      if (title)
        items.push({
          kind: 'headline',
          text: title.replace(/^title\s*:\s*/i, '').replace(/^["']|["']$/g, ''),
        });
      i = end + 1;
    }
  }
  let fenced = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (FENCE.test(line)) {
      flushPara();
      flushQuote();
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      if (line.trim()) items.push({ kind: 'line', text: line });
      continue;
    }
    if (!line.trim()) {
      flushPara();
      flushQuote();
      continue;
    }
    const q = QUOTE.exec(line);
    if (q) {
      flushPara();
      if (!q[1]!.trim()) flushQuote();
      else quote.push(q[1]!.trim());
      continue;
    }
    flushQuote();
    const next = lines[i + 1] ?? '';
    if (para.length === 0 && /^ {0,3}=+\s*$/.test(next)) {
      items.push({ kind: 'headline', text: inline(line).trim() });
      i++;
      continue;
    }
    if (para.length === 0 && /^ {0,3}-+\s*$/.test(next) && !LIST.test(line)) {
      items.push({ kind: 'subheading', text: inline(line).trim() });
      i++;
      continue;
    }
    const h = ATX.exec(line);
    if (h) {
      flushPara();
      const text = inline(h[2] ?? '').trim();
      if (text) items.push({ kind: h[1]!.length === 1 ? 'headline' : 'subheading', text });
      continue;
    }
    if (RULE.test(line)) {
      flushPara();
      continue;
    }
    const img = IMAGE.exec(line);
    if (img) {
      flushPara();
      items.push({
        kind: 'figure',
        text: '',
        figure: figureFrom(img[1] ?? '', img[2] ?? img[3] ?? img[4] ?? ''),
      });
      continue;
    }
    const li = LIST.exec(line);
    if (li) {
      flushPara();
      para.push(li[1]!);
      flushPara();
      continue;
    }
    para.push(line.trim());
  }
  flushPara();
  flushQuote();
  return items;
}

export function structureMarkdownDocument(md: string): ImportResult {
  const items = markdownItems(md);
  // A document whose first heading is `##` (no `#`): its first line is still the headline.
  return assemble(items, { subheadingsFromShortLines: false });
}
