// A NewsML-G2 newsItem for the article: item metadata, content metadata (located, info sources, creator,
// language, subjects and keywords from the tags, headline, dateline) and the body as inline XHTML.
import type { ArticleContent } from '../article/model';
import { escapeXml as esc } from './escape';
import { itemUri, type ExportMeta } from './meta';
import { bodyXhtml, datelineText, figureXhtml } from './xhtml';

const NAR = 'http://iptc.org/std/nar/2006-10-01/';
const XHTML = 'http://www.w3.org/1999/xhtml';
const CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml';

export function buildNewsMl(c: ArticleContent, meta: ExportMeta): string {
  const lines: string[] = [];
  const add = (indent: number, s: string): void => {
    lines.push(`${'  '.repeat(indent)}${s}`);
  };
  add(0, '<?xml version="1.0" encoding="UTF-8"?>');
  add(
    0,
    `<newsItem xmlns="${NAR}" guid="${esc(itemUri(meta.id))}" version="${meta.revisionSeq}" ` +
      `standard="NewsML-G2" standardversion="2.33" conformance="power" xml:lang="ar">`,
  );
  add(1, `<catalogRef href="${CATALOG}"/>`);
  add(1, '<itemMeta>');
  add(2, '<itemClass qcode="ninat:text"/>');
  add(2, '<provider literal="Tadqiq"/>');
  add(2, `<versionCreated>${esc(meta.versionCreated)}</versionCreated>`);
  add(2, `<firstCreated>${esc(meta.firstCreated)}</firstCreated>`);
  add(2, `<pubStatus qcode="stat:${meta.pubStatus ?? 'usable'}"/>`);
  add(1, '</itemMeta>');
  add(1, '<contentMeta>');
  add(2, `<contentCreated>${esc(meta.firstCreated)}</contentCreated>`);
  if (c.dateline.place.trim()) add(2, `<located><name>${esc(c.dateline.place.trim())}</name></located>`);
  for (const s of c.dateline.sources.map((x) => x.trim()).filter(Boolean)) {
    add(2, `<infoSource role="cinfosrc:source"><name>${esc(s)}</name></infoSource>`);
  }
  if (meta.by?.trim()) add(2, `<creator><name>${esc(meta.by.trim())}</name></creator>`);
  add(2, '<language tag="ar"/>');
  const tags = c.tags.map((t) => t.trim()).filter(Boolean);
  for (const t of tags) add(2, `<keyword role="krole:index">${esc(t)}</keyword>`);
  for (const t of tags) add(2, `<subject type="cpnat:abstract"><name>${esc(t)}</name></subject>`);
  add(2, `<headline>${esc(c.headline.trim())}</headline>`);
  const dl = datelineText(c);
  if (dl) add(2, `<dateline>${esc(dl)}</dateline>`);
  if (meta.by?.trim()) add(2, `<by>${esc(meta.by.trim())}</by>`);
  if (c.standfirst?.trim())
    add(2, `<description role="drol:summary">${esc(c.standfirst.trim())}</description>`);
  add(1, '</contentMeta>');
  add(1, '<contentSet>');
  add(2, '<inlineXML contenttype="application/xhtml+xml">');
  add(3, `<html xmlns="${XHTML}" lang="ar" xml:lang="ar" dir="rtl">`);
  add(4, `<head><title>${esc(c.headline.trim())}</title></head>`);
  add(4, '<body>');
  add(5, `<h1>${esc(c.headline.trim())}</h1>`);
  if (c.standfirst?.trim()) add(5, `<p class="standfirst">${esc(c.standfirst.trim())}</p>`);
  for (const f of c.figures) add(5, figureXhtml(f));
  for (const line of bodyXhtml(c).split('\n')) if (line) add(5, line);
  add(4, '</body>');
  add(3, '</html>');
  add(2, '</inlineXML>');
  add(1, '</contentSet>');
  add(0, '</newsItem>');
  return lines.join('\n') + '\n';
}
