// The messages between the main thread and the spelling worker. Requests carry an id; every request gets
// exactly one reply with the same id, a value or an error (the worker never throws a request away).
import type { ErrorCode } from '../../core/ipc/contract';
import { MAX_WORD_LENGTH } from './words';

/** Most words one request may carry (the 'spelling:check' channel accepts as many). */
export const MAX_BATCH = 5000;

export type WorkerInit = { aff: string; dic: string };

export type WorkerRequest =
  { id: number; op: 'check'; words: string[] } | { id: number; op: 'suggest'; word: string };

export type WorkerReply =
  | { id: number; ok: true; value: boolean[] | string[] }
  | { id: number; ok: false; error: { code: ErrorCode; message: string } };

const ARABIC_KEY = /^[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06FA-\u06FC]+$/u;

/** Why a word cannot be given to the engine, or null when it can (it must already be a lookup key). */
export function wordProblem(word: unknown): string | null {
  if (typeof word !== 'string') return `a word must be a string, not ${word === null ? 'null' : typeof word}`;
  if (word.length === 0) return 'an empty word cannot be checked';
  if (word.length > MAX_WORD_LENGTH) {
    return `a word of ${word.length} characters is too long to check (at most ${MAX_WORD_LENGTH})`;
  }
  if (!ARABIC_KEY.test(word)) {
    return `"${word.slice(0, 20)}" is not an Arabic word (letters only, without marks); the dictionary is Arabic`;
  }
  return null;
}

/** Checks a message received by the worker; returns the reason it is malformed, or null. */
export function requestProblem(msg: unknown): string | null {
  if (typeof msg !== 'object' || msg === null) return 'the request is not an object';
  const m = msg as Record<string, unknown>;
  if (typeof m.id !== 'number') return 'the request has no numeric id';
  if (m.op === 'check') {
    if (!Array.isArray(m.words)) return 'check needs an array of words';
    if (m.words.length > MAX_BATCH) return `at most ${MAX_BATCH} words per request (got ${m.words.length})`;
    for (const w of m.words) {
      const p = wordProblem(w);
      if (p) return p;
    }
    return null;
  }
  if (m.op === 'suggest') return wordProblem(m.word);
  return `unknown operation ${JSON.stringify(m.op)?.slice(0, 40)}`;
}
