// Builds the structured article from a flat list of items read from text, HTML or Markdown. The same rules
// (figures by caption tail, dateline, standfirst, furniture, sub-headings, block quotes) apply to every format;
// the readers only say what they know for certain (an <h1> is a headline, a <blockquote> a quote).
import type { ArticleContent, Block, Figure, ImportWarning } from '../article/model';
import { emptyContent } from '../article/model';
import { parseCaptionLine } from './caption';
import { parseDateline, splitOpeningDateline, type DatelineParse } from './dateline';
import { readMarker, readRelated, readTags, safeUrl, type FurnitureKind, type MarkerLine } from './furniture';

export type ImportResult = { content: ArticleContent; warnings: ImportWarning[] };

/** Every code an import warning can carry; the UI maps each to its Arabic and English text. */
export const IMPORT_WARNING_CODES = [
  'empty',
  'empty_body',
  'headline_long',
  'dropped_before_headline',
  'furniture_removed',
  'caption_repeated',
  'dateline_glued',
  'dateline_in_paragraph',
  'lines_joined',
  'html_body_guessed',
] as const;
export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number];

export type ItemKind = 'line' | 'headline' | 'standfirst' | 'subheading' | 'quote' | 'figure';
export type Item = {
  kind: ItemKind;
  /** The text as the source holds it; for plain text, the line without its line break (never trimmed). */
  text: string;
  /** The link that makes up the whole item (HTML/Markdown): a list of such items is furniture. */
  href?: string | null;
  /** The only link inside the item, e.g. `اقرأ أيضاً: <a href=…>title</a>`: the related story's URL. */
  link?: string | null;
  figure?: Figure;
  /** The whole line is bold (HTML `<p><strong>…</strong></p>`): a sub-heading when short. */
  emphasised?: boolean;
};

export type AssembleOptions = {
  /** Plain text has no markup: a short line without final punctuation between paragraphs is a sub-heading. */
  subheadingsFromShortLines: boolean;
};

/** A byline is not a standfirst: `بقلم: …`, `كتب - …`, `By …`. */
const BYLINE = /^\s*(?:بقلم|كتب|كتبت|إعداد|اعداد|by)(?=[\s:\-–]|$)/iu;
const SENTENCE_END = /[.!?؟…:؛،,"»”')\]]$/u;
const LIST_MARKER = /^(?:[-•*·–—]|\(?[0-9\u0660-\u0669]{1,3}[).-])\s*/u;

/** Words as a reader counts them (runs of letters or digits; a lone punctuation mark is not a word). */
function words(s: string): number {
  return s.match(/[\p{L}\p{N}\p{M}]+/gu)?.length ?? 0;
}

function quoteLabel(s: string, max = 60): string {
  const t = s.trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** The caption's words without final punctuation: alt text and caption compare equal when only that differs. */
function captionKey(s: string): string {
  return s.trim().replace(/[\s.!?؟…]+$/u, '');
}

const QUOTE_PAIRS: Record<string, string> = { '«': '»', '“': '”', '"': '"', '„': '“' };

/** A paragraph that is entirely one quotation (`«…».`, `"…"`), not two quotes with words between them. */
export function isWholeQuotation(text: string): boolean {
  const t = text.trim().replace(/[.!?؟…،,]+$/u, '');
  const open = t[0] ?? '';
  const close = QUOTE_PAIRS[open];
  if (!close || t.length < 3 || t[t.length - 1] !== close || words(t) < 4) return false;
  const inner = t.slice(1, -1);
  if (open === close) return !inner.includes(open);
  let depth = 1;
  for (const ch of inner) {
    if (ch === open) depth++;
    else if (ch === close && --depth === 0) return false;
  }
  return depth === 1;
}

function datelineMessage(raw: string, d: DatelineParse): string {
  return `The dateline “${raw.trim()}” was written without separators; read as place “${d.place}”, sources ${d.sources
    .map((s) => `“${s}”`)
    .join(', ')}.`;
}

type Furniture = { kept: Item[]; tags: string[]; related: ArticleContent['related']; markers: string[] };

/** Furniture looks like lists and titles: short, and not a sentence that ends with a full stop. */
function furnitureLike(it: Item): boolean {
  if (it.kind === 'figure') return true;
  const t = it.text.trim();
  return Boolean(it.href) || (words(t) <= 25 && t.length <= 220 && !/[.]["»”]?$/u.test(t));
}

function extractFurniture(items: Item[]): Furniture {
  const marks: (MarkerLine | null)[] = items.map((it) =>
    it.kind === 'figure' || it.kind === 'quote' ? null : readMarker(it.text),
  );
  const tags: string[] = [];
  const related: ArticleContent['related'] = [];
  const markers: string[] = [];
  const take = (kind: FurnitureKind, it: Item | null, payload: string): void => {
    if (kind === 'tags') {
      for (const t of readTags(payload || it?.text || '')) if (!tags.includes(t)) tags.push(t);
    } else if (kind === 'related') {
      const line = (payload || it?.text || '').trim();
      const last = related[related.length - 1];
      // A link on the line under its title (how scrapers flatten <a><h3>title</h3></a> cards) belongs to it.
      if (last && last.url === null && /^https?:\/\/\S+$/iu.test(line)) {
        last.url = safeUrl(line);
        return;
      }
      const r = readRelated(line, it?.href ?? it?.link ?? null);
      if (r && !related.some((x) => x.title === r.title && x.url === r.url)) related.push(r);
    }
  };
  // The tail: from the earliest marker after which nothing but furniture follows. One backward pass, so that
  // a hostile document made of thousands of markers stays linear.
  let tail = items.length;
  let onlyFurnitureAfter = true;
  for (let i = items.length - 1; i >= 0; i--) {
    if (marks[i] && onlyFurnitureAfter) tail = i;
    onlyFurnitureAfter &&= Boolean(marks[i]) || furnitureLike(items[i]!);
  }
  const kept: Item[] = [];
  for (let i = 0; i < tail; i++) {
    const it = items[i]!;
    const m = marks[i];
    if (!m) {
      kept.push(it);
      continue;
    }
    // A marker inside the story (`اقرأ أيضاً: …` between paragraphs) takes its own line or the next one only.
    markers.push(m.marker);
    if (m.payload) take(m.kind, it, m.payload);
    else if (m.kind !== 'drop' && i + 1 < tail && !marks[i + 1] && furnitureLike(items[i + 1]!)) {
      take(m.kind, items[i + 1]!, '');
      i++;
    }
  }
  let section: FurnitureKind = 'drop';
  for (let i = tail; i < items.length; i++) {
    const m = marks[i];
    if (m) {
      markers.push(m.marker);
      section = m.kind;
      if (m.payload) take(section, items[i]!, m.payload);
    } else if (items[i]!.kind !== 'figure') {
      take(section, items[i]!, '');
    }
  }
  return { kept, tags, related, markers };
}

export function assemble(input: Item[], opts: AssembleOptions): ImportResult {
  const warnings: ImportWarning[] = [];
  const warn = (code: ImportWarningCode, message: string): void => {
    if (!warnings.some((w) => w.code === code && w.message === message)) warnings.push({ code, message });
  };
  const content = emptyContent();
  const items = input.filter((it) => it.kind === 'figure' || it.text.trim() !== '');
  if (!items.some((it) => it.kind !== 'figure')) {
    warn('empty', 'The document has no text.');
    content.figures = items.flatMap((it) => (it.figure ? [it.figure] : []));
    return { content, warnings };
  }

  // Headline: the explicit one, else the first line.
  let hi = items.findIndex((it) => it.kind === 'headline');
  if (hi < 0) hi = items.findIndex((it) => it.kind !== 'figure');
  content.headline = items[hi]!.text.trim();
  if (words(content.headline) > 40) {
    warn(
      'headline_long',
      `The first line has ${words(content.headline)} words; check that it is the headline.`,
    );
  }
  const before = items.slice(0, hi);
  const dropped = before.filter((it) => it.kind !== 'figure');
  if (dropped.length) {
    warn(
      'dropped_before_headline',
      `Text before the headline was left out: ${dropped.map((it) => `“${quoteLabel(it.text, 40)}”`).join(', ')}.`,
    );
  }

  const furniture = extractFurniture([
    ...before.filter((it) => it.kind === 'figure'),
    ...items.slice(hi + 1),
  ]);
  content.tags = furniture.tags;
  content.related = furniture.related;
  if (furniture.markers.length) {
    warn(
      'furniture_removed',
      `Web furniture kept out of the body: ${[...new Set(furniture.markers)].join(', ')} (${furniture.tags.length} tags, ${furniture.related.length} related stories).`,
    );
  }
  const rest = furniture.kept;

  // Figures (anywhere), the alt-text copy of a caption, and the standalone dateline near the top.
  type Role = 'figure' | 'alt' | 'dateline' | 'other';
  const roles: Role[] = [];
  const figureOf = new Map<number, Figure>();
  let datelineIndex = -1;
  let othersSeen = 0;
  const figureByLine = new Map<string, Figure>();
  for (let i = 0; i < rest.length; i++) {
    const it = rest[i]!;
    if (it.kind === 'figure' && it.figure) {
      roles.push('figure');
      figureOf.set(i, it.figure);
      continue;
    }
    const inLead = othersSeen <= 1 && datelineIndex < 0;
    if (it.kind === 'line') {
      const cap = parseCaptionLine(it.text, { creditOnly: othersSeen === 0 });
      if (cap) {
        const seen = figureByLine.get(it.text.trim());
        if (seen) {
          // The same caption twice (the image's alt text and its figcaption, or a gallery repeating it): once.
          roles.push('alt');
          seen.altText ||= seen.caption;
          warn('caption_repeated', `The caption “${quoteLabel(cap.caption)}” appeared twice; kept once.`);
          continue;
        }
        const bare = figureOf.get(i - 1);
        if (bare && roles[i - 1] === 'figure' && !bare.caption && !bare.credit) {
          // An image (HTML <img>, Markdown ![]()) followed by its caption line: one figure.
          Object.assign(bare, cap);
          roles.push('alt');
          figureByLine.set(it.text.trim(), bare);
          continue;
        }
        const prev = rest[i - 1];
        const figure: Figure = {
          image: null,
          caption: cap.caption,
          credit: cap.credit,
          photographer: cap.photographer,
          date: cap.date,
          altText: '',
        };
        if (
          prev &&
          prev.kind === 'line' &&
          roles[i - 1] === 'other' &&
          captionKey(prev.text) === captionKey(cap.caption)
        ) {
          roles[i - 1] = 'alt';
          othersSeen--;
          figure.altText = prev.text.trim();
          warn('caption_repeated', `The caption “${quoteLabel(cap.caption)}” appeared twice; kept once.`);
        }
        roles.push('figure');
        figureOf.set(i, figure);
        figureByLine.set(it.text.trim(), figure);
        continue;
      }
      if (inLead && datelineIndex < 0) {
        const dl = parseDateline(it.text);
        if (dl) {
          roles.push('dateline');
          datelineIndex = i;
          content.dateline = { place: dl.place, sources: dl.sources };
          if (dl.glued) warn('dateline_glued', datelineMessage(it.text, dl));
          continue;
        }
      }
    }
    roles.push('other');
    othersSeen++;
  }
  content.figures = [...figureOf.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);

  // Standfirst: explicit, or a single line between the headline and the photo or dateline that opens the story.
  let standfirstIndex = rest.findIndex((it) => it.kind === 'standfirst');
  if (standfirstIndex < 0) {
    const firstOther = roles.indexOf('other');
    const cand = rest[firstOther];
    const onlyFiguresBefore = roles.slice(0, firstOther).every((r) => r === 'figure' || r === 'alt');
    if (
      cand &&
      cand.kind === 'line' &&
      onlyFiguresBefore &&
      !/[:：]\s*$/u.test(cand.text) &&
      !BYLINE.test(cand.text) &&
      words(cand.text) <= 80
    ) {
      let j = firstOther + 1;
      let sawFigure = false;
      while (j < rest.length && (roles[j] === 'figure' || roles[j] === 'alt')) {
        sawFigure ||= roles[j] === 'figure';
        j++;
      }
      const next = rest[j];
      const opensWithDateline =
        datelineIndex < 0 &&
        next?.kind === 'line' &&
        roles[j] === 'other' &&
        splitOpeningDateline(next.text) !== null;
      const bodyFollows = roles.slice(j).some((r) => r === 'other');
      // A photo alone is a weaker sign than a dateline: the line must come straight after the headline and read
      // as a summary rather than a lead paragraph (no final full stop).
      const beforePhoto = sawFigure && firstOther === 0 && !/\.\s*$/u.test(cand.text);
      if (bodyFollows && (roles[j] === 'dateline' || opensWithDateline || beforePhoto))
        standfirstIndex = firstOther;
    }
  }
  if (standfirstIndex >= 0) content.standfirst = rest[standfirstIndex]!.text.trim();

  // Body.
  const bodyItems = rest.filter((it, i) => roles[i] === 'other' && i !== standfirstIndex);
  const body: Block[] = [];
  bodyItems.forEach((it, k) => {
    let text = it.text;
    if (k === 0 && datelineIndex < 0 && it.kind === 'line') {
      const opening = splitOpeningDateline(text);
      if (opening) {
        content.dateline = { place: opening.dateline.place, sources: opening.dateline.sources };
        const raw = text.slice(0, text.length - opening.rest.length).trim();
        warn(
          'dateline_in_paragraph',
          `The dateline “${raw}” opened the first paragraph; moved to the dateline.`,
        );
        if (opening.dateline.glued) warn('dateline_glued', datelineMessage(raw, opening.dateline));
        text = opening.rest;
      }
    }
    if (it.kind === 'subheading' || it.kind === 'headline') {
      body.push({ type: 'subheading', text: text.trim() });
    } else if (it.kind === 'quote') {
      body.push({ type: 'blockquote', text: text.trim() });
    } else if (isWholeQuotation(text)) {
      body.push({ type: 'blockquote', text });
    } else if (isSubheading(bodyItems, k, body, opts)) {
      body.push({ type: 'subheading', text: text.trim() });
    } else {
      body.push({ type: 'paragraph', text });
    }
  });
  content.body = body;
  if (body.length === 0) warn('empty_body', 'No body text was found below the headline.');
  return { content, warnings };
}

/** Words a heading never ends on: a line ending in one was cut from a sentence. */
const DANGLING = new Set([
  'في',
  'من',
  'على',
  'إلى',
  'الى',
  'عن',
  'مع',
  'و',
  'أو',
  'او',
  'ثم',
  'أن',
  'ان',
  'إن',
  'التي',
  'الذي',
  'الذين',
  'حتى',
  'لم',
  'لن',
  'لا',
  'قد',
  'بين',
  'بعد',
  'قبل',
  'عند',
  'مثل',
  'هذا',
  'هذه',
  'كل',
]);

function isShortTitle(t: string): boolean {
  const last = t.split(/\s+/).pop() ?? '';
  return (
    words(t) <= 12 &&
    t.length <= 90 &&
    !SENTENCE_END.test(t) &&
    !LIST_MARKER.test(t) &&
    /\p{L}/u.test(t) &&
    !DANGLING.has(last)
  );
}

/** A short line without final punctuation, between two paragraphs, and not one of a run of such lines (a list). */
function isSubheading(items: Item[], k: number, done: Block[], opts: AssembleOptions): boolean {
  const it = items[k]!;
  const t = it.text.trim();
  if (it.kind !== 'line' || !(opts.subheadingsFromShortLines || it.emphasised)) return false;
  if (!isShortTitle(t)) return false;
  const prev = done[done.length - 1];
  const next = items[k + 1];
  if (!prev || prev.type === 'subheading' || !next || next.kind !== 'line') return false;
  const nt = next.text.trim();
  if (isShortTitle(nt) || isShortTitle(prev.text.trim())) return false;
  return words(nt) >= 8 || SENTENCE_END.test(nt);
}
