// The spelling engine seen from the main thread: a promise API over the worker thread that runs Hunspell.
// The worker starts on the first question and is reused; words travel in batches; answers are cached per word
// (LRU), so re-checking a paragraph asks the worker only about words it has not seen.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../core/ipc/contract';
import {
  DictionaryMissingError,
  dictionaryIn,
  locateDictionary,
  type DictionaryLocation,
} from './dictionaryLocation';
import { LruCache } from './lru';
import { MAX_BATCH, wordProblem, type WorkerInit, type WorkerReply, type WorkerRequest } from './protocol';
import { spellingKey } from './words';

export type SpellResult = { word: string; correct: boolean };

export type Speller = {
  /** One answer per word, in order. Words are looked up without marks or tatweel; each must be Arabic. */
  check(words: readonly string[]): Promise<SpellResult[]>;
  /** Replacements for a word, best first (empty for a correct word). */
  suggest(word: string): Promise<string[]>;
  /** Where the dictionary is (finds it on first call); rejects with DictionaryMissingError. */
  location(): DictionaryLocation;
  /** Stops the worker; a later question starts a new one. */
  close(): Promise<void>;
};

export type SpellerOptions = {
  /** A folder holding ar.aff and ar.dic; default: found by locateDictionary(). */
  dictionaryDir?: string;
  env?: NodeJS.ProcessEnv;
  /** Words whose answers are remembered. */
  cacheSize?: number;
  /** The worker module; default: worker.ts beside this file, or spellingWorker.js beside a bundle. */
  workerUrl?: URL;
};

type Entry = { correct: boolean; suggestions?: string[] };
type Pending = { resolve(v: unknown): void; reject(e: Error): void };

/**
 * Starts the worker thread. From a bundle (the Electron main process) the worker is the bundle's own
 * spellingWorker.js entry. From TypeScript sources (the CLI, Vitest, the e2e harness) it is worker.ts, which
 * Node cannot load by itself: a two-line bootstrap registers tsx's loader inside the new thread first
 * (`execArgv: ['--import', 'tsx']` does not reach a worker's entry module on Node 20).
 */
export function startSpellingWorker(init: WorkerInit, override?: URL): Worker {
  // tsx may add a query to module URLs (tsImport does), so the extension is read from the path.
  const fromSource = new URL(import.meta.url).pathname.endsWith('.ts');
  const url = override ?? new URL(fromSource ? './worker.ts' : './spellingWorker.js', import.meta.url);
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData: init });
  // The ESM build of tsx's API (require.resolve would pick its CommonJS build).
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const bootstrap =
    `import(${JSON.stringify(tsxApi)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })` +
    '.catch((e) => { setImmediate(() => { throw e; }); });';
  return new Worker(bootstrap, { eval: true, workerData: init });
}

/** A bad argument to check/suggest: the caller's mistake, reported as such. */
export class SpellingInputError extends AppError {
  constructor(message: string) {
    super('bad_request', message);
    this.name = 'SpellingInputError';
  }
}

export function createSpeller(options: SpellerOptions = {}): Speller {
  const cache = new LruCache<string, Entry>(options.cacheSize ?? 50_000);
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let nextId = 1;
  let located: DictionaryLocation | null = null;

  const location = (): DictionaryLocation => {
    if (located) return located;
    if (options.dictionaryDir !== undefined) {
      const files = dictionaryIn(options.dictionaryDir);
      if (!files) {
        throw new DictionaryMissingError(
          `The Arabic dictionary was not found: ${options.dictionaryDir} holds no ar.aff and ar.dic. ` +
            'Spelling is not checked.',
        );
      }
      located = { dir: options.dictionaryDir, ...files, source: 'env' };
    } else {
      located = locateDictionary({ env: options.env });
    }
    return located;
  };

  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    if (worker) return worker;
    const { aff, dic } = location();
    const w = startSpellingWorker({ aff, dic }, options.workerUrl);
    w.on('message', (msg: WorkerReply) => {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (pending.size === 0) w.unref();
      if (msg.ok) p.resolve(msg.value);
      else p.reject(new AppError(msg.error.code as ErrorCode, msg.error.message));
    });
    w.on('error', (e) => {
      if (worker === w) worker = null;
      failAll(new AppError('internal', `The spelling engine stopped: ${e.message}`));
    });
    w.on('exit', (code) => {
      if (worker === w) worker = null;
      if (pending.size) failAll(new AppError('internal', `The spelling engine stopped (exit code ${code}).`));
    });
    w.unref();
    worker = w;
    return w;
  };

  const request = <T>(
    req: { op: 'check'; words: string[] } | { op: 'suggest'; word: string },
  ): Promise<T> => {
    const w = start();
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      w.ref();
      w.postMessage({ ...req, id } satisfies WorkerRequest);
    });
  };

  const keyOf = (word: unknown): string => {
    const key = typeof word === 'string' ? spellingKey(word) : word;
    const problem = wordProblem(key);
    if (problem) throw new SpellingInputError(`Spelling: ${problem}.`);
    return key as string;
  };

  return {
    location,
    async check(words) {
      if (!Array.isArray(words)) throw new SpellingInputError('Spelling: check needs an array of words.');
      if (words.length > MAX_BATCH) {
        throw new SpellingInputError(`Spelling: at most ${MAX_BATCH} words per check (got ${words.length}).`);
      }
      const keys = words.map(keyOf);
      const known = new Map<string, boolean>();
      const missing: string[] = [];
      for (const k of new Set(keys)) {
        const entry = cache.get(k);
        if (entry) known.set(k, entry.correct);
        else missing.push(k);
      }
      if (missing.length) {
        const answers = await request<boolean[]>({ op: 'check', words: missing });
        missing.forEach((k, i) => {
          known.set(k, answers[i]!);
          cache.set(k, { correct: answers[i]! });
        });
      }
      return words.map((word, i) => ({ word, correct: known.get(keys[i]!)! }));
    },
    async suggest(word) {
      const key = keyOf(word);
      const known = cache.get(key);
      if (known?.suggestions) return known.suggestions;
      const [correct] = known ? [known.correct] : await request<boolean[]>({ op: 'check', words: [key] });
      const suggestions = correct ? [] : await request<string[]>({ op: 'suggest', word: key });
      cache.set(key, { correct: correct!, suggestions });
      return suggestions;
    },
    async close() {
      const w = worker;
      worker = null;
      failAll(new AppError('internal', 'The spelling engine was closed.'));
      if (w) await w.terminate();
    },
  };
}
