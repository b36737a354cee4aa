// Quotes and claims in an article, their speakers, and their verification against source texts.
export * from './model';
export { extractQuotes, extractQuotesPositional, stableQuoteIds, type TextBlock } from './extract';
export { defaultLexicon, type QuoteLexicon } from './lexicon';
export {
  prepareSource,
  verifyQuotes,
  verifyText,
  type PreparedSource,
  type SourceText,
  type VerifyOptions,
} from './verify';
