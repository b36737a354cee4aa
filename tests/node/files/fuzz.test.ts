// Property test: any bytes under any accepted name either import into a valid article or fail with an
// AppError carrying one of the contract's codes — never another exception.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readDocument } from '../../../src/node/files/readDocument';
import { ArticleContent } from '../../../src/core/article/model';
import { AppError, ERROR_CODES } from '../../../src/core/ipc/contract';
import { buildDocx } from './encodeFixtures';

const names = fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.docx', 'noext', 'a.TEXT', 'a.pdf');

describe('readDocument on arbitrary bytes', () => {
  it('returns a valid article or throws an AppError with a known code', async () => {
    const good = buildDocx([{ text: 'عنوان' }, { text: 'فقرة من النص.' }]);
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 600 }),
      fc.string({ maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
      // A real DOCX with a few bytes overwritten: damaged packages must fail cleanly.
      fc
        .array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 })
        .map((edits) => {
          const b = good.slice();
          for (const [at, v] of edits) b[at] = v;
          return b;
        }),
    );
    await fc.assert(
      fc.asyncProperty(bytes, names, async (b, name) => {
        try {
          const doc = await readDocument(b, name);
          expect(ArticleContent.safeParse(doc.content).success).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
          expect(ERROR_CODES).toContain((e as AppError).code);
          expect((e as AppError).message).toContain(name);
        }
      }),
      { numRuns: 300 },
    );
  });
});
