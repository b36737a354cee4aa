// The readable text of an HTML source (a saved statement, transcript or agency page): every paragraph of the
// page, not only an article body, since a quote may sit anywhere in it. Scripts, styles, forms and the like
// are dropped; block elements end a line; entities are decoded by the parser.
import { parseDocument } from 'htmlparser2';

type HNode = { type: string; name?: string; children?: HNode[]; data?: string };

const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'form',
  'button',
  'select',
  'textarea',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
]);

const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'figure',
  'figcaption',
  'table',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'pre',
  'hr',
  'td',
  'th',
]);

export type HtmlText = { text: string; title: string | null };

export function htmlToText(html: string): HtmlText {
  const doc = parseDocument(html, { decodeEntities: true }) as unknown as HNode;
  let title: string | null = null;
  const out: string[] = [];
  const walk = (n: HNode): void => {
    if (n.type === 'text') {
      out.push((n.data ?? '').replace(/[\s\u00A0]+/g, ' '));
      return;
    }
    if (n.type !== 'tag' && n.type !== 'root') return;
    const name = n.name?.toLowerCase() ?? '';
    if (name === 'title' && title === null) {
      const t = textOf(n).trim();
      if (t) title = t;
      return;
    }
    if (DROP.has(name)) {
      // <head> holds the title, the only part of it worth reading.
      if (name === 'head') for (const c of n.children ?? []) if (c.name?.toLowerCase() === 'title') walk(c);
      return;
    }
    const block = BLOCK.has(name);
    if (block) out.push('\n');
    for (const c of n.children ?? []) walk(c);
    if (block) out.push('\n');
  };
  walk(doc);
  const text = out
    .join('')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
  return { text, title };
}

function textOf(n: HNode): string {
  if (n.type === 'text') return n.data ?? '';
  return (n.children ?? []).map(textOf).join('');
}
