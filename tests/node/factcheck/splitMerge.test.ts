// Splitting and merging quotes on the seed article with a real database file: a split gives two speech
// quotes verified on their own, a merge gives one; the quotes they replace leave quotes:list and the approval
// gate while the hand-marked ones stand, every step is in the audit trail, and restoring brings them back
// with the reviews they had. Malformed arguments are refused through the dispatcher.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/core/article/model';
import type { QuoteReviewItem } from '../../../src/core/factcheck';
import { AppError } from '../../../src/core/ipc/contract';
import { createDispatch } from '../../../src/core/ipc/dispatch';
import { createServices, importDocument, saveRevision } from '../../../src/node/services';
import {
  listAuditEntries,
  listQuoteReviews,
  mergeQuotes,
  restoreAutoQuotes,
  splitQuote,
  updateQuoteReview,
  verifyArticleQuotes,
} from '../../../src/node/services/factcheck';
import { addSourceText } from '../../../src/node/services/factcheckSources';
import { articleGates } from '../../../src/node/services/workflow';
import { openDatabase } from '../../../src/node/store/db';
import { latestRevision } from '../../../src/node/store/revisions';
import { seedBytes, tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-split-');
let db: Database.Database;

beforeAll(() => {
  db = openDatabase(tmp.file('split.db'));
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

const USHAKOV_FIRST = 'تم التوصل إلى مثل هذا الاتفاق من أجل عدم التوقيع على هذه الوثيقة المهمة على عجل،';
const USHAKOV_REST_START = 'وتقرر أن يتم التوقيع عليها';

async function importSeed(): Promise<string> {
  const o = await importDocument(
    db,
    { bytes: seedBytes(), fileName: 'seed.txt' },
    { author: 'سارة', allowDuplicate: true },
  );
  if (o.kind !== 'imported') throw new Error('seed not imported');
  return o.id;
}

const speech = (items: QuoteReviewItem[]) => items.filter((q) => q.kind === 'speech');
const ushakovOf = (items: QuoteReviewItem[]) =>
  items.find((q) => q.kind === 'speech' && q.speaker === 'يوري أوشاكوف')!;
const lavrovs = (items: QuoteReviewItem[]) => speech(items).filter((q) => q.speaker === 'سيرجي لافروف');

function content(id: string): ArticleContent {
  return latestRevision(db, id)!.content;
}

/** Ids of the quotes the approval gate still holds against the article. */
function gateQuoteIds(id: string): string[] {
  const g = articleGates(db, id, content(id)).find((x) => x.id === 'quotes')!;
  return g.items.filter((i) => !i.ok).map((i) => i.id.replace(/^quotes:/, ''));
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('splitting the Ushakov quote', () => {
  let id: string;
  let whole: QuoteReviewItem;
  let halves: QuoteReviewItem[];
  beforeAll(async () => {
    id = await importSeed();
    whole = ushakovOf(listQuoteReviews(db, id));
    // A review of the whole quote, to find again after the split is undone.
    updateQuoteReview(db, { id, quoteId: whole.id, note: 'ملاحظة على الاقتباس كله', author: 'منى' });
  });

  it('at a comma gives two hand-marked speech quotes with the same speaker', () => {
    const at = whole.text.indexOf('،') + 1;
    halves = splitQuote(db, { id, quoteId: whole.id, at, author: 'منى' });
    expect(halves).toHaveLength(2);
    expect(halves[0]!.text).toBe(USHAKOV_FIRST);
    expect(halves[1]!.text.startsWith(USHAKOV_REST_START)).toBe(true);
    expect(halves[1]!.text.endsWith('في المستقبل القريب جداً')).toBe(true);
    for (const h of halves) {
      expect(h).toMatchObject({ kind: 'speech', speaker: 'يوري أوشاكوف', status: 'pending', anchored: true });
      expect(h.replaces).toEqual([whole.id]);
      expect(h.id.startsWith('h')).toBe(true);
    }
    // The halves sit exactly on the article's words.
    const body = content(id).body;
    for (const h of halves) expect(body[h.block]!.text.slice(h.from, h.to)).toBe(h.text);
  });

  it('takes the whole quote out of quotes:list and the approval gate, puts the halves in', () => {
    const items = listQuoteReviews(db, id);
    expect(items.some((q) => q.id === whole.id)).toBe(false);
    expect(speech(items).map((q) => q.id)).toEqual(expect.arrayContaining(halves.map((h) => h.id)));
    expect(speech(items)).toHaveLength(4);
    const gate = gateQuoteIds(id);
    expect(gate).not.toContain(whole.id);
    expect(gate).toEqual(expect.arrayContaining(halves.map((h) => h.id)));
  });

  it('verifies each half on its own against a source that has them apart', () => {
    const rest = halves[1]!.text;
    addSourceText(db, {
      articleId: id,
      title: 'تاس: أوشاكوف',
      text: `قال أوشاكوف: «${USHAKOV_FIRST.replace('،', '.')}» ثم تحدث عن أمور أخرى طويلاً. وأضاف لاحقاً: «${rest}».`,
    });
    const items = verifyArticleQuotes(db, id, { author: 'منى' });
    for (const h of halves) {
      const q = items.find((i) => i.id === h.id)!;
      expect(q.status, q.text).toBe('verified');
      expect(q.sourceTitle).toBe('تاس: أوشاكوف');
    }
    expect(items.some((q) => q.id === whole.id)).toBe(false);
    // Both halves verified: only the Lavrov quotes still hold the gate.
    expect(gateQuoteIds(id).sort()).toEqual(
      lavrovs(items)
        .map((q) => q.id)
        .sort(),
    );
  });

  it('keeps the halves on their words when the text above them changes', () => {
    const c = content(id);
    const block = halves[0]!.block;
    const body = c.body.map((b, i) => (i === block ? { ...b, text: `وفي تصريح آخر، ${b.text}` } : b));
    saveRevision(db, { id, content: { ...c, body }, reason: 'manual', author: 'سارة' });
    const items = listQuoteReviews(db, id);
    for (const h of halves) {
      const q = items.find((i) => i.id === h.id)!;
      expect(q.anchored).toBe(true);
      expect(q.status).toBe('verified');
      expect(content(id).body[q.block]!.text.slice(q.from, q.to)).toBe(h.text);
    }
  });

  it('writes the split to the audit trail', () => {
    const rows = listAuditEntries(db, id).filter((r) => r.action === 'quote.split');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: 'منى',
      detail: { quoteId: whole.id, speaker: 'يوري أوشاكوف', into: halves.map((h) => h.id) },
    });
  });

  it('restoring drops both halves and brings back the whole quote with its review', () => {
    const restored = restoreAutoQuotes(db, { id, quoteId: halves[1]!.id, author: 'منى' });
    // Ids come from the quote's own words: the phrase added before it did not change it.
    expect(restored.map((q) => q.id)).toEqual([whole.id]);
    expect(restored[0]!.note).toBe('ملاحظة على الاقتباس كله');
    const items = listQuoteReviews(db, id);
    expect(items.some((q) => halves.some((h) => h.id === q.id))).toBe(false);
    expect(speech(items)).toHaveLength(3);
    const rows = listAuditEntries(db, id).filter((r) => r.action === 'quote.restore');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail).toMatchObject({ dropped: expect.arrayContaining(halves.map((h) => h.id)) });
  });
});

describe('restore after a split in unchanged text', () => {
  it('brings the quote back with the note it had', async () => {
    const id = await importSeed();
    const whole = ushakovOf(listQuoteReviews(db, id));
    updateQuoteReview(db, { id, quoteId: whole.id, note: 'ملاحظة', author: 'منى' });
    const halves = splitQuote(db, { id, quoteId: whole.id, at: whole.text.indexOf('،') + 1 });
    expect(gateQuoteIds(id)).not.toContain(whole.id);
    const restored = restoreAutoQuotes(db, { id, quoteId: halves[0]!.id });
    expect(restored.map((q) => q.id)).toEqual([whole.id]);
    expect(restored[0]!.note).toBe('ملاحظة');
    expect(ushakovOf(listQuoteReviews(db, id)).id).toBe(whole.id);
    expect(gateQuoteIds(id)).toContain(whole.id);
    expect(gateQuoteIds(id).some((k) => halves.some((h) => h.id === k))).toBe(false);
  });

  it('refuses a split inside a word, at an end, or of a quoted name, and changes nothing', async () => {
    const id = await importSeed();
    const items = listQuoteReviews(db, id);
    const whole = ushakovOf(items);
    const naming = items.find((q) => q.kind === 'naming')!;
    expect(codeOf(() => splitQuote(db, { id, quoteId: whole.id, at: 1 }))).toBe('bad_request');
    expect(codeOf(() => splitQuote(db, { id, quoteId: whole.id, at: whole.text.length }))).toBe(
      'bad_request',
    );
    expect(codeOf(() => splitQuote(db, { id, quoteId: naming.id, at: 1 }))).toBe('bad_request');
    expect(codeOf(() => splitQuote(db, { id, quoteId: 'q99-nothing', at: 3 }))).toBe('not_found');
    expect(codeOf(() => restoreAutoQuotes(db, { id, quoteId: whole.id }))).toBe('bad_request');
    expect(listQuoteReviews(db, id)).toEqual(items);
  });
});

describe('merging the two Lavrov quotes', () => {
  let id: string;
  let pair: QuoteReviewItem[];
  let merged: QuoteReviewItem;
  beforeAll(async () => {
    id = await importSeed();
    pair = lavrovs(listQuoteReviews(db, id));
    expect(pair).toHaveLength(2);
    expect(pair[1]!.block).toBe(pair[0]!.block + 1);
  });

  it('gives one hand-marked speech quote over both paragraphs, speaker of the first', () => {
    merged = mergeQuotes(db, { id, quoteIds: pair.map((q) => q.id), author: 'منى' });
    expect(merged).toMatchObject({ kind: 'speech', speaker: 'سيرجي لافروف', anchored: true });
    expect(merged.text).toBe(`${pair[0]!.text}\n${pair[1]!.text}`);
    expect(merged.parts).toEqual([...pair[0]!.parts, ...pair[1]!.parts]);
    expect(merged.replaces).toEqual(pair.map((q) => q.id).sort());
  });

  it('leaves one Lavrov quote in quotes:list and in the gate', () => {
    const items = listQuoteReviews(db, id);
    expect(lavrovs(items).map((q) => q.id)).toEqual([merged.id]);
    expect(speech(items)).toHaveLength(2);
    const gate = gateQuoteIds(id);
    expect(gate).toContain(merged.id);
    for (const q of pair) expect(gate).not.toContain(q.id);
  });

  it('is verified like an extracted quote against a source that says it in one go', () => {
    addSourceText(db, {
      articleId: id,
      title: 'بيان الخارجية',
      text: `قال لافروف إن «${pair[0]!.text}، ${pair[1]!.text}». ثم انتقل إلى ملفات أخرى.`,
    });
    const q = verifyArticleQuotes(db, id).find((i) => i.id === merged.id)!;
    expect(q.status).toBe('verified');
    expect(gateQuoteIds(id)).not.toContain(merged.id);
  });

  it('is written to the audit trail, and restoring brings both quotes back', () => {
    const row = listAuditEntries(db, id).find((r) => r.action === 'quote.merge')!;
    expect(row).toMatchObject({
      actor: 'منى',
      detail: { quoteIds: pair.map((q) => q.id), into: merged.id, speaker: 'سيرجي لافروف' },
    });
    const back = restoreAutoQuotes(db, { id, quoteId: merged.id, author: 'منى' });
    expect(back.map((q) => q.id)).toEqual(pair.map((q) => q.id));
    expect(lavrovs(listQuoteReviews(db, id)).map((q) => q.id)).toEqual(pair.map((q) => q.id));
    expect(gateQuoteIds(id)).toEqual(expect.arrayContaining(pair.map((q) => q.id)));
    expect(listAuditEntries(db, id).filter((r) => r.action === 'quote.restore')).toHaveLength(1);
  });

  it('a half of a split merged with the next quote joins one group that restores as a whole', () => {
    const items = listQuoteReviews(db, id);
    const [first, second] = lavrovs(items);
    const halves = splitQuote(db, { id, quoteId: first!.id, at: first!.text.indexOf(' من شأنه') });
    const m = mergeQuotes(db, { id, quoteIds: [second!.id, halves[1]!.id], speaker: 'لافروف' });
    expect(m.speaker).toBe('لافروف');
    expect(m.replaces).toEqual([first!.id, second!.id].sort());
    const now = listQuoteReviews(db, id);
    expect(now.map((q) => q.id)).toEqual(expect.arrayContaining([halves[0]!.id, m.id]));
    expect(now.some((q) => q.id === halves[1]!.id)).toBe(false);
    restoreAutoQuotes(db, { id, quoteId: halves[0]!.id });
    expect(lavrovs(listQuoteReviews(db, id)).map((q) => q.id)).toEqual([first!.id, second!.id]);
  });

  it('refuses merging one quote, a quote with itself, or a quoted name', () => {
    const items = listQuoteReviews(db, id);
    const [a, b] = lavrovs(items);
    const naming = items.find((q) => q.kind === 'naming')!;
    expect(codeOf(() => mergeQuotes(db, { id, quoteIds: [a!.id, a!.id] }))).toBe('bad_request');
    expect(codeOf(() => mergeQuotes(db, { id, quoteIds: [a!.id, naming.id] }))).toBe('bad_request');
    expect(codeOf(() => mergeQuotes(db, { id, quoteIds: [a!.id, b!.id, 'q1-none'] }))).toBe('not_found');
    expect(listQuoteReviews(db, id)).toEqual(items);
  });
});

describe('the split and merge channels', () => {
  it('refuse malformed arguments with bad_request through the dispatcher', async () => {
    const internal: unknown[] = [];
    const dispatch = createDispatch(createServices(db), (_c, e) => internal.push(e));
    const id = await importSeed();
    const cases: [string, unknown][] = [
      ['quotes:split', { id }],
      ['quotes:split', { id, quoteId: 'q1-a' }],
      ['quotes:split', { id, quoteId: 'q1-a', at: 0 }],
      ['quotes:split', { id, quoteId: 'q1-a', at: 2.5 }],
      ['quotes:split', { id, quoteId: '', at: 3 }],
      ['quotes:split', { id, quoteId: 'q1-a', at: 3, extra: true }],
      ['quotes:merge', { id, quoteIds: ['q1-a'] }],
      ['quotes:merge', { id, quoteIds: 'q1-a,q2-b' }],
      ['quotes:merge', { id, quoteIds: ['q1-a', 7] }],
      ['quotes:merge', { quoteIds: ['q1-a', 'q2-b'] }],
      ['quotes:restoreAuto', { id }],
      ['quotes:restoreAuto', { id, quoteId: 5 }],
    ];
    for (const [channel, arg] of cases) {
      const r = await dispatch(channel, arg);
      expect(r, `${channel} ${JSON.stringify(arg)}`).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
    }
    // Well-formed but wrong: a split inside a word is refused with its reason, nothing is stored.
    const before = await dispatch('quotes:list', { id });
    const q = (before as { value: QuoteReviewItem[] }).value.find((i) => i.kind === 'speech')!;
    const r = await dispatch('quotes:split', { id, quoteId: q.id, at: 1 });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/word/) },
    });
    expect(await dispatch('quotes:list', { id })).toEqual(before);
    // And a good one goes through.
    const ok = await dispatch('quotes:split', { id, quoteId: q.id, at: q.text.indexOf(' ') });
    expect(ok).toMatchObject({ ok: true, value: [{ kind: 'speech' }, { kind: 'speech' }] });
    expect(internal).toEqual([]);
  });
});
