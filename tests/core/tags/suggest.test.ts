// Tag suggestions: the seed article's places and people, Arabic clitics and adjective (nisba) forms reaching
// their country, people named after titles, and the shipped vocabulary's shape.
import { describe, expect, it } from 'vitest';
import { emptyContent, type ArticleContent } from '../../../src/core/article/model';
import { structureText } from '../../../src/core/import';
import mediaTopics from '../../../resources/tags/mediatopics.json';
import {
  VocabularyMatcher,
  peopleAfterTitles,
  starterVocabulary,
  suggestTags,
  tagKey,
  wordForms,
} from '../../../src/core/tags';
import { readSeed } from '../import/sharedMaterial';

const vocabulary = starterVocabulary();
const matcher = new VocabularyMatcher(vocabulary);
const labelsIn = (text: string): string[] => matcher.find(text).map((m) => m.entry.label);

function article(body: string, extra: Partial<ArticleContent> = {}): ArticleContent {
  return { ...emptyContent(), headline: '', body: [{ type: 'paragraph', text: body }], ...extra };
}

describe('tag suggestions', () => {
  it('the seed gets Russia, Iran, Lavrov, Putin and Pezeshkian', () => {
    const content = structureText(readSeed()).content;
    const labels = suggestTags(content, vocabulary).map((s) => s.label);
    for (const want of ['روسيا', 'إيران', 'سيرجي لافروف', 'فلاديمير بوتين', 'مسعود بزشكيان']) {
      expect(labels).toContain(want);
    }
    // Russia and Iran are what the story is about: they come first.
    expect(labels.slice(0, 2)).toEqual(['روسيا', 'إيران']);
    // A verb after a title is not a person (الرئيس الإيراني سيزور روسيا).
    expect(labels.some((l) => l.includes('سيزور'))).toBe(false);
  });

  it('adjective (nisba) forms and clitics reach the country', () => {
    expect(labelsIn('قال وزير الخارجية الروسي')).toEqual(['روسيا']);
    expect(labelsIn('الصحافة الروسية')).toEqual(['روسيا']);
    expect(labelsIn('الرئيس الإيراني')).toEqual(['إيران']);
    expect(labelsIn('الحرب الأوكرانية')).toEqual(['أوكرانيا']);
    expect(labelsIn('المسؤولين الإيرانيين')).toEqual(['إيران']);
    expect(labelsIn('الجنود الروس')).toEqual(['روسيا']);
    expect(labelsIn('في موسكو بروسيا')).toEqual(['موسكو', 'روسيا']);
    expect(labelsIn('وإيران ولروسيا')).toEqual(['إيران', 'روسيا']);
    expect(labelsIn('وللولايات المتحدة')).toEqual(['الولايات المتحدة']);
    // The longest name wins: روسيا البيضاء is Belarus, not Russia.
    expect(labelsIn('زار روسيا البيضاء')).toEqual(['بيلاروسيا']);
    // Words that only look alike stay silent.
    expect(labelsIn('دروس في الرياضيات والتاريخ')).toEqual([]);
  });

  it('word forms strip clitics and nisba endings', () => {
    expect(wordForms(tagKey('بالروسية'))).toEqual(expect.arrayContaining(['روسي']));
    expect(wordForms(tagKey('وإيران'))).toEqual(expect.arrayContaining(['ايران']));
  });

  it('names after titles, with the role skipped', () => {
    const names = (t: string): string[] => peopleAfterTitles(t).map((p) => p.name);
    expect(names('أعلن وزير الخارجية الروسي سيرجي لافروف أن')).toEqual(['سيرجي لافروف']);
    expect(names('وأشار السفير الإيراني في روسيا كاظم جلالي، في وقت سابق')).toEqual(['كاظم جلالي']);
    expect(names('مع وزير الخارجية اليمني شايع الزنداني بعد اجتماعهما')).toEqual(['شايع الزنداني']);
    expect(names('قال الرئيس إن الاتفاق قريب')).toEqual([]);
  });

  it('a person outside the vocabulary is suggested with mentions by family name counted', () => {
    const c = article(
      'قال وزير المالية اللبناني ياسين جابر إن الموازنة جاهزة. وأضاف جابر أن الحكومة ستقرها.',
    );
    const s = suggestTags(c, vocabulary);
    expect(s.find((x) => x.label === 'ياسين جابر')).toMatchObject({ type: 'person', count: 2, known: false });
    expect(s.map((x) => x.label)).toContain('لبنان');
  });

  it('tags the article already has are not suggested; topics are never guessed from words', () => {
    const c = article('روسيا وإيران توقعان اتفاقية في مجال الاقتصاد والسياسة', { tags: ['روسيا'] });
    const labels = suggestTags(c, vocabulary).map((s) => s.label);
    expect(labels).toEqual(['إيران']);
  });

  it('ships the 17 top-level IPTC Media Topics with Arabic labels', () => {
    const topics = vocabulary.filter((e) => e.type === 'topic');
    expect(topics).toHaveLength(17);
    expect(new Set(topics.map((t) => t.mediaTopic)).size).toBe(17);
    for (const t of topics) {
      expect(t.mediaTopic).toMatch(/^medtop:\d{2}000000$/);
      expect(t.label).toMatch(/\p{Script=Arabic}/u);
    }
    expect(topics.find((t) => t.mediaTopic === 'medtop:01000000')).toMatchObject({
      label: 'فنون وثقافة وترفيه وإعلام',
      labelEn: 'arts, culture, entertainment and media',
    });
    expect(mediaTopics.topics).toHaveLength(17);
    // Labels are unique under folding, so each is one tag.
    const keys = vocabulary.map((e) => tagKey(e.label));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
