// Photo dates: reading the ways captions and metadata write them, and writing them in the house format.
import { normalizeArabic, westernDigits } from '../arabic/normalize';
import type { CaptionStyle } from './style';

export type CalendarDate = { year: number; month: number; day: number };

export const GREGORIAN_MONTHS = [
  'يناير',
  'فبراير',
  'مارس',
  'أبريل',
  'مايو',
  'يونيو',
  'يوليو',
  'أغسطس',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
] as const;
export const SYRIAC_MONTHS = [
  'كانون الثاني',
  'شباط',
  'آذار',
  'نيسان',
  'أيار',
  'حزيران',
  'تموز',
  'آب',
  'أيلول',
  'تشرين الأول',
  'تشرين الثاني',
  'كانون الأول',
] as const;
const MAGHREBI_MONTHS = [
  'جانفي',
  'فيفري',
  'مارس',
  'أفريل',
  'ماي',
  'جوان',
  'جويلية',
  'أوت',
  'سبتمبر',
  'أكتوبر',
  'نوفمبر',
  'ديسمبر',
];
const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const EXTRA: Record<string, number> = { يونيه: 6, يوليه: 7, sept: 9 };

const monthByKey = new Map<string, number>();
for (const list of [GREGORIAN_MONTHS, SYRIAC_MONTHS, MAGHREBI_MONTHS]) {
  list.forEach((m, i) => monthByKey.set(normalizeArabic(m), i + 1));
}
ENGLISH_MONTHS.forEach((m, i) => {
  monthByKey.set(m, i + 1);
  monthByKey.set(m.slice(0, 3), i + 1);
});
for (const [k, v] of Object.entries(EXTRA)) monthByKey.set(normalizeArabic(k), v);

function valid(year: number, month: number, day: number): CalendarDate | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days ? { year, month, day } : null;
}

/**
 * Reads a date as captions and photo metadata write it: `27 أغسطس 2024`, `27 آب 2024`, `27/08/2024`,
 * `2024-08-27` (with or without a time), IPTC's `20240827`, `August 27, 2024`. Arabic-Indic digits accepted.
 * Null when the text is not one date.
 */
export function parseDate(text: string): CalendarDate | null {
  const s = westernDigits(text.normalize('NFC'))
    .replace(/[\u200E\u200F\u061C]/g, '')
    .trim();
  let m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s) ??
    /^(\d{4}):(\d{2}):(\d{2})(?: [\d:]+)?$/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) return valid(+m[3]!, +m[2]!, +m[1]!);
  const words = normalizeArabic(s).replace(/[,،]/g, ' ').split(/\s+/).filter(Boolean);
  // day month year, where the month may be two words (كانون الثاني، تشرين الأول)
  if (words.length >= 3 && /^\d{1,2}$/.test(words[0]!) && /^\d{4}$/.test(words[words.length - 1]!)) {
    const month = monthByKey.get(words.slice(1, -1).join(' '));
    if (month) return valid(+words[words.length - 1]!, month, +words[0]!);
  }
  // month day year (English)
  if (words.length === 3 && /^\d{1,2}$/.test(words[1]!) && /^\d{4}$/.test(words[2]!)) {
    const month = monthByKey.get(words[0]!);
    if (month) return valid(+words[2]!, month, +words[1]!);
  }
  return null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Writes a date in the house format. */
export function formatDate(d: CalendarDate, style: Pick<CaptionStyle, 'dateFormat' | 'months'>): string {
  switch (style.dateFormat) {
    case 'iso':
      return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
    case 'numeric':
      return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
    default: {
      const months = style.months === 'syriac' ? SYRIAC_MONTHS : GREGORIAN_MONTHS;
      return `${d.day} ${months[d.month - 1]} ${d.year}`;
    }
  }
}
