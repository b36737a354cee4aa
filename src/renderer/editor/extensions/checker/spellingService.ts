// The spelling service as the checker's queue sees it: 'spelling:check' through the bridge. Without a bridge
// (a test editor, the bench page) it fails, and the queue then treats the words as correct.
import { call } from '../../../bridge';
import type { SpellService } from './spellingQueue';

export const bridgeSpelling: SpellService = async (words) =>
  (await call('spelling:check', { words, suggestions: true })).results.map((r) => ({
    word: r.word,
    correct: r.correct,
    suggestions: r.suggestions,
  }));
