// The compact form of an article's older revisions. The newest revision is always stored whole (its JSON in
// revisions.content, its plain text beside it), so everything that reads the latest revision in SQL is
// untouched. Every older revision is one blob in revisions.packed:
//   - a keyframe, every KEYFRAME_INTERVAL-th seq: the revision's JSON, brotli-compressed;
//   - otherwise a reverse delta: how to turn the next revision's JSON into this one's, found with the
//     Arabic-aware token diff of src/core/diff and stored as copy / skip / insert steps.
// Reading revision r starts at the nearest keyframe or whole row above it and walks down, so at most
// KEYFRAME_INTERVAL - 1 deltas are applied; saving packs the previous newest revision against the new one,
// both already in hand.
//
// Blob layout (append-only: a stored blob must stay readable by every later version):
//   byte 0: kind (1 keyframe, brotli JSON; 2 delta, UTF-8 JSON steps; 3 delta, deflate-raw JSON steps)
//   byte 1: flags (bit 0: the plain text is derived from the content; the plain_text column is then '')
//   bytes 2…: payload
// Delta steps are one JSON array: a positive number copies that many UTF-16 units of the base, a negative
// number skips that many, a string is inserted. The steps must consume the base exactly.
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants,
  deflateRawSync,
  inflateRawSync,
} from 'node:zlib';
import { diffSequences, tokenize } from '../../core/diff';
import { AppError } from '../../core/ipc/contract';

/** Every seq divisible by this is stored as a keyframe once it is no longer the newest revision. */
export const KEYFRAME_INTERVAL = 64;

export const PACKED_KEYFRAME = 1;
export const PACKED_DELTA = 2;
export const PACKED_DELTA_DEFLATED = 3;

const FLAG_PLAIN_DERIVED = 1;

/**
 * A delta bigger than this share of the revision's own JSON is not worth a chain step: the revision is
 * stored as a keyframe instead (a restore of an old revision, a pasted replacement).
 */
const MAX_DELTA_SHARE = 0.25;
/** Delta steps shorter than this (in bytes) are stored as they are: deflate cannot win on them. */
const DEFLATE_FROM = 200;
/** The token diff of the changed middle gives up beyond this many token edits (the delta stays exact). */
const MAX_TOKEN_EDITS = 4000;
// Quality 5 compresses a 5,000-word article in a few milliseconds, within ~10% of quality 11 (which takes
// over 100 ms: too slow for a save).
const BROTLI_QUALITY = 5;

export type DeltaStep = number | string;

export function isKeyframe(packed: Uint8Array): boolean {
  return packed[0] === PACKED_KEYFRAME;
}

/** Whether the plain text of a packed revision is derived from its content (else it is in the column). */
export function plainTextDerived(packed: Uint8Array): boolean {
  return ((packed[1] ?? 0) & FLAG_PLAIN_DERIVED) !== 0;
}

/**
 * Packs an older revision's JSON `text`: a keyframe when `seq` falls on the interval (or the delta would be
 * large), else a reverse delta from `successor` (the JSON of the next revision).
 */
export function packRevision(seq: number, text: string, successor: string, plainDerived: boolean): Buffer {
  const flags = plainDerived ? FLAG_PLAIN_DERIVED : 0;
  if (seq % KEYFRAME_INTERVAL !== 0) {
    const json = JSON.stringify(diffStrings(successor, text));
    if (json.length <= text.length * MAX_DELTA_SHARE) {
      const raw = Buffer.from(json, 'utf8');
      if (raw.length >= DEFLATE_FROM) {
        const deflated = deflateRawSync(raw);
        if (deflated.length < raw.length) return withHeader(PACKED_DELTA_DEFLATED, flags, deflated);
      }
      return withHeader(PACKED_DELTA, flags, raw);
    }
  }
  const utf8 = Buffer.from(text, 'utf8');
  const compressed = brotliCompressSync(utf8, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: utf8.length,
    },
  });
  return withHeader(PACKED_KEYFRAME, flags, compressed);
}

/** The JSON of a keyframe. */
export function unpackKeyframe(packed: Uint8Array): string {
  if (packed[0] !== PACKED_KEYFRAME) throw corrupt('a keyframe was expected');
  return brotliDecompressSync(payload(packed)).toString('utf8');
}

/** The JSON of a delta-packed revision, given the JSON of the revision after it. */
export function unpackDelta(packed: Uint8Array, successor: string): string {
  let json: string;
  if (packed[0] === PACKED_DELTA) json = Buffer.from(payload(packed)).toString('utf8');
  else if (packed[0] === PACKED_DELTA_DEFLATED) json = inflateRawSync(payload(packed)).toString('utf8');
  else throw corrupt(`unknown packed kind ${packed[0]}`);
  return applyDelta(successor, JSON.parse(json) as DeltaStep[]);
}

/**
 * The steps that turn `base` into `target`: the common prefix and suffix are copied, and the middle is
 * diffed token by token (words, spaces, punctuation) so that scattered edits stay small.
 */
export function diffStrings(base: string, target: string): DeltaStep[] {
  const max = Math.min(base.length, target.length);
  let pre = 0;
  while (pre < max && base.charCodeAt(pre) === target.charCodeAt(pre)) pre++;
  let suf = 0;
  while (
    suf < max - pre &&
    base.charCodeAt(base.length - 1 - suf) === target.charCodeAt(target.length - 1 - suf)
  ) {
    suf++;
  }
  const steps = new StepBuilder();
  steps.copy(pre);
  const a = base.slice(pre, base.length - suf);
  const b = target.slice(pre, target.length - suf);
  if (a.length === 0 || b.length === 0) {
    steps.skip(a.length);
    steps.insert(b);
  } else {
    const ta = tokenize(a);
    const tb = tokenize(b);
    const ids = new Map<string, number>();
    const id = (s: string): number => {
      let v = ids.get(s);
      if (v === undefined) {
        v = ids.size;
        ids.set(s, v);
      }
      return v;
    };
    const ia = Int32Array.from(ta, (t) => id(t.text));
    const ib = Int32Array.from(tb, (t) => id(t.text));
    const { runs } = diffSequences(ia, ib, { maxEdits: MAX_TOKEN_EDITS });
    const length = (ts: readonly { text: string }[], from: number, to: number): number => {
      let n = 0;
      for (let i = from; i < to; i++) n += ts[i]!.text.length;
      return n;
    };
    for (const r of runs) {
      if (r.kind === 'equal') steps.copy(length(ta, r.aFrom, r.aTo));
      else if (r.kind === 'delete') steps.skip(length(ta, r.aFrom, r.aTo));
      else
        steps.insert(
          tb
            .slice(r.bFrom, r.bTo)
            .map((t) => t.text)
            .join(''),
        );
    }
  }
  steps.copy(suf);
  return steps.steps;
}

/** `base` with the steps applied; throws AppError('database') when the steps were made from another text. */
export function applyDelta(base: string, steps: readonly DeltaStep[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const s of steps) {
    if (typeof s === 'string') parts.push(s);
    else if (s > 0) {
      if (at + s > base.length) throw corrupt('a delta copies past the end of its base');
      parts.push(base.slice(at, at + s));
      at += s;
    } else if (s < 0) {
      at -= s;
      if (at > base.length) throw corrupt('a delta skips past the end of its base');
    } else throw corrupt('a delta holds an empty step');
  }
  if (at !== base.length) throw corrupt('a delta does not cover its base');
  return parts.join('');
}

/** Merges neighbouring steps of one kind and leaves out empty ones. */
class StepBuilder {
  readonly steps: DeltaStep[] = [];
  copy(n: number): void {
    this.push(n);
  }
  skip(n: number): void {
    this.push(-n);
  }
  insert(s: string): void {
    if (s.length === 0) return;
    const last = this.steps[this.steps.length - 1];
    if (typeof last === 'string') this.steps[this.steps.length - 1] = last + s;
    else this.steps.push(s);
  }
  private push(n: number): void {
    if (n === 0) return;
    const last = this.steps[this.steps.length - 1];
    if (typeof last === 'number' && Math.sign(last) === Math.sign(n))
      this.steps[this.steps.length - 1] = last + n;
    else this.steps.push(n);
  }
}

function withHeader(kind: number, flags: number, body: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(body.length + 2);
  out[0] = kind;
  out[1] = flags;
  out.set(body, 2);
  return out;
}

function payload(packed: Uint8Array): Uint8Array {
  return packed.subarray(2);
}

function corrupt(detail: string): AppError {
  return new AppError(
    'database',
    `A stored revision cannot be read back (${detail}); the database is damaged.`,
  );
}
