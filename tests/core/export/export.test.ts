// The text exports of the seed article: ninjs validated against the official IPTC schemas (3.1 and 2.2), a
// NewsML-G2 item parsed back with a real XML parser, standalone HTML, Markdown and plain text; hostile text
// stays text everywhere.
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/core/article/model';
import {
  buildHtml,
  buildMarkdown,
  buildNewsMl,
  buildNinjs,
  buildPlainText,
  HTML_CSP,
  type ExportMeta,
} from '../../../src/core/export';
import { structureText } from '../../../src/core/import';
import { readSeed } from '../import/sharedMaterial';
import { ninjsValidator } from './ninjsSchema';

const seed = structureText(readSeed()).content;
const meta: ExportMeta = {
  id: 'k3m9x2p7qa',
  revisionSeq: 2,
  firstCreated: '2024-10-25T08:00:00.000Z',
  versionCreated: '2024-10-25T09:30:00.000Z',
  by: 'مكتب دبي',
};
const tagged: ArticleContent = { ...seed, tags: ['روسيا', 'إيران'] };

const validator = ninjsValidator;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the item is checked by the schema; tests read into it
type Ninjs = Record<string, any>;

type XmlNode = {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
  selfClosing?: boolean;
};

/** Parses XML strictly enough to notice broken nesting: every close tag must match the open one. */
function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, text: '', children: [] };
  const stack: XmlNode[] = [root];
  const errors: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const selfClosing = xml.slice(parser.startIndex, parser.endIndex + 1).endsWith('/>');
        const node: XmlNode = { name, attrs, text: '', children: [], selfClosing };
        stack[stack.length - 1]!.children.push(node);
        stack.push(node);
      },
      ontext(t) {
        for (const n of stack) n.text += t;
      },
      onclosetag(name, implied) {
        const top = stack.pop()!;
        // An implied close is only legitimate for <tag/>; anywhere else the nesting is broken.
        if ((implied && !top.selfClosing) || top.name !== name)
          errors.push(`close ${name} (open ${top.name})`);
      },
      onerror(e) {
        errors.push(e.message);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  expect(errors).toEqual([]);
  expect(stack).toHaveLength(1);
  return root;
}

function find(n: XmlNode, name: string): XmlNode[] {
  return [...(n.name === name ? [n] : []), ...n.children.flatMap((c) => find(c, name))];
}

describe('ninjs', () => {
  it('3.1 of the seed validates against the official schema and carries the article', () => {
    const item = buildNinjs(tagged, meta, '3.1') as Ninjs;
    expect(validator('3.1')(item)).toEqual([]);
    expect(item.language).toBe('ar');
    expect(item.headlines[0].value).toBe(seed.headline);
    expect(item.located).toBe('دبي');
    expect(item.infoSources.map((s: { name: string }) => s.name)).toEqual(['الشرق', 'رويترز']);
    expect(item.subjects.map((s: { name: string }) => s.name)).toEqual(['روسيا', 'إيران']);
    expect(item.version).toBe('2');
    expect(item.firstCreated).toBe(meta.firstCreated);
    expect(item.pubStatus).toBe('usable');
    const pic = item.associations[0];
    expect(pic.type).toBe('picture');
    expect(pic.headlines[0].value).toBe(seed.figures[0]!.caption);
    expect(pic.copyrightHolder).toBe('Reuters');
    const xhtml = item.bodies.find((b: { contentType: string }) => b.contentType === 'application/xhtml+xml');
    parseXml(xhtml.value);
    expect(xhtml.value).toContain('<h2>اجتماع مرتقب</h2>');
    expect(xhtml.value).toContain('&quot;تاس&quot;');
  });

  it('2.2 on request validates against the 2.2 schema (lower-case property names)', () => {
    const item = buildNinjs(tagged, meta, '2.2') as Ninjs;
    expect(validator('2.2')(item)).toEqual([]);
    expect(item.versioncreated).toBe(meta.versionCreated);
    expect(item.infosources).toHaveLength(2);
    // and the 3.1 spelling is refused by 2.2, so the validator is really checking
    expect(validator('2.2')(buildNinjs(tagged, meta, '3.1')).length).toBeGreaterThan(0);
  });

  it('refuses what the schema forbids (the validator is not a rubber stamp)', () => {
    const item = buildNinjs(tagged, meta, '3.1');
    expect(validator('3.1')({ ...item, pubStatus: 'published' }).length).toBeGreaterThan(0);
    expect(validator('3.1')({ ...item, firstCreated: '25 أكتوبر' }).length).toBeGreaterThan(0);
  });
});

describe('NewsML-G2', () => {
  it('is well-formed XML with contentMeta and the body as inline XHTML', () => {
    const xml = buildNewsMl(tagged, meta);
    const doc = parseXml(xml);
    const item = find(doc, 'newsItem')[0]!;
    expect(item.attrs.xmlns).toBe('http://iptc.org/std/nar/2006-10-01/');
    expect(item.attrs.version).toBe('2');
    const cm = find(item, 'contentMeta')[0]!;
    expect(find(cm, 'headline')[0]!.text).toBe(seed.headline);
    expect(find(cm, 'located')[0]!.text).toBe('دبي');
    expect(find(cm, 'infoSource').map((n) => n.text)).toEqual(['الشرق', 'رويترز']);
    expect(find(cm, 'keyword').map((n) => n.text)).toEqual(['روسيا', 'إيران']);
    expect(find(cm, 'language')[0]!.attrs.tag).toBe('ar');
    const html = find(find(item, 'inlineXML')[0]!, 'html')[0]!;
    expect(html.attrs.dir).toBe('rtl');
    const paras = find(html, 'p').map((p) => p.text);
    expect(paras).toContain(seed.body[0]!.text);
  });
});

describe('HTML, Markdown, text', () => {
  it('HTML is a standalone right-to-left Arabic page with a strict CSP and captioned figures', () => {
    const html = buildHtml(seed, meta);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/);
    expect(html).toContain(`content="${HTML_CSP.replace(/'/g, '&#39;')}"`);
    expect(HTML_CSP).toContain("default-src 'none'");
    expect(HTML_CSP).not.toMatch(/script-src|unsafe-eval/);
    expect(html).toMatch(
      /<figure><figcaption>وزير الخارجية الروسي[^<]*<time>27 أغسطس 2024<\/time> <span class="credit">Reuters<\/span><\/figcaption><\/figure>/,
    );
    expect(html).toContain('<p class="dateline">دبي (الشرق، رويترز)</p>');
  });

  it('hostile text stays text in every format', () => {
    const evil: ArticleContent = {
      ...seed,
      headline: '<script>alert(1)</script> & "x" \u0007',
      body: [
        {
          type: 'paragraph',
          text: '</p><img src=x onerror=alert(1)> ]]> <!-- **bold** [link](javascript:x)',
        },
      ],
      tags: ['<b>'],
    };
    const html = buildHtml(evil, meta);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    parseXml(buildNewsMl(evil, meta));
    const md = buildMarkdown(evil);
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('\\*\\*bold\\*\\*');
    expect(md).not.toMatch(/\[link\]\(/);
    expect(buildPlainText(evil)).not.toContain('\u0007');
    const ninjs = buildNinjs(evil, meta) as Ninjs;
    expect(validator('3.1')(ninjs)).toEqual([]);
    expect(ninjs.bodies[0].value).toContain('&lt;/p&gt;&lt;img');
  });

  it('Markdown and text keep the structure in reading order', () => {
    const md = buildMarkdown(tagged);
    expect(md.split('\n')[0]).toBe(`# ${seed.headline.replace(/:/g, ':')}`);
    expect(md).toContain('## اجتماع مرتقب');
    const txt = buildPlainText(tagged);
    const order = [
      seed.headline,
      'دبي (الشرق، رويترز)',
      seed.body[0]!.text,
      'اجتماع مرتقب',
      'الوسوم: روسيا، إيران',
    ];
    const at = order.map((s) => txt.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
