// Text encoding detection for imported files: UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or the pattern
// of NUL and 0x06 bytes that Arabic in UTF-16 leaves), and the two single-byte Arabic code pages, Windows-1256
// and ISO-8859-6, told apart by which decoding reads as Arabic. Binary input is refused, never guessed at.
import { AppError } from '../../core/ipc/contract';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'iso-8859-6';
export type DecodedText = { text: string; encoding: TextEncoding; bom: boolean };

const SAMPLE = 64 * 1024;

/** UTF-16 without a BOM: one byte of each pair is almost always 0x00 (Latin, spaces) or 0x06 (Arabic). */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 2) return null;
  let highEven = 0;
  let highOdd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0x00 || b === 0x06) {
      if (i % 2 === 0) highEven++;
      else highOdd++;
    }
  }
  const pairs = n / 2;
  if (highOdd / pairs >= 0.6 && highEven / pairs <= 0.1) return 'utf-16le';
  if (highEven / pairs >= 0.6 && highOdd / pairs <= 0.1) return 'utf-16be';
  return null;
}

function decode(bytes: Uint8Array, label: TextEncoding, fatal: boolean): string {
  return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);
}

const COMMON_WORDS = new Set(
  'في من على إلى الى أن ان إن عن مع التي الذي الذين هذا هذه ذلك كان كانت قد ما لا لم أو بين بعد قبل كما قال وقال حتى عند كل وفي ومن هو هي'.split(
    ' ',
  ),
);

/**
 * How much a decoding reads like Arabic prose: frequent function words and the article ال count for it;
 * replacement characters, C1 controls and Latin-1 letters (what the wrong Arabic code page produces) against it.
 */
export function arabicPlausibility(text: string): number {
  let score = 0;
  for (const w of text.match(/[\u0600-\u06FF]+/g) ?? []) {
    if (COMMON_WORDS.has(w)) score += 3;
    else if (w.startsWith('ال') && w.length > 3) score += 1;
  }
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) score -= 5;
    else if (c >= 0x80 && c <= 0x9f) score -= 5;
    else if ((c >= 0xc0 && c <= 0xff) || c === 0xd7 || c === 0xf7) score -= 2;
  }
  return score;
}

/** Control characters that text files do not contain (tab, line breaks and form feed excepted). */
function controlRatio(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x08 || (c >= 0x0e && c <= 0x1f) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) bad++;
  }
  return bad / text.length;
}

function refuseBinary(text: string, fileName: string, encoding: string): void {
  const ratio = controlRatio(text);
  const count = Math.round(ratio * text.length);
  if (count > 8 && ratio > 0.01) {
    throw new AppError(
      'undecodable',
      `${fileName}: this does not look like a text file (${(ratio * 100).toFixed(1)}% control or undecodable characters as ${encoding}).`,
    );
  }
}

/** Decodes an imported file's bytes, or throws AppError('undecodable') for binary content. */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  const bomTable: [number[], TextEncoding][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ];
  for (const [bom, encoding] of bomTable) {
    if (bom.every((b, i) => bytes[i] === b)) {
      const body = bytes.subarray(bom.length);
      let text: string;
      try {
        text = decode(body, encoding, true);
      } catch {
        throw new AppError(
          'undecodable',
          `${fileName}: the file starts with a ${encoding} mark but is not valid ${encoding}.`,
        );
      }
      refuseBinary(text, fileName, encoding);
      return { text, encoding, bom: true };
    }
  }

  const order = utf16Order(bytes);
  if (order) {
    try {
      const text = decode(bytes, order, true);
      refuseBinary(text, fileName, order);
      return { text, encoding: order, bom: false };
    } catch (e) {
      if (e instanceof AppError) throw e;
      // Not valid UTF-16 after all: fall through to the other checks, which will refuse the NUL bytes.
    }
  }

  if (bytes.includes(0)) {
    throw new AppError('undecodable', `${fileName}: the file contains NUL bytes; it is binary, not text.`);
  }

  try {
    const text = decode(bytes, 'utf-8', true);
    refuseBinary(text, fileName, 'utf-8');
    return { text, encoding: 'utf-8', bom: false };
  } catch (e) {
    if (e instanceof AppError) throw e;
  }

  const candidates = (['windows-1256', 'iso-8859-6'] as const).map((encoding) => {
    const text = decode(bytes, encoding, false);
    return { text, encoding, score: arabicPlausibility(text) };
  });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  refuseBinary(best.text, fileName, best.encoding);
  return { text: best.text, encoding: best.encoding, bom: false };
}
