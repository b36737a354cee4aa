// IPTC ninjs (News in JSON) for the article, version 3.1 by default and 2.2 on request. 2.2 spells its
// property names in lower case (versioncreated, contenttype …); 3.1 in camelCase. Both are validated against
// the official schemas in the tests. Tags become subjects (neither schema has keywords); pictures become
// associations carrying caption, credit and alt text.
import { countWords, type ArticleContent } from '../article/model';
import { xmlSafe } from './escape';
import { itemUri, type ExportMeta, type NinjsVersion } from './meta';
import { bodyXhtml, datelineText } from './xhtml';

export const NINJS_SCHEMA_URI: Record<NinjsVersion, string> = {
  '3.1': 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#',
  '2.2': 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#',
};

type Json = Record<string, unknown>;

/** Property names as each version spells them. */
function namer(version: NinjsVersion): (camel: string) => string {
  return version === '2.2' ? (k) => k.toLowerCase() : (k) => k;
}

function rename(value: unknown, n: (k: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => rename(v, n));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [n(k), rename(v, n)]));
  }
  return value;
}

const clean = (s: string): string => xmlSafe(s).trim();

export function buildNinjs(c: ArticleContent, meta: ExportMeta, version: NinjsVersion = '3.1'): Json {
  const bodyText = c.body.map((b) => clean(b.text)).filter(Boolean);
  const plain = [datelineText(c), ...bodyText].filter(Boolean).join('\n\n');
  const xhtml = `<div dir="rtl" lang="ar">\n${bodyXhtml(c)}\n</div>`;
  const item: Json = {
    uri: itemUri(meta.id),
    standard: { name: 'ninjs', version, schema: NINJS_SCHEMA_URI[version] },
    type: c.figures.length ? 'composite' : 'text',
    profile: c.figures.length ? 'text-photo' : 'text-only',
    representationType: 'full',
    version: String(meta.revisionSeq),
    firstCreated: meta.firstCreated,
    versionCreated: meta.versionCreated,
    pubStatus: meta.pubStatus ?? 'usable',
    language: 'ar',
    headlines: [{ role: 'main', contentType: 'text/plain', value: clean(c.headline) }],
  };
  if (c.standfirst?.trim()) {
    item.descriptions = [{ role: 'summary', contentType: 'text/plain', value: clean(c.standfirst) }];
  }
  item.bodies = [
    {
      role: 'main',
      contentType: 'application/xhtml+xml',
      charCount: [...plain].length,
      wordCount: countWords(plain),
      value: xhtml,
    },
    { role: 'plain', contentType: 'text/plain', value: plain },
  ];
  if (meta.by?.trim()) item.by = clean(meta.by);
  if (c.dateline.place.trim()) {
    item.located = clean(c.dateline.place);
    item.places = [{ name: clean(c.dateline.place), rel: 'located' }];
  }
  const sources = c.dateline.sources.map(clean).filter(Boolean);
  if (sources.length) item.infoSources = sources.map((name) => ({ name, role: 'source' }));
  const tags = c.tags.map(clean).filter(Boolean);
  if (tags.length) item.subjects = tags.map((name) => ({ name, rel: 'about', literal: name }));
  if (c.figures.length) {
    item.associations = c.figures.map((f, i) => {
      const a: Json = {
        name: `picture${i + 1}`,
        uri: itemUri(meta.id, `picture:${i + 1}`),
        type: 'picture',
        language: 'ar',
        headlines: [{ role: 'caption', contentType: 'text/plain', value: clean(f.caption) }],
        descriptions: [
          { role: 'caption', contentType: 'text/plain', value: clean(f.caption) },
          ...(f.altText.trim() ? [{ role: 'alt', contentType: 'text/plain', value: clean(f.altText) }] : []),
        ],
      };
      if (version === '3.1') a.rel = 'picture';
      const by = [f.photographer, f.credit].map(clean).filter(Boolean);
      if (by.length) a.by = by.join(' / ');
      if (f.credit.trim()) a.copyrightHolder = clean(f.credit);
      return a;
    });
  }
  return rename(JSON.parse(JSON.stringify(item)), namer(version)) as Json;
}

export function buildNinjsText(c: ArticleContent, meta: ExportMeta, version: NinjsVersion = '3.1'): string {
  return JSON.stringify(buildNinjs(c, meta, version), null, 2) + '\n';
}
