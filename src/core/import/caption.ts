// Photo captions in scraped text: a caption line is recognised by its tail — a date and a credit
// (`… بروسيا. 27 أغسطس 2024 - Reuters`) — never by its wording, so any story's captions are found.
import monthsData from '../../../resources/import/months.json';
import { lookupOutlet } from './outlets';

export type CaptionParts = { caption: string; date: string; credit: string; photographer: string };

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first so that `ربيع الأول` wins over a shorter name that starts it.
const MONTHS = [...(monthsData as { months: string[] }).months]
  .sort((a, b) => b.length - a.length)
  .map((m) => escape(m).replace(/ /g, '\\s+'))
  .join('|');
const D = '[0-9\\u0660-\\u0669]';
const DATE = [
  `${D}{1,2}\\s*(?:${MONTHS})\\s*,?\\s*${D}{4}`, // 27 أغسطس 2024
  `(?:${MONTHS})\\s+${D}{1,2},?\\s+${D}{4}`, // August 27, 2024
  `(?:${MONTHS})\\s+${D}{4}`, // أغسطس 2024
  `${D}{1,2}[/.\\-]${D}{1,2}[/.\\-]${D}{2,4}`, // 27/8/2024
  `${D}{4}[/.\\-]${D}{1,2}[/.\\-]${D}{1,2}`, // 2024-08-27
].join('|');
/** Date, separator, credit, end of line. The date must follow a sentence end, a separator or the line start. */
const TAIL = new RegExp(
  `(^|[.!?؟…»"”)،,]\\s+|\\s[-–—ـ|]\\s*)(${DATE})\\s*(?:[-–—ـ|،,/:]\\s*)?\\(?([^()\\n]{1,60}?)\\)?\\s*$`,
  'u',
);
/** A credit alone after a caption sentence: `… بروسيا. - Reuters`, `… بروسيا. (أ ف ب)`. */
const CREDIT_ONLY = /([.!?؟])\s*(?:[-–—|]\s*([^()\n]{2,60}?)|\(([^()\n]{2,60})\))\s*$/u;
const PHOTOGRAPHER = /^(?:تصوير|عدسة|الصورة|صورة|photo(?:graph)?(?:\s+by)?|credit)\s*:?\s*(.+)$/iu;

function looksLikeCredit(credit: string): boolean {
  const words = credit.split(/\s+/).filter(Boolean);
  return (
    words.length > 0 &&
    words.length <= 6 &&
    /\p{L}/u.test(credit) &&
    !/[.!?؟،]$/u.test(credit) &&
    !/[0-9\u0660-\u0669]{3,}/u.test(credit)
  );
}

function creditParts(raw: string): { credit: string; photographer: string } {
  const credit = raw.trim().replace(/^©\s*/, '');
  const m = PHOTOGRAPHER.exec(credit);
  if (m?.[1]) {
    const who = m[1].trim();
    const slash = who.split(/\s*\/\s*/);
    if (slash.length === 2 && slash[0] && slash[1]) return { photographer: slash[0], credit: slash[1] };
    return { photographer: who, credit: who };
  }
  const slash = credit.split(/\s*\/\s*/);
  // `AP Photo/Jane Doe`: the agency's photo service, then the photographer.
  const service = /^(.+?)\s+photo$/i.exec(slash[0] ?? '');
  if (slash.length === 2 && service?.[1] && slash[1]) return { photographer: slash[1], credit: service[1] };
  // `John Smith/Reuters`, `أحمد علي / رويترز`: a person before the agency.
  if (slash.length === 2 && slash[0] && slash[1] && lookupOutlet(slash[1]) && !lookupOutlet(slash[0])) {
    return { photographer: slash[0], credit: slash[1] };
  }
  return { photographer: '', credit };
}

/** The caption proper: up to and including its final full stop, without the separator before the tail. */
function captionText(before: string): string {
  return before.replace(/[\s\-–—|،,]+$/u, '').trim();
}

/**
 * Reads a caption line. With `creditOnly`, a line ending in a sentence and a known agency or photographer credit
 * (no date) is accepted too — callers allow that only where a photo is expected (before the story starts).
 */
export function parseCaptionLine(line: string, opts: { creditOnly?: boolean } = {}): CaptionParts | null {
  const t = line.trim();
  if (t.length < 8 || t.length > 700) return null;
  const m = TAIL.exec(t);
  if (m) {
    const [, lead = '', date = '', rawCredit = ''] = m;
    if (looksLikeCredit(rawCredit)) {
      const caption = captionText(t.slice(0, m.index) + lead);
      if (caption && /\p{L}/u.test(caption)) {
        return { caption, date: date.replace(/\s+/g, ' ').trim(), ...creditParts(rawCredit) };
      }
    }
  }
  if (opts.creditOnly) {
    const c = CREDIT_ONLY.exec(t);
    const raw = (c?.[2] ?? c?.[3] ?? '').trim();
    if (
      c &&
      raw &&
      looksLikeCredit(raw) &&
      (lookupOutlet(raw) || PHOTOGRAPHER.test(raw) || /getty|afp|ap\b|epa/i.test(raw))
    ) {
      const caption = captionText(t.slice(0, c.index + 1));
      if (caption.split(/\s+/).length >= 3) return { caption, date: '', ...creditParts(raw) };
    }
  }
  return null;
}
