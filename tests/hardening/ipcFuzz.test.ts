// IPC fuzzing: every channel of the contract receives generated malformed arguments (wrong types, huge
// strings, deep nesting, __proto__ / constructor keys, extra keys, NaN / Infinity, arrays for objects) through
// the same dispatch Electron main uses, over a real database file. Each call must come back as a value —
// never a throw — and a refusal must carry a code from ERROR_CODES and leave every table exactly as it was.
// Generated values that happen to be valid may succeed; they are counted apart.
// Counts: TADQIQ_FUZZ_RUNS per channel (1,000; 100 in CI). TADQIQ_FUZZ_SEED replays a run.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, contract, ERROR_CODES, type Channel } from '../../src/core/ipc/contract';
import { createDispatch, type Dispatch } from '../../src/core/ipc/dispatch';
import { createServices } from '../../src/node/services';
import { openDatabase, type Database } from '../../src/node/store/db';
import { tempDir } from '../node/store/testFiles';
import { count, recordFigure, repoRoot } from './figures';

const RUNS = count('TADQIQ_FUZZ_RUNS', 1000, 100);
const SEED = Number(process.env.TADQIQ_FUZZ_SEED ?? Date.now() % 1_000_000);

const tmp = tempDir('tadqiq-fuzz-');
let db: Database.Database;
let dispatch: Dispatch;
const internal: string[] = [];
/** Real ids, so that some generated arguments get past validation and reach the services. */
const known: { articleId: string; sourceId: string; threadId: string } = {
  articleId: '',
  sourceId: '',
  threadId: '',
};

/**
 * What changes whenever this connection writes a row (triggers included) or the schema: every service writes
 * through it, so the full digest below is only recomputed when this moves.
 */
function writeCounter(): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${changes}/${String(db.pragma('schema_version', { simple: true }))}`;
}

/** A digest of every row of every table (FTS shadow tables included). */
function digest(): string {
  const h = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const t of tables) {
    h.update(`\u0000${t}\u0000`);
    for (const row of db
      .prepare(`SELECT * FROM "${t.replace(/"/g, '""')}"`)
      .raw()
      .iterate()) {
      h.update(
        JSON.stringify(row, (_k, v: unknown) =>
          Buffer.isBuffer(v) ? `b:${v.toString('base64')}` : typeof v === 'bigint' ? `n:${v}` : v,
        ),
      );
    }
  }
  return h.digest('hex');
}

function nested(depth: number, array: boolean): unknown {
  let v: unknown = 'قاع';
  for (let i = 0; i < depth; i++) v = array ? [v] : { a: v };
  return v;
}

// Built once: a generator may pick them thousands of times without allocating them again.
const HUGE = ['x'.repeat(10_001), 'ا'.repeat(600_000), 'ب'.repeat(21_000_000)];
const DEEP = [nested(200, false), nested(5_000, false), nested(5_000, true), nested(50_000, true)];
const PROTO = [
  JSON.parse('{"__proto__": {"polluted": true, "ok": true}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown,
  { constructor: 'x', toString: 1, valueOf: null, hasOwnProperty: 'no' },
  Object.create(null) as unknown,
];

const oddNumber = fc.constantFrom(
  NaN,
  Infinity,
  -Infinity,
  -0,
  -1,
  0.5,
  2 ** 31,
  2 ** 53 + 2,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
);
const oddString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u202e\u0627\u0644\u062e\u0628\u0631',
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'prototype',
  "'; DROP TABLE articles; --",
  '<script>window.__pwned=1</script>',
  '\ud800',
  'x'.repeat(65),
  'a'.repeat(257),
  '-1',
  'NaN',
  'true',
);

/** Any value of a wrong or hostile kind. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  oddNumber,
  oddString,
  fc.constantFrom(null, undefined, true, false, 0, 1, [], {}, new Date(NaN), new Map(), new Set([1])),
  fc.constantFrom(...HUGE),
  fc.constantFrom(...DEEP),
  fc.constantFrom(...PROTO),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null)), { maxLength: 6 }),
  fc.anything({ maxDepth: 3, maxKeys: 5, withNullPrototype: true, withMap: true, withSet: true }),
);

/** A plausible value for a key, so that objects with the right keys reach deeper validation. */
function plausible(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(known.articleId, known.sourceId, known.threadId),
    fc.constantFrom(
      'manual',
      'autosave',
      'html',
      'json',
      'text',
      'md',
      'ar',
      'en',
      'editor',
      'draft',
      'a.txt',
    ),
    fc.string({ minLength: 1, maxLength: 30 }),
    fc.integer({ min: 0, max: 5 }),
    fc.boolean(),
    fc.constant(null),
  );
}

function keysOf(ch: Channel): string[] {
  const schema: unknown = contract[ch].arg;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as object) : [];
}

const extraKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'id ', 'ID', '');

/** Malformed arguments for one channel: hostile values, or its own keys with hostile values and extra keys. */
function argsFor(ch: Channel): fc.Arbitrary<unknown> {
  const keys = keysOf(ch);
  const shaped = fc
    .tuple(
      fc.subarray(keys),
      fc.array(fc.oneof({ weight: 3, arbitrary: hostile }, { weight: 2, arbitrary: plausible() }), {
        minLength: keys.length,
        maxLength: keys.length,
      }),
      fc.array(fc.tuple(extraKey, hostile), { maxLength: 2 }),
    )
    .map(([present, values, extras]) => {
      const o: Record<string, unknown> = {};
      present.forEach((k, i) => {
        // defineProperty: a key named __proto__ becomes an own property, as JSON.parse would make it.
        Object.defineProperty(o, k, {
          value: values[i],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      });
      for (const [k, v] of extras) {
        Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
      }
      return o;
    });
  return fc.oneof({ weight: 1, arbitrary: hostile }, { weight: 3, arbitrary: shaped });
}

beforeAll(async () => {
  db = openDatabase(tmp.file('fuzz.db'));
  dispatch = createDispatch(createServices(db), (channel, e) => {
    internal.push(`${channel}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  });
  const seed = readFileSync(path.resolve(repoRoot, '../shared/seed/000_a8186a127eafc528.txt'), 'utf8');
  const imported = await dispatch('library:importText', { text: seed });
  if (!imported.ok || (imported.value as { kind: string }).kind !== 'imported') {
    throw new Error(`could not import the seed: ${JSON.stringify(imported)}`);
  }
  known.articleId = (imported.value as { id: string }).id;
  const source = await dispatch('sources:add', {
    title: 'مصدر',
    text: 'قال لافروف إن الاتفاقية ستوقع قريبا.',
    articleId: known.articleId,
  });
  if (!source.ok) throw new Error(`could not add a source: ${JSON.stringify(source)}`);
  known.sourceId = (source.value as { source?: { id: string }; id?: string }).source?.id ?? '';
  const thread = await dispatch('comments:add', { id: known.articleId, body: 'ملاحظة' });
  if (!thread.ok) throw new Error(`could not add a comment: ${JSON.stringify(thread)}`);
  known.threadId = (thread.value as { id: string }).id;
});

afterAll(() => {
  db?.close();
  tmp.cleanup();
});

describe(`IPC fuzzing: ${RUNS} malformed arguments per channel (seed ${SEED})`, () => {
  it('covers every channel of the contract', () => {
    expect(CHANNELS.length).toBeGreaterThan(50);
  });

  for (const [index, ch] of CHANNELS.entries()) {
    it(`${ch}: never throws, refuses with a typed error, changes nothing when refused`, async () => {
      const samples = fc.sample(argsFor(ch), { numRuns: RUNS, seed: SEED + index });
      let valid = 0;
      let rejected = 0;
      const codes = new Map<string, number>();
      const problems: string[] = [];
      let before = digest();
      let counter = writeCounter();
      for (const arg of samples) {
        let r: Awaited<ReturnType<Dispatch>>;
        try {
          r = await dispatch(ch, arg);
        } catch (e) {
          problems.push(`threw ${e instanceof Error ? e.message : String(e)}`);
          continue;
        }
        const nowCounter = writeCounter();
        const after = nowCounter === counter ? before : digest();
        counter = nowCounter;
        if (r.ok) {
          valid++;
        } else {
          rejected++;
          codes.set(r.error.code, (codes.get(r.error.code) ?? 0) + 1);
          if (!(ERROR_CODES as readonly string[]).includes(r.error.code)) {
            problems.push(`untyped error code ${String(r.error.code)}`);
          }
          if (typeof r.error.message !== 'string' || r.error.message.trim() === '') {
            problems.push(`error ${r.error.code} without a message`);
          }
          if (after !== before) problems.push(`refused with ${r.error.code} but the database changed`);
        }
        before = after;
      }
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      recordFigure({
        area: 'ipc-fuzz',
        name: ch,
        value: samples.length,
        detail: `valid ${valid}, rejected ${rejected} (${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')})`,
      });
      expect(problems.slice(0, 5), `${ch}: ${problems.length} problems`).toEqual([]);
      expect(internal.filter((s) => s.startsWith(`${ch}:`)).slice(0, 3), `${ch}: internal errors`).toEqual(
        [],
      );
      expect(valid + rejected).toBe(RUNS);
    });
  }

  it('prints the totals', () => {
    recordFigure({
      area: 'ipc-fuzz',
      name: 'channels × arguments',
      value: CHANNELS.length * RUNS,
      detail: `${CHANNELS.length} channels × ${RUNS}; internal errors ${internal.length}`,
    });
    expect(internal).toEqual([]);
  });
});
