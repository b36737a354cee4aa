// Tag suggestions for an article: vocabulary names found in its text (with clitics and nisba forms) and people
// introduced with a title, ranked by where and how often they appear. Tags the article already has are left out.
import type { ArticleContent } from '../article/model';
import { VocabularyMatcher } from './match';
import { peopleAfterTitles } from './names';
import { tagKey, type TagType, type VocabularyEntry } from './vocabulary';

export type TagSuggestion = {
  label: string;
  type: TagType;
  /** Where the score comes from: 3 per headline mention, 2 per standfirst or caption mention, 1 per body one. */
  score: number;
  /** Mentions counted. */
  count: number;
  /** True when the tag is already in the vocabulary; false for a person found after a title only. */
  known: boolean;
};

export type SuggestOptions = { limit?: number };

type Field = { text: string; weight: number };

function fieldsOf(content: ArticleContent): Field[] {
  const out: Field[] = [{ text: content.headline, weight: 3 }];
  if (content.standfirst) out.push({ text: content.standfirst, weight: 2 });
  for (const f of content.figures) out.push({ text: f.caption, weight: 2 });
  for (const b of content.body) out.push({ text: b.text, weight: 1 });
  return out;
}

/**
 * Suggests tags from the vocabulary (topics excepted: a topic is a judgement about the story, not a word in it)
 * and names of people after titles. Accepts a prepared matcher so a caller checking many articles builds it once.
 */
export function suggestTags(
  content: ArticleContent,
  vocabulary: readonly VocabularyEntry[] | VocabularyMatcher,
  options: SuggestOptions = {},
): TagSuggestion[] {
  const matcher =
    vocabulary instanceof VocabularyMatcher
      ? vocabulary
      : new VocabularyMatcher(vocabulary.filter((e) => e.type !== 'topic'));
  const found = new Map<string, TagSuggestion & { first: number }>();
  let order = 0;
  const note = (label: string, type: TagType, weight: number, known: boolean): void => {
    const key = tagKey(label);
    const s = found.get(key);
    if (s) {
      s.score += weight;
      s.count++;
      s.known ||= known;
    } else {
      found.set(key, { label, type, score: weight, count: 1, known, first: order++ });
    }
  };
  const fields = fieldsOf(content);
  for (const { text, weight } of fields) {
    for (const m of matcher.find(text)) {
      if (m.entry.type !== 'topic') note(m.entry.label, m.entry.type, weight, true);
    }
  }
  // People after titles who are not in the vocabulary; later mentions by family name alone count too.
  const people = new Map<string, { name: string; family: string }>();
  for (const { text } of fields) {
    for (const p of peopleAfterTitles(text, (k) => matcher.namesNonPerson(k))) {
      const inVocabulary = matcher
        .find(p.name)
        .some((m) => m.entry.type === 'person' && m.to - m.from >= p.to - p.from - 1);
      if (inVocabulary) continue;
      people.set(tagKey(p.name), { name: p.name, family: p.keys[p.keys.length - 1]! });
    }
  }
  if (people.size) {
    const asEntries: VocabularyEntry[] = [...people.values()].map((p) => ({
      label: p.name,
      type: 'person',
      aliases: [p.family],
    }));
    const peopleMatcher = new VocabularyMatcher(asEntries);
    for (const { text, weight } of fields) {
      for (const m of peopleMatcher.find(text)) note(m.entry.label, 'person', weight, false);
    }
  }
  const have = new Set(content.tags.map(tagKey));
  return [...found.entries()]
    .filter(([key]) => !have.has(key))
    .map(([, s]) => s)
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .slice(0, options.limit ?? 20)
    .map(({ first: _first, ...s }) => s);
}
