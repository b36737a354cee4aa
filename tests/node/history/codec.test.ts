// The revision codec on its own: deltas turn one text into another exactly, whatever the characters; the
// packed forms are small; a damaged or misapplied blob is refused instead of read as some other content.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/core/ipc/contract';
import {
  applyDelta,
  diffStrings,
  KEYFRAME_INTERVAL,
  packRevision,
  plainTextDerived,
  unpackDelta,
  unpackKeyframe,
} from '../../../src/node/store/revisionCodec';
import { contentOf, loadCorpus } from '../store/testFiles';
import { randomEdit, seeded } from './edits';

const text = fc.string({ unit: 'binary', maxLength: 300 });
/** A text and an edited copy: splices of random strings into random places. */
const edited = fc
  .tuple(text, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), text), { maxLength: 6 }))
  .map(([a, edits]) => {
    let b = a;
    for (const [at, del, ins] of edits) {
      const i = at % (b.length + 1);
      b = b.slice(0, i) + ins + b.slice(i + del);
    }
    return [a, b] as const;
  });

const article = (() => {
  const a = loadCorpus().find((x) => x.content.length > 5000)!;
  return contentOf(a.title, a.content.split(/\n+/).filter(Boolean));
})();

describe('revision codec', () => {
  it('a delta rebuilds the target exactly, lone surrogates and all', () => {
    fc.assert(
      fc.property(fc.oneof(edited, fc.tuple(text, text)), ([a, b]) => {
        expect(applyDelta(a, diffStrings(a, b))).toBe(b);
        // A large change is packed as a keyframe (UTF-8: stored JSON is always well-formed text).
        const packed = packRevision(1, b, a, true);
        if (packed[0] !== 1) expect(unpackDelta(packed, a)).toBe(b);
        else if (!/\p{Cs}/u.test(b)) expect(unpackKeyframe(packed)).toBe(b);
      }),
      { numRuns: 500 },
    );
  });

  it('one word changed in a long article is a delta of a few dozen bytes', () => {
    const base = JSON.stringify(article);
    const next = JSON.stringify(randomEdit(article, seeded(1)));
    const packed = packRevision(2, base, next, true);
    expect(packed.length).toBeLessThan(80);
    expect(unpackDelta(packed, next)).toBe(base);
    expect(plainTextDerived(packed)).toBe(true);
    expect(plainTextDerived(packRevision(2, base, next, false))).toBe(false);
  });

  it('packs a keyframe on the interval, and instead of a delta that would be large', () => {
    const json = JSON.stringify(article);
    const key = packRevision(KEYFRAME_INTERVAL, json, json, true);
    expect(key[0]).toBe(1);
    expect(key.length).toBeLessThan(Buffer.byteLength(json) / 3);
    expect(unpackKeyframe(key)).toBe(json);
    // A restore of something entirely different: a keyframe, not a delta as big as the text.
    const other = JSON.stringify({
      ...article,
      body: article.body.map((b) => ({ ...b, text: [...b.text].reverse().join('') })),
    });
    expect(packRevision(5, json, other, true)[0]).toBe(1);
  });

  it('refuses a delta applied to a text it was not made from, and a blob of unknown kind', () => {
    const steps = diffStrings('الحكومة أعلنت أمس', 'الحكومة أعلنت اليوم');
    expect(() => applyDelta('نص آخر أقصر', steps)).toThrow(AppError);
    expect(() => applyDelta('الحكومة أعلنت أمس وزيادة', steps)).toThrow(/damaged/);
    expect(() => unpackDelta(Buffer.from([9, 0, 1]), 'x')).toThrow(AppError);
    expect(() => unpackKeyframe(Buffer.from([2, 0, 1]))).toThrow(AppError);
  });
});
