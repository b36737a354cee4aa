// The benchmarks' input, read once per run: the SaudiNewsNet sample and a 10,000-word article built from it.
import type { ArticleContent } from '../../../src/core/article/model';
import { countWords } from '../../../src/core/article/model';
import { prepareText } from '../../../src/node/services';
import { corpusText, readCorpus, type CorpusArticle } from '../../core/import/sharedMaterial';
import type { BenchContext } from '../benchmark';

export { corpusText, type CorpusArticle };

export const CORPUS_SIZE = 2603;

export function corpus(ctx: BenchContext): Promise<CorpusArticle[]> {
  return ctx.shared('corpus', () => {
    const articles = readCorpus();
    if (articles.length !== CORPUS_SIZE) {
      throw new Error(`The corpus holds ${articles.length} articles; the benchmarks expect ${CORPUS_SIZE}.`);
    }
    return articles;
  });
}

export const LONG_ARTICLE_WORDS = 10_000;

/**
 * A 10,000-word article: corpus articles with text, in file order, concatenated under the first headline and
 * structured by the real import, then cut at the first paragraph that reaches 10,000 words.
 */
export function longArticle(ctx: BenchContext): Promise<ArticleContent> {
  return ctx.shared('longArticle', async () => {
    const articles = (await corpus(ctx)).filter((a) => /\p{L}/u.test(a.content));
    const parts: string[] = [];
    let words = 0;
    for (const a of articles) {
      if (words >= LONG_ARTICLE_WORDS * 1.1) break;
      parts.push(a.content.trim());
      words += countWords(a.content);
    }
    const { content } = prepareText(`${articles[0]!.title}\n\n${parts.join('\n\n')}`);
    let total = countWords(content.headline);
    const body = [];
    for (const b of content.body) {
      if (total >= LONG_ARTICLE_WORDS) break;
      body.push(b);
      total += countWords(b.text);
    }
    if (total < LONG_ARTICLE_WORDS) throw new Error(`The long article reached only ${total} words.`);
    return { ...content, body };
  });
}
