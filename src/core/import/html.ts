// HTML (a saved news page, pasted HTML, or what mammoth makes of a DOCX): finds the article body, maps its
// elements to headline, sub-headings, quotes and figures, and keeps text only — scripts, styles, forms, frames,
// navigation, comments and every attribute are dropped; entities are decoded by the parser.
import { parseDocument } from 'htmlparser2';
import type { Figure } from '../article/model';
import { assemble, type ImportResult, type ImportWarningCode, type Item } from './assemble';
import { parseCaptionLine } from './caption';
import { readRelated, readTags, safeUrl } from './furniture';

/** The parts of htmlparser2's DOM this module reads. */
type HNode = {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: HNode[];
  data?: string;
};

/** Elements whose content never reaches the article (executable, interactive, embedded or page chrome). */
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'footer',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'label',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'link',
  'meta',
  'head',
  'title',
  'map',
  'dialog',
  'menu',
  'base',
  'param',
  'portal',
  'slot',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'pre',
  'address',
  'hr',
  'center',
  'details',
  'summary',
  'body',
  'html',
  'figcaption',
  'caption',
  'hgroup',
]);
const HEADING = /^h[1-6]$/;
const CHROME =
  /(?:^|[\s_-])(?:share|sharing|social|newsletter|comments?|advert\w*|ads|promo\w*|breadcrumbs?|sidebar|popup|modal|cookies?|subscribe|author-bio|byline)(?:[\s_-]|$)/i;
const TAGS_CLASS = /(?:^|[\s_-])(?:tags?|tag-list|keywords|topics|categories)(?:[\s_-]|$)/i;
const RELATED_CLASS = /(?:^|[\s_-])(?:related|read-?more|more-stories|recommended)(?:[\s_-]|$)/i;
const STANDFIRST_CLASS =
  /(?:^|[\s_-])(?:standfirst|subtitle|sub-title|dek|lead|lede|excerpt|summary|intro)(?:[\s_-]|$)/i;
const CREDIT_CLASS = /(?:^|[\s_-])(?:credit|copyright|source|photographer|byline)(?:[\s_-]|$)/i;

const isElement = (n: HNode): boolean => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const classOf = (n: HNode): string => `${n.attribs?.['class'] ?? ''} ${n.attribs?.['id'] ?? ''}`;

/** Hidden on the page means hidden from the article (hostile pages hide text to smuggle it in). */
function isDropped(n: HNode): boolean {
  if (!isElement(n)) return n.type !== 'text';
  const name = n.name ?? '';
  if (DROP.has(name)) return true;
  const a = n.attribs ?? {};
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(a['style'] ?? '')) return true;
  return CHROME.test(classOf(n)) && name !== 'article' && name !== 'main' && name !== 'body';
}

/** Collapses HTML whitespace (not no-break spaces, which are the author's). */
const collapse = (s: string): string => s.replace(/[ \t\n\r\f]+/g, ' ');

/** Visible text of a subtree, with line breaks at block boundaries and <br>. Iterative: hostile nesting is deep. */
function textLines(root: HNode): string[] {
  const lines: string[] = [];
  let buf = '';
  const flush = (): void => {
    const t = collapse(buf).trim();
    if (t) lines.push(t);
    buf = '';
  };
  const stack: { node: HNode; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    const block = BLOCK.has(node.name ?? '') || HEADING.test(node.name ?? '');
    if (exit) {
      if (block) flush();
      continue;
    }
    if (node !== root && isDropped(node)) continue;
    if (node.type === 'text') {
      buf += node.data ?? '';
      continue;
    }
    if (node.name === 'br') {
      flush();
      continue;
    }
    if (node.name === 'img') continue;
    if (block) flush();
    stack.push({ node, exit: true });
    const kids = node.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, exit: false });
  }
  flush();
  return lines;
}

const textOf = (n: HNode): string => textLines(n).join(' ');

function* descendants(root: HNode): Generator<HNode> {
  const stack: HNode[] = [...(root.children ?? [])].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (isDropped(n)) continue;
    yield n;
    const kids = n.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/** All nodes, dropped ones included (for <title> and <meta>, which live in the dropped <head>). */
function* allNodes(root: HNode): Generator<HNode> {
  const stack: HNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    yield n;
    const kids = n.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/** The article body: the <article> with most paragraph text, else <main>, else the element holding most <p> text. */
function pickRoot(doc: HNode): { root: HNode; guessed: boolean } {
  // One pre-order pass, then sums carried up from the leaves: linear even for pages nested thousands deep.
  const order: HNode[] = [];
  const parentOf = new Map<HNode, HNode>();
  for (const k of doc.children ?? []) parentOf.set(k, doc);
  for (const n of descendants(doc)) {
    order.push(n);
    for (const k of n.children ?? []) parentOf.set(k, n);
  }
  const ownP = new Map<HNode, number>();
  const directP = new Map<HNode, number>();
  for (const n of order) {
    if (n.name !== 'p') continue;
    const len = textOf(n).length;
    ownP.set(n, len);
    const parent = parentOf.get(n);
    if (parent) directP.set(parent, (directP.get(parent) ?? 0) + len);
  }
  const subtreeP = new Map<HNode, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i]!;
    const total = (subtreeP.get(n) ?? 0) + (ownP.get(n) ?? 0);
    subtreeP.set(n, total);
    const parent = parentOf.get(n);
    if (parent) subtreeP.set(parent, (subtreeP.get(parent) ?? 0) + total);
  }
  let best: HNode | null = null;
  for (const n of order) {
    if (n.name === 'article' && (best === null || (subtreeP.get(n) ?? 0) > (subtreeP.get(best) ?? 0)))
      best = n;
  }
  if (best) return { root: best, guessed: false };
  const main = order.find((n) => n.name === 'main' || n.attribs?.['role'] === 'main');
  if (main) return { root: main, guessed: false };
  let root: HNode | null = null;
  let max = 0;
  for (const [el, len] of directP) if (len > max) [root, max] = [el, len];
  if (root) return { root, guessed: true };
  const body = order.find((n) => n.name === 'body');
  return { root: body ?? doc, guessed: false };
}

function readFigure(fig: HNode): Figure | null {
  let alt = '';
  let captionNode: HNode | null = null;
  for (const n of descendants(fig)) {
    if (n.name === 'img' && !alt) alt = collapse(n.attribs?.['alt'] ?? '').trim();
    if (n.name === 'figcaption' && !captionNode) captionNode = n;
  }
  let caption = captionNode ? textOf(captionNode) : '';
  let credit = '';
  if (captionNode) {
    for (const n of descendants(captionNode)) {
      if (n.name === 'cite' || n.name === 'small' || CREDIT_CLASS.test(classOf(n))) {
        credit = textOf(n);
        break;
      }
    }
  }
  const figure: Figure = { image: null, caption, credit: '', photographer: '', date: '', altText: alt };
  if (credit) {
    const at = caption.lastIndexOf(credit);
    caption = (at >= 0 ? caption.slice(0, at) + caption.slice(at + credit.length) : caption)
      .replace(/[\s\-–—|،,]+$/u, '')
      .trim();
    const parsed = parseCaptionLine(`${caption} - ${credit}`);
    Object.assign(figure, parsed ?? { caption, credit });
    figure.credit = parsed?.credit ?? credit;
  } else {
    const parsed = parseCaptionLine(caption, { creditOnly: true });
    if (parsed) Object.assign(figure, parsed);
    else figure.caption = caption;
  }
  return figure.caption || figure.altText || figure.credit ? figure : null;
}

type Collected = { tags: string[]; related: { title: string; url: string | null }[] };

function readLinks(root: HNode, into: Collected, kind: 'tags' | 'related'): void {
  const links = [...descendants(root)].filter((n) => n.name === 'a' || n.name === 'li');
  const units = links.length
    ? links.filter((n) => n.name === 'a' || !links.some((a) => a.name === 'a'))
    : [root];
  for (const n of units) {
    const text = textOf(n);
    if (kind === 'tags') {
      for (const t of readTags(text)) if (!into.tags.includes(t)) into.tags.push(t);
    } else if (n !== root || text) {
      const r = readRelated(text, n.name === 'a' ? safeUrl(n.attribs?.['href']) : null);
      if (r && /\p{L}/u.test(r.title)) into.related.push(r);
    }
  }
}

/** Walks the body and emits items in reading order. */
function bodyItems(root: HNode, collected: Collected): Item[] {
  const items: Item[] = [];
  let buf = '';
  let links: { node: HNode; href: string | null }[] = [];
  let emphasised: HNode | null = null;
  const flush = (): void => {
    const text = collapse(buf).trim();
    if (text) {
      // Link text is read only here, for the one-link line: reading it per <a> would be quadratic when nested.
      const link = links.length === 1 ? links[0]!.href : null;
      const only = link && textOf(links[0]!.node) === text ? link : null;
      const item: Item = { kind: 'line', text, href: only, link };
      if (emphasised) item.emphasised = true;
      items.push(item);
    }
    buf = '';
    links = [];
  };
  const stack: { node: HNode; exit: boolean }[] = [];
  const pushChildren = (n: HNode): void => {
    const kids = n.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, exit: false });
  };
  pushChildren(root);
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    const name = node.name ?? '';
    if (exit) {
      if (BLOCK.has(name)) flush();
      if (emphasised === node) emphasised = null;
      continue;
    }
    if (isDropped(node)) continue;
    if (node.type === 'text') {
      buf += node.data ?? '';
      continue;
    }
    const cls = classOf(node);
    if (name === 'br') {
      flush();
      continue;
    }
    if (HEADING.test(name)) {
      flush();
      const text = textOf(node);
      if (text) items.push({ kind: name === 'h1' ? 'headline' : 'subheading', text });
      continue;
    }
    if (name === 'blockquote') {
      flush();
      for (const line of textLines(node)) items.push({ kind: 'quote', text: line });
      continue;
    }
    if (name === 'figure') {
      flush();
      const f = readFigure(node);
      if (f) items.push({ kind: 'figure', text: '', figure: f });
      continue;
    }
    if (name === 'img') {
      const alt = collapse(node.attribs?.['alt'] ?? '').trim();
      if (alt) {
        flush();
        items.push({
          kind: 'figure',
          text: '',
          figure: { image: null, caption: '', credit: '', photographer: '', date: '', altText: alt },
        });
      }
      continue;
    }
    if (name !== 'article' && name !== 'main' && TAGS_CLASS.test(cls)) {
      flush();
      readLinks(node, collected, 'tags');
      continue;
    }
    if (name !== 'article' && name !== 'main' && RELATED_CLASS.test(cls)) {
      flush();
      readLinks(node, collected, 'related');
      continue;
    }
    if ((name === 'p' || name === 'div') && STANDFIRST_CLASS.test(cls)) {
      flush();
      const text = textOf(node);
      if (text) items.push({ kind: 'standfirst', text });
      continue;
    }
    if (name === 'a' && links.length < 2) links.push({ node, href: safeUrl(node.attribs?.['href']) });
    if (BLOCK.has(name)) {
      flush();
      if (name === 'p' && !emphasised) {
        const all = textOf(node);
        const bold = [...descendants(node)]
          .filter((n) => n.name === 'strong' || n.name === 'b')
          .map(textOf)
          .join(' ');
        if (all && collapse(bold).trim() === all) emphasised = node;
      }
    }
    stack.push({ node, exit: true });
    pushChildren(node);
  }
  flush();
  return items;
}

export function structureHtmlDocument(html: string): ImportResult {
  const doc = parseDocument(html, { decodeEntities: true }) as unknown as HNode;
  const { root, guessed } = pickRoot(doc);
  const collected: Collected = { tags: [], related: [] };
  const items = bodyItems(root, collected);
  if (!items.some((it) => it.kind === 'headline')) {
    // A page whose <h1> sits outside the article (in the page header), or only a <title>/og:title.
    let headline = '';
    for (const n of descendants(doc)) {
      if (n.name === 'h1') {
        headline = textOf(n);
        if (headline) break;
      }
    }
    if (!headline) {
      for (const n of allNodes(doc)) {
        if (
          n.name === 'meta' &&
          /^(og:title|twitter:title)$/i.test(n.attribs?.['property'] ?? n.attribs?.['name'] ?? '')
        ) {
          headline = collapse(n.attribs?.['content'] ?? '').trim();
        } else if (n.name === 'title' && !headline) {
          headline = textOf({ ...n, name: 'span' });
        }
        if (headline) break;
      }
    }
    if (headline) items.unshift({ kind: 'headline', text: headline });
  }
  const result = assemble(items, { subheadingsFromShortLines: false });
  const c = result.content;
  for (const t of collected.tags) if (!c.tags.includes(t)) c.tags.push(t);
  for (const r of collected.related)
    if (!c.related.some((x) => x.title === r.title && x.url === r.url)) c.related.push(r);
  if (collected.tags.length || collected.related.length) {
    result.warnings.push({
      code: 'furniture_removed' satisfies ImportWarningCode,
      message: `Tag and related-story lists on the page were kept out of the body (${collected.tags.length} tags, ${collected.related.length} related stories).`,
    });
  }
  if (guessed) {
    result.warnings.push({
      code: 'html_body_guessed' satisfies ImportWarningCode,
      message:
        'The page has no <article> or <main>; the body was taken from the element holding most paragraphs.',
    });
  }
  return result;
}
