// File names Tadqiq generates for exports: safe on Windows, macOS and Linux alike (no reserved device names,
// no forbidden or control characters, no trailing dot or space, bounded length in UTF-8 bytes), with Arabic
// letters kept as they are.

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001F\u007F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Most file systems allow 255 bytes per name; leave room for a suffix a save dialog may add. */
export const MAX_NAME_BYTES = 200;

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Cuts a string to at most `max` UTF-8 bytes without splitting a character. */
function truncateBytes(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (utf8Length(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/**
 * A safe base name (without extension) from free text such as a headline; `fallback` when nothing is left.
 */
export function safeBaseName(text: string, fallback = 'article'): string {
  let s = text
    .normalize('NFC')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  s = truncateBytes(s, MAX_NAME_BYTES).replace(/[.\s]+$/g, '');
  if (!s || RESERVED.test(s.split('.')[0]!.trim())) s = s ? `_${s}` : fallback;
  return s;
}

/** `<headline>-<id>.<ext>`: unique per article, readable, safe everywhere. */
export function exportFileName(headline: string, id: string, extension: string, suffix = ''): string {
  const ext = extension.replace(/[^A-Za-z0-9]/g, '').slice(0, 10) || 'bin';
  const tail = `-${safeBaseName(id, 'x')}${suffix}.${ext}`;
  const base = safeBaseName(headline, 'article');
  const room = MAX_NAME_BYTES - utf8Length(tail);
  return `${truncateBytes(base, room).replace(/[.\s]+$/g, '') || 'article'}${tail}`;
}
