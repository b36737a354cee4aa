// Escaping for every text export: markup-safe HTML/XML text and attributes, with the characters XML 1.0
// forbids removed (control characters, lone surrogates, U+FFFE/U+FFFF), so hostile text cannot break a file.

/* eslint-disable no-control-regex -- these control characters are exactly what must go */
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** Removes what may not appear in an XML (or XHTML) document at all. */
export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

/** Text content: & < > escaped (quotes too, so the same function is safe inside attributes). */
export function escapeXml(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
