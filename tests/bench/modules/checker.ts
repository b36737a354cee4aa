// The house-style checker on a 10,000-word article: a full check, and the re-check after one keystroke (only
// the changed block, as the editor does), each beside a bare tokenisation pass over the same text (the
// floor: no checker can read the text faster than splitting it into words), and the pass of the whole-article
// rules the editor makes when typing pauses, beside the same floor. Then the false alarms per
// 1,000 words of every outlet of the corpus, with its ten most frequent rules and an example each (stderr).
import { defaultChecker, documentUnits } from '../../../src/core/checker';
import { words } from '../../../src/core/checker/arabicText';
import { plain, vs, type BenchModule, type Result } from '../benchmark';
import { falseAlarmReport, measureFalseAlarms, perThousandWords } from '../support/checkerCorpus';
import { corpus, longArticle } from '../support/corpus';
import { percentile, timeMs } from '../support/stats';

const FULL_ROUNDS = 7;
const KEYSTROKES = 200;

export const checkerBench: BenchModule = {
  name: 'checker',
  async run(ctx) {
    const article = await longArticle(ctx);
    const checker = defaultChecker();
    const units = documentUnits(article);
    const tokenise = (texts: readonly string[]) => {
      let n = 0;
      for (const t of texts) n += words(t).length;
      return n;
    };
    const totalWords = tokenise(units.map((u) => u.text));
    checker.checkDocument(units); // warm-up: rule compilation, JIT
    const full: number[] = [];
    const documentPass: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < FULL_ROUNDS; i++) {
      full.push(timeMs(() => checker.checkDocument(units)));
      documentPass.push(timeMs(() => checker.checkDocumentRules(units)));
      floor.push(timeMs(() => tokenise(units.map((u) => u.text))));
    }

    // One keystroke: a letter typed into the middle of the middle paragraph; only that block is re-checked.
    const block = article.body[Math.floor(article.body.length / 2)]!;
    const at = Math.floor(block.text.length / 2);
    const keyed: number[] = [];
    const keyFloor: number[] = [];
    for (let i = 0; i < KEYSTROKES; i++) {
      const text = block.text.slice(0, at) + 'ب'.repeat(1 + (i % 3)) + block.text.slice(at);
      keyed.push(timeMs(() => checker.checkBlock(text, { block: 0 })));
      keyFloor.push(timeMs(() => tokenise([text])));
    }

    const results: Result[] = [
      plain('checker.article.words', totalWords, 'words'),
      plain('checker.full.tokenise.p50', percentile(floor, 50), 'ms'),
      vs('checker.full.check.p50', percentile(full, 50), 'ms', 'checker.full.tokenise.p50'),
      vs('checker.pause.documentRules.p50', percentile(documentPass, 50), 'ms', 'checker.full.tokenise.p50'),
      plain('checker.keystroke.tokenise.p50', percentile(keyFloor, 50), 'ms'),
      vs('checker.keystroke.recheck.p50', percentile(keyed, 50), 'ms', 'checker.keystroke.tokenise.p50'),
      plain('checker.keystroke.tokenise.p95', percentile(keyFloor, 95), 'ms'),
      vs('checker.keystroke.recheck.p95', percentile(keyed, 95), 'ms', 'checker.keystroke.tokenise.p95'),
    ];

    const articles = await corpus(ctx);
    const outlets = [...new Set(articles.map((a) => a.source))].sort();
    for (const outlet of outlets) {
      const m = measureFalseAlarms(articles.filter((a) => a.source === outlet));
      results.push(plain(`checker.falseAlarms.${outlet}`, perThousandWords(m), 'per 1,000 words'));
      ctx.log(falseAlarmReport(outlet, m, 1));
    }
    return results;
  },
};
