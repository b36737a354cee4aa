// Hunspell as the checker's spelling provider: spelling findings on a real article with real suggestions,
// names of the newsroom list left alone, and the checker going on without spelling when there is no dictionary.
import { afterAll, describe, expect, it } from 'vitest';
import { defaultChecker, documentUnits, type Finding } from '../../../src/core/checker';
import { structureText } from '../../../src/core/import';
import { createSpeller, spellingForCheck } from '../../../src/node/spelling';
import { STARTER_WORDS } from '../../../src/node/store/dictionary';
import { seedBytes, tempDir } from '../store/testFiles';

const speller = createSpeller();
const tmp = tempDir('tadqiq-provider-');
afterAll(async () => {
  await speller.close();
  tmp.cleanup();
});

const newsroom = new Set(STARTER_WORDS);

async function spellingFindings(
  doc: Parameters<typeof documentUnits>[0],
  list = newsroom,
): Promise<Finding[]> {
  const { provider, warning } = await spellingForCheck(
    speller,
    documentUnits(doc).map((u) => u.text),
    list,
  );
  expect(warning).toBeNull();
  return defaultChecker()
    .checkDocumentReport(doc, {}, provider!)
    .findings.filter((f) => f.ruleId === 'spelling.unknown');
}

describe('spelling provider', () => {
  it('flags unknown words as spelling warnings with Hunspell suggestions, at their offsets', async () => {
    const text = 'أعلنت الحكومة عن مركز جديد، وقال لافروف بعد تاكيد الخبر إن الاستراتيجية واضحة.';
    const found = await spellingFindings(
      { headline: 'عنوان', body: [{ type: 'paragraph', text }] },
      new Set(),
    );
    const hamza = found.find((f) => f.text === 'تاكيد');
    expect(hamza).toMatchObject({ category: 'spelling', severity: 'warning', block: 0 });
    expect(text.slice(hamza!.from, hamza!.to)).toBe('تاكيد');
    expect(hamza!.suggestions[0]).toBe('تأكيد');
    expect(found.map((f) => f.text)).toContain('لافروف');
    expect(found.map((f) => f.text)).not.toContain('الاستراتيجية');
  });

  it('leaves the names of the newsroom list alone, with their proclitics', async () => {
    const text = 'وقال لافروف إن بزشكيان سيلتقي بوتين، وأكد أوشاكوف ذلك ولافروف أيضاً.';
    const without = await spellingFindings({ headline: '', body: [{ type: 'paragraph', text }] }, new Set());
    expect(without.map((f) => f.text)).toEqual(
      expect.arrayContaining(['لافروف', 'بزشكيان', 'أوشاكوف', 'ولافروف']),
    );
    const withList = await spellingFindings({ headline: '', body: [{ type: 'paragraph', text }] });
    expect(withList).toEqual([]);
  });

  it('checks the seed article: no spelling alarm on its names once the newsroom list is used', async () => {
    const { content } = structureText(seedBytes().toString('utf8'));
    const flagged = (await spellingFindings(content)).map((f) => f.text);
    for (const name of ['لافروف', 'أوشاكوف', 'بزشكيان', 'ولافروف']) expect(flagged).not.toContain(name);
  });

  it('without a dictionary, gives no provider and the reason, and the checker still runs', async () => {
    const missing = createSpeller({ dictionaryDir: tmp.dir });
    const { provider, warning } = await spellingForCheck(missing, ['قال انشاء'], newsroom);
    expect(provider).toBeNull();
    expect(warning).toMatch(/Arabic dictionary was not found.*Spelling is not checked/);
    const findings = defaultChecker().checkDocument({
      headline: '',
      body: [{ type: 'paragraph', text: 'وقال لافروف، أن "الاتفاق قريب" .' }],
    });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.some((f) => f.category === 'spelling')).toBe(false);
    await missing.close();
  });
});
