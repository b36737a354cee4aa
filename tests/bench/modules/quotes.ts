// Quotes: verifying a 300-character quote against a 1 MB source (corpus text with the quoted passage in the
// middle, written there with a couple of hamza variations) beside approx-string-match, the bit-parallel
// approximate search Hypothesis anchors quotes with, on the same inputs; both answers are printed so they can
// be compared. Then quote extraction over the whole corpus (speech quotes, speakers, articles per second)
// beside a plain scan for quotation marks over the same articles.
import search from 'approx-string-match';
import { extractQuotes, prepareSource, verifyText } from '../../../src/core/quotes';
import { plain, vs, type BenchModule, type Result } from '../benchmark';
import { corpus } from '../support/corpus';
import { percentile } from '../support/stats';

const SOURCE_CHARS = 1_000_000;
const QUOTE_CHARS = 300;
const RUNS = 7;

function times(fn: () => void): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return percentile(samples, 50);
}

/** The passage as the source writes it: two hamza seats dropped (أ → ا, إ → ا), as many transcripts do. */
function hamzaVariant(text: string): { text: string; changed: number } {
  let changed = 0;
  const out = text.replace(/[أإ]/g, (m) => {
    if (changed === 2) return m;
    changed++;
    return 'ا';
  });
  return { text: out, changed };
}

export const quotesBench: BenchModule = {
  name: 'quotes',
  async run(ctx) {
    const articles = await corpus(ctx);
    // The quote: 300 characters of one article's text, cut at word boundaries, with hamza letters to vary.
    const donor = articles.find(
      (a) => a.content.length > 3000 && (a.content.match(/[أإ]/g)?.length ?? 0) > 6,
    )!;
    const start = donor.content.indexOf(' ', 500) + 1;
    const quote = donor.content.slice(start, donor.content.lastIndexOf(' ', start + QUOTE_CHARS)).trim();
    const variant = hamzaVariant(quote);
    const parts: string[] = [];
    let size = 0;
    for (const a of articles) {
      if (size >= SOURCE_CHARS) break;
      if (a === donor || !a.content.trim()) continue;
      parts.push(a.content.trim());
      size += a.content.length + 2;
    }
    const half = Math.floor(parts.length / 2);
    const before = parts.slice(0, half).join('\n\n') + '\n\n';
    const source = (before + variant.text + '\n\n' + parts.slice(half).join('\n\n')).slice(
      0,
      SOURCE_CHARS + QUOTE_CHARS,
    );
    const at = before.length;
    const maxErrors = Math.floor(quote.length / 10);
    ctx.log(
      `a ${quote.length}-character quote (${variant.changed} hamza seats differ in the source) at offset ${at} of a ` +
        `${source.length}-character source; approx-string-match allows ${maxErrors} errors`,
    );

    const ours = verifyText(quote, [{ id: 'source', text: source }]);
    const theirs = search(source, quote, maxErrors).sort((x, y) => x.errors - y.errors || x.start - y.start);
    const best = theirs[0];
    ctx.log(
      `Tadqiq verifyText: ${ours.status}, score ${ours.score}, source ${ours.sourceFrom}–${ours.sourceTo} ` +
        `(expected ${at}–${at + variant.text.length})`,
    );
    ctx.log(
      `approx-string-match: ${theirs.length} matches; best ${best ? `${best.start}–${best.end}, ${best.errors} errors` : 'none'}`,
    );
    const prepared = prepareSource({ id: 'source', text: source });
    const cold = times(() => verifyText(quote, [{ id: 'source', text: source }]));
    const warm = times(() => verifyText(quote, [prepared]));
    const peer = times(() => search(source, quote, maxErrors));

    // Extraction over the corpus.
    const blocksOf = articles.map((a) =>
      a.content
        .split(/\n+/)
        .map((t) => t.trim())
        .filter(Boolean)
        .map((text) => ({ text })),
    );
    let speech = 0;
    let withSpeaker = 0;
    const speakers = new Set<string>();
    const t0 = performance.now();
    for (const blocks of blocksOf) {
      for (const q of extractQuotes(blocks)) {
        if (q.kind !== 'speech') continue;
        speech++;
        if (q.speaker) {
          withSpeaker++;
          speakers.add(q.speaker);
        }
      }
    }
    const extractSeconds = (performance.now() - t0) / 1000;
    let marked = 0;
    const t1 = performance.now();
    for (const blocks of blocksOf) {
      for (const b of blocks) marked += b.text.match(/«[^»]*»|"[^"]*"|“[^”]*”/g)?.length ?? 0;
    }
    const scanSeconds = (performance.now() - t1) / 1000;
    ctx.log(
      `extraction: ${speech} speech quotes in ${articles.length} articles, ${withSpeaker} with a speaker ` +
        `(${speakers.size} distinct); ${marked} quotation-mark spans`,
    );

    const results: Result[] = [
      plain('quotes.verify.sourceChars', source.length, 'chars'),
      plain('quotes.verify.quoteChars', quote.length, 'chars'),
      plain('quotes.verify.expectedFrom', at, 'offset'),
      plain('quotes.approxStringMatch.ms', peer, 'ms'),
      vs('quotes.verifyText.cold.ms', cold, 'ms', 'quotes.approxStringMatch.ms'),
      vs('quotes.verifyText.preparedSource.ms', warm, 'ms', 'quotes.approxStringMatch.ms'),
      plain('quotes.approxStringMatch.foundFrom', best?.start ?? -1, 'offset'),
      plain('quotes.approxStringMatch.errors', best?.errors ?? -1, 'chars'),
      plain('quotes.verifyText.foundFrom', ours.status === 'not_found' ? -1 : ours.sourceFrom, 'offset'),
      plain('quotes.verifyText.verified', ours.status === 'verified' ? 1 : 0, 'yes=1'),
      plain('quotes.extract.articles', articles.length, 'articles'),
      plain('quotes.extract.speechQuotes', speech, 'quotes'),
      plain('quotes.extract.withSpeaker', withSpeaker, 'quotes'),
      plain('quotes.extract.speakerShare', (100 * withSpeaker) / Math.max(1, speech), '%'),
      plain('quotes.extract.distinctSpeakers', speakers.size, 'speakers'),
      plain('quotes.markScan.spans', marked, 'spans'),
      plain('quotes.markScan.articlesPerSecond', articles.length / scanSeconds, 'articles/s'),
      vs(
        'quotes.extract.articlesPerSecond',
        articles.length / extractSeconds,
        'articles/s',
        'quotes.markScan.articlesPerSecond',
      ),
    ];
    return results;
  },
};
