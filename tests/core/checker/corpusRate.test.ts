// Precision on professionally edited text: over every article of the best-edited outlets in the corpus, the
// default settings may raise at most 3 error-or-warning findings per 1,000 words (spelling, which comes
// with the dictionary, is not counted). On failure the top rules are printed with examples, so a false
// alarm can be told from a real error in the copy.
import { describe, expect, it } from 'vitest';
import { falseAlarmReport, measureFalseAlarms, perThousandWords } from '../../bench/support/checkerCorpus';
import { readCorpus } from './shared';

const MAX_PER_1000_WORDS = 3;
const corpus = readCorpus();

describe('false alarms on professionally edited copy', () => {
  it.each(['aawsat', 'alwatan'])('%s: at most 3 errors or warnings per 1,000 words', (outlet) => {
    const articles = corpus.filter((a) => a.source === outlet);
    expect(articles.length, `no ${outlet} articles in the corpus`).toBeGreaterThan(100);
    const m = measureFalseAlarms(articles);
    expect(perThousandWords(m), falseAlarmReport(outlet, m)).toBeLessThanOrEqual(MAX_PER_1000_WORDS);
  });
});
