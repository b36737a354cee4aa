// Export builders: pure functions from an article's content (and its identity) to the text of each format.
// DOCX and PDF are written in src/node/files/writers from the same pieces.
export * from './meta';
export { escapeXml, xmlSafe } from './escape';
export { buildHtml, HTML_CSP, type HtmlOptions } from './html';
export { buildMarkdown, buildPlainText, escapeMarkdown } from './text';
export { buildNinjs, buildNinjsText, NINJS_SCHEMA_URI } from './ninjs';
export { buildNewsMl } from './newsml';
export { bodyXhtml, datelineText, figureXhtml } from './xhtml';
