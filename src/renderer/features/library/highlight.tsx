// Marks the words of a search snippet that match the query, folded the way the search folds them
// (hamza forms, taa marbuta, diacritics), so «الإستراتيجية» lights up «الاستراتيجية» in the text.
import type { ReactNode } from 'react';
import { normalizeArabic } from '../../../core/arabic/normalize';

const WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu;
const PROCLITICS = ['وال', 'فال', 'بال', 'كال', 'لل', 'ال', 'و', 'ف', 'ب', 'ل', 'ك'];

function stems(word: string): string[] {
  const w = normalizeArabic(word);
  const out = [w];
  for (const p of PROCLITICS) if (w.startsWith(p) && w.length - p.length >= 2) out.push(w.slice(p.length));
  return out;
}

export function highlightSnippet(snippet: string, query: string): ReactNode[] {
  const terms = new Set([...query.matchAll(WORD)].flatMap((m) => stems(m[0])));
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of snippet.matchAll(WORD)) {
    if (!stems(m[0]).some((s) => terms.has(s))) continue;
    if (m.index > last) parts.push(snippet.slice(last, m.index));
    parts.push(<mark key={m.index}>{m[0]}</mark>);
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push(snippet.slice(last));
  return parts;
}
