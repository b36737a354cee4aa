// The word diff on long texts: two revisions of a 10,000-word article with about 2% of the words changed
// (diffText over the body text, diffArticles over the article), beside jsdiff's diffWords on the same texts;
// and the worst case, two unrelated 10,000-word texts, each engine in a fresh process for its time and peak
// memory. jsdiff has no cap of its own on the edit distance there, so it runs with its `timeout` option and
// the figure is the time until it gave up.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { diffWords } from 'diff';
import type { ArticleContent } from '../../../src/core/article/model';
import { countWords } from '../../../src/core/article/model';
import { applyTextDiff, diffArticles, diffText } from '../../../src/core/diff';
import { plain, vs, type BenchModule, type Result } from '../benchmark';
import { corpus, longArticle } from '../support/corpus';
import { percentile, seededRandom } from '../support/stats';

const RUNS = 15;
const CHANGED_SHARE = 0.02;
const JSDIFF_TIMEOUT_MS = 20_000;
const NEW_WORDS = ['جديد', 'الرسمي', 'أمس', 'كذلك', 'المحلية', 'السابق', 'إعلان', 'اليوم'];

/** About 2% of the words replaced, inserted or removed, at random places. */
function changeWords(c: ArticleContent): { content: ArticleContent; changed: number } {
  const random = seededRandom(2);
  let changed = 0;
  const body = c.body.map((b) => {
    const out: string[] = [];
    for (const w of b.text.split(' ')) {
      if (random() >= CHANGED_SHARE) {
        out.push(w);
        continue;
      }
      changed++;
      const op = random();
      const word = NEW_WORDS[Math.floor(random() * NEW_WORDS.length)]!;
      if (op < 0.6) out.push(word);
      else if (op < 0.8) out.push(w, word);
    }
    return { ...b, text: out.join(' ') };
  });
  return { content: { ...c, body }, changed };
}

const bodyText = (c: ArticleContent): string => c.body.map((b) => b.text).join('\n\n');

function median(fn: () => void): { p50: number; samples: number[] } {
  fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return { p50: percentile(samples, 50), samples };
}

type WorkerResult = { ms: number; peakRssGrowthMb: number; ops: number | null };

function inWorker(
  ctx: { repoRoot: string },
  input: string,
  engine: string,
  extra: string[] = [],
): WorkerResult {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      path.join(ctx.repoRoot, 'tests/bench/modules/diffWorker.ts'),
      input,
      engine,
      ...extra,
    ],
    { cwd: ctx.repoRoot, encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as WorkerResult;
}

export const diffBench: BenchModule = {
  name: 'diff',
  async run(ctx) {
    const a = await longArticle(ctx);
    const { content: b, changed } = changeWords(a);
    const ta = bodyText(a);
    const tb = bodyText(b);
    const words = countWords(ta);
    const ours = diffText(ta, tb);
    if (applyTextDiff(ta, ours.words) !== tb) throw new Error('diffText did not reproduce the new text.');
    const theirs = diffWords(ta, tb);
    ctx.log(
      `${words} words, ${changed} changed: diffText ${ours.words.length} ops (${JSON.stringify(ours.summary)}), ` +
        `jsdiff ${theirs.length} parts`,
    );
    const text = median(() => diffText(ta, tb));
    const article = median(() => diffArticles(a, b));
    const jsdiff = median(() => diffWords(ta, tb));

    // The worst case: an unrelated text of the same length, from the other end of the corpus.
    const unrelated: string[] = [];
    for (const x of [...(await corpus(ctx))].reverse()) {
      if (countWords(unrelated.join('\n\n')) >= words) break;
      if (x.content.trim()) unrelated.push(x.content.trim());
    }
    const tu = unrelated.join('\n\n').split(' ').slice(0, ta.split(' ').length).join(' ');
    const input = path.join(ctx.tmpDir, 'diff-unrelated.json');
    writeFileSync(input, JSON.stringify({ a: ta, b: tu }));
    ctx.log('worst case: two unrelated texts, each engine in its own process …');
    const worstOurs = inWorker(ctx, input, 'tadqiq');
    const worstTheirs = inWorker(ctx, input, 'jsdiff', [String(JSDIFF_TIMEOUT_MS)]);
    ctx.log(
      `unrelated: diffText ${worstOurs.ops} ops in ${worstOurs.ms.toFixed(0)} ms; jsdiff ` +
        (worstTheirs.ops === null
          ? `gave up at its ${JSDIFF_TIMEOUT_MS} ms timeout (no diff)`
          : `${worstTheirs.ops} parts in ${worstTheirs.ms.toFixed(0)} ms`),
    );

    const results: Result[] = [
      plain('diff.words', words, 'words'),
      plain('diff.wordsChanged', changed, 'words'),
      plain('diff.jsdiffDiffWords.p50', jsdiff.p50, 'ms'),
      vs('diff.diffText.p50', text.p50, 'ms', 'diff.jsdiffDiffWords.p50'),
      vs('diff.diffArticles.p50', article.p50, 'ms', 'diff.jsdiffDiffWords.p50'),
      plain('diff.unrelated.jsdiffDiffWords.ms', worstTheirs.ms, 'ms'),
      vs('diff.unrelated.diffText.ms', worstOurs.ms, 'ms', 'diff.unrelated.jsdiffDiffWords.ms'),
      plain('diff.unrelated.jsdiffDiffWords.peakRssGrowth', worstTheirs.peakRssGrowthMb, 'MB'),
      vs(
        'diff.unrelated.diffText.peakRssGrowth',
        worstOurs.peakRssGrowthMb,
        'MB',
        'diff.unrelated.jsdiffDiffWords.peakRssGrowth',
      ),
      plain('diff.unrelated.jsdiffFinished', worstTheirs.ops === null ? 0 : 1, 'yes=1'),
    ];
    return results;
  },
};
