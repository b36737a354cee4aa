// The controlled tag vocabulary as plain data: tag types, the comparison key that makes two spellings one tag,
// and the shipped starter entries (IPTC Media Topics and the gazetteer in resources/tags/).
import gazetteer from '../../../resources/tags/gazetteer.json';
import mediaTopics from '../../../resources/tags/mediatopics.json';
import { normalizeArabic } from '../arabic/normalize';
import type { TagType } from './types';

export { MediaTopicCode, TAG_TYPES, TagType } from './types';

/** One entry of the vocabulary as the matcher and the store see it. */
export type VocabularyEntry = {
  label: string;
  type: TagType;
  /** Other written forms: spelling variants, short forms, for countries their adjective (nisba) forms. */
  aliases: string[];
  mediaTopic?: string | null;
  labelEn?: string | null;
};

/**
 * The key two names must share to be the same tag: Arabic orthographic variants folded (hamza carriers,
 * taa marbuta, alef maqsura, diacritics, tatweel), punctuation dropped, spaces collapsed, Latin lower-cased.
 */
export function tagKey(name: string): string {
  return normalizeArabic(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A label as stored: trimmed, inner runs of white space made one space. Empty labels are refused by callers. */
export function cleanLabel(label: string): string {
  return label.normalize('NFC').replace(/\s+/g, ' ').trim();
}

type GazetteerPlace = { label: string; en: string; aliases: string[]; nisba: string[] };
type GazetteerNamed = { label: string; en: string; aliases: string[] };

/** The shipped starter vocabulary: the 17 top-level Media Topics, places (with nisba), organisations, people. */
export function starterVocabulary(): VocabularyEntry[] {
  const out: VocabularyEntry[] = [];
  for (const t of mediaTopics.topics) {
    out.push({ label: t.label, type: 'topic', aliases: t.aliases, mediaTopic: t.code, labelEn: t.en });
  }
  for (const p of gazetteer.places as GazetteerPlace[]) {
    out.push({ label: p.label, type: 'place', aliases: [...p.aliases, ...p.nisba], labelEn: p.en });
  }
  for (const o of gazetteer.organisations as GazetteerNamed[]) {
    out.push({ label: o.label, type: 'organisation', aliases: o.aliases, labelEn: o.en });
  }
  for (const p of gazetteer.people as GazetteerNamed[]) {
    out.push({ label: p.label, type: 'person', aliases: p.aliases, labelEn: p.en });
  }
  return out;
}

/** Bumped whenever the shipped starter data changes, so existing databases pick up new entries. */
export const STARTER_VOCABULARY_VERSION = 1;
