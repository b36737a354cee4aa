// The Arabic-aware diff: word diffs of texts and block diffs of article revisions, and applying them.
export { diffArticles, articleUnits } from './article';
export { applyArticleDiff, applyTextDiff, mapOffset } from './apply';
export { diffText, diffChars } from './words';
export { tokenize, tokenKey, graphemes, type CompareOptions, type Token, type TokenKind } from './tokenize';
export { diffSequences, type Run, type SequenceDiff } from './myers';
export * from './types';
