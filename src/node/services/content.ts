// Content helpers the services share: canonical form for "did anything change", the import's content hash,
// revision statistics and short article ids.
import { createHash, randomBytes } from 'node:crypto';
import { ArticleContent, contentToPlainText, countWords } from '../../core/article/model';
import { normalizeArabic } from '../../core/arabic/normalize';

/** JSON with object keys sorted, so two equal contents always serialise to the same string. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      );
    }
    return v;
  });
}

export function sameContent(a: ArticleContent, b: ArticleContent): boolean {
  return canonicalJson(ArticleContent.parse(a)) === canonicalJson(ArticleContent.parse(b));
}

/**
 * Hash of the normalised plain text: the same story imported again (another encoding, other spacing,
 * a hamza written differently) is recognised as a duplicate.
 */
export function contentHash(c: ArticleContent): string {
  const folded = normalizeArabic(contentToPlainText(c)).replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(folded, 'utf8').digest('hex');
}

export function contentStats(c: ArticleContent): { plainText: string; chars: number; words: number } {
  const plainText = contentToPlainText(c);
  return { plainText, chars: plainText.length, words: countWords(plainText) };
}

export function isEmptyContent(c: ArticleContent): boolean {
  return contentToPlainText(c).trim() === '';
}

// No 0/o, 1/l/i: ids are read aloud and typed on the command line.
const ID_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** A short random id (10 characters, about 50 bits). */
export function newArticleId(): string {
  const bytes = randomBytes(10);
  let id = '';
  for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
  return id;
}

export function nowIso(): string {
  return new Date().toISOString();
}
