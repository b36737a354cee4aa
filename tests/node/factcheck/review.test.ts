// Fact checking the seed article on a real database file: verification against attached sources (hamza
// variants, an added word, no source), people's decisions that verification never overwrites, waivers with
// reasons, claims marked by hand, the audit trail, comment threads across revisions, and the report.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleContent } from '../../../src/core/article/model';
import { FactcheckReport, type QuoteReviewItem } from '../../../src/core/factcheck';
import { AppError } from '../../../src/core/ipc/contract';
import { importDocument, saveRevision, showArticle } from '../../../src/node/services';
import {
  addClaim,
  addComment,
  countOpenThreads,
  factcheckReport,
  listAuditEntries,
  listQuoteReviews,
  listThreads,
  reopenThread,
  resolveThread,
  updateQuoteReview,
  verifyArticleQuotes,
} from '../../../src/node/services/factcheck';
import { addSourceText, detachSourceFromArticle } from '../../../src/node/services/factcheckSources';
import { openDatabase } from '../../../src/node/store/db';
import { seedBytes, tempDir } from '../store/testFiles';

const tmp = tempDir('tadqiq-review-');
let db: Database.Database;
afterAll(() => tmp.cleanup());

const LAVROV =
  'التوقيع المرتقب على معاهدة الشراكة الاستراتيجية الشاملة بين روسيا وإيران من شأنه أن يعزز العلاقات الروسية الإيرانية بشكل كبير';
/** The same words as an agency wrote them: other hamza forms, ى/ي, ة/ه, diacritics, tatweel. */
const LAVROV_VARIANT =
  'التوقيع المرتقب علي معاهده الشراكه الإستراتيجيه الشامله بين روسيا وايران من شأنِه ان يعـزز العلاقات الروسيه الايرانيه بشكل كبير';

async function importSeed(): Promise<string> {
  const o = await importDocument(
    db,
    { bytes: seedBytes(), fileName: 'seed.txt' },
    { author: 'سارة', allowDuplicate: true },
  );
  if (o.kind !== 'imported') throw new Error('seed not imported');
  return o.id;
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

const speech = (items: QuoteReviewItem[]): QuoteReviewItem[] => items.filter((q) => q.kind === 'speech');
const lavrovOf = (items: QuoteReviewItem[]): QuoteReviewItem => items.find((q) => q.text === LAVROV)!;

beforeAll(() => {
  db = openDatabase(tmp.file('review.db'));
});
afterAll(() => db.close());

describe('verification of the seed against attached sources', () => {
  let id: string;
  beforeAll(async () => {
    id = await importSeed();
  });

  it('lists the quotes of the latest revision as pending before anything was checked', () => {
    const items = listQuoteReviews(db, id);
    expect(speech(items).map((q) => q.speaker)).toEqual(['سيرجي لافروف', 'سيرجي لافروف', 'يوري أوشاكوف']);
    expect(
      items.every((q) => q.status === 'pending' && q.checkedBy === null && q.verification === null),
    ).toBe(true);
    expect(items.find((q) => q.kind === 'naming')?.text).toBe('تاس');
  });

  it('without any source every speech quote is not found', () => {
    const items = verifyArticleQuotes(db, id, { author: 'منى' });
    for (const q of speech(items)) {
      expect(q.status).toBe('not_found');
      expect(q.decidedBy).toBe('auto');
      expect(q.checkedBy).toBe('منى');
      expect(q.verification?.source).toBeNull();
    }
    // Quoted names and claims are not verified against sources.
    expect(items.filter((q) => q.kind !== 'speech').every((q) => q.status === 'pending')).toBe(true);
  });

  it('a source spelling the Lavrov quote with other hamza forms verifies it; the others stay not found', () => {
    const src = addSourceText(db, {
      articleId: id,
      title: 'تاس: لافروف في مينسك',
      url: 'https://tass.example/lavrov',
      text: `قال سيرغي لافروف في مينسك إن «${LAVROV_VARIANT}». وتحدث عن قضايا أخرى.`,
    }).source;
    const items = verifyArticleQuotes(db, id, { author: 'منى' });
    const lavrov = lavrovOf(items);
    expect(lavrov.status).toBe('verified');
    expect(lavrov.sourceId).toBe(src.id);
    expect(lavrov.sourceTitle).toBe('تاس: لافروف في مينسك');
    expect(lavrov.verification?.sourceText).toBe(LAVROV_VARIANT);
    expect(lavrov.verification?.diff).toEqual([{ op: 'equal', text: LAVROV }]);
    const others = speech(items).filter((q) => q !== lavrov);
    expect(others.map((q) => q.status)).toEqual(['not_found', 'not_found']);
    // Stored: a fresh read gives the same.
    expect(lavrovOf(listQuoteReviews(db, id)).status).toBe('verified');
  });

  it('a source without a word the article has gives a discrepancy naming that word', () => {
    for (const s of listQuoteReviews(db, id)
      .filter((q) => q.sourceId)
      .map((q) => q.sourceId!))
      detachSourceFromArticle(db, { articleId: id, sourceId: s });
    addSourceText(db, {
      articleId: id,
      title: 'نص البيان',
      text: `وقال: «${LAVROV.replace(' المرتقب', '')}».`,
    });
    const lavrov = lavrovOf(verifyArticleQuotes(db, id, { author: 'منى' }));
    expect(lavrov.status).toBe('discrepancy');
    expect(lavrov.verification?.diff.filter((d) => d.op !== 'equal')).toEqual([
      { op: 'insert', text: 'المرتقب' },
    ]);
  });

  it('writes an audit row for every status the verification changed, with its evidence', () => {
    const rows = listAuditEntries(db, id).filter((r) => r.action === 'quote.status');
    const lavrovId = lavrovOf(listQuoteReviews(db, id)).id;
    const lavrovRows = rows.filter((r) => r.detail.quoteId === lavrovId);
    expect(lavrovRows.map((r) => [r.detail.from, r.detail.to])).toEqual([
      ['pending', 'not_found'],
      ['not_found', 'verified'],
      ['verified', 'discrepancy'],
    ]);
    const last = lavrovRows[2]!;
    expect(last.actor).toBe('منى');
    expect(last.detail.by).toBe('verification');
    expect(last.detail.evidence).toMatchObject({
      sourceTitle: 'نص البيان',
      changes: [{ op: 'insert', text: 'المرتقب' }],
    });
    // Re-running with nothing changed writes no new status rows.
    verifyArticleQuotes(db, id, { author: 'منى' });
    expect(listAuditEntries(db, id).filter((r) => r.action === 'quote.status')).toHaveLength(rows.length);
  });
});

describe('people’s decisions', () => {
  let id: string;
  let ushakov: QuoteReviewItem;
  beforeAll(async () => {
    id = await importSeed();
    ushakov = speech(listQuoteReviews(db, id)).find((q) => q.speaker === 'يوري أوشاكوف')!;
  });

  it('waiving needs a reason', () => {
    expect(codeOf(() => updateQuoteReview(db, { id, quoteId: ushakov.id, status: 'waived' }))).toBe(
      'bad_request',
    );
    expect(
      codeOf(() => updateQuoteReview(db, { id, quoteId: ushakov.id, status: 'waived', waivedReason: '  ' })),
    ).toBe('bad_request');
    expect(codeOf(() => updateQuoteReview(db, { id, quoteId: ushakov.id, waivedReason: 'سبب' }))).toBe(
      'bad_request',
    );
    expect(listQuoteReviews(db, id).find((q) => q.id === ushakov.id)!.status).toBe('pending');
    const w = updateQuoteReview(db, {
      id,
      quoteId: ushakov.id,
      status: 'waived',
      waivedReason: 'تصريح متلفز، لا نص مكتوب له',
      author: 'منى',
    });
    expect(w).toMatchObject({
      status: 'waived',
      waivedReason: 'تصريح متلفز، لا نص مكتوب له',
      decidedBy: 'manual',
      checkedBy: 'منى',
    });
  });

  it('corrects a speaker and keeps notes; verification keeps both and the waiver', () => {
    const lavrov = lavrovOf(listQuoteReviews(db, id));
    const c = updateQuoteReview(db, {
      id,
      quoteId: lavrov.id,
      speaker: 'سيرغي لافروف',
      note: 'الاسم كما تكتبه الوكالة',
    });
    expect(c).toMatchObject({
      speaker: 'سيرغي لافروف',
      detectedSpeaker: 'سيرجي لافروف',
      speakerCorrected: true,
      note: 'الاسم كما تكتبه الوكالة',
      status: 'pending',
    });
    addSourceText(db, { articleId: id, title: 'المصدر', text: `«${LAVROV_VARIANT}»` });
    const after = verifyArticleQuotes(db, id, { author: 'آلة' });
    const l = lavrovOf(after);
    expect(l).toMatchObject({
      status: 'verified',
      speaker: 'سيرغي لافروف',
      speakerCorrected: true,
      note: 'الاسم كما تكتبه الوكالة',
    });
    const u = after.find((q) => q.id === ushakov.id)!;
    expect(u).toMatchObject({
      status: 'waived',
      waivedReason: 'تصريح متلفز، لا نص مكتوب له',
      checkedBy: 'منى',
    });
    // The machine's evidence is still recorded beside the person's decision.
    expect(u.verification?.status).toBe('not_found');
  });

  it('a status set by hand stands against later verification; clearing the speaker brings back the detected one', () => {
    const second = speech(listQuoteReviews(db, id))[1]!;
    expect(second.status).toBe('not_found');
    updateQuoteReview(db, {
      id,
      quoteId: second.id,
      status: 'verified',
      note: 'تأكدنا بالهاتف',
      author: 'منى',
    });
    expect(verifyArticleQuotes(db, id).find((q) => q.id === second.id)!.status).toBe('verified');
    const lavrov = lavrovOf(listQuoteReviews(db, id));
    const back = updateQuoteReview(db, { id, quoteId: lavrov.id, speaker: null });
    expect(back).toMatchObject({ speaker: 'سيرجي لافروف', speakerCorrected: false });
  });

  it('records who changed what in the audit trail', () => {
    const rows = listAuditEntries(db, id);
    const waived = rows.find((r) => r.action === 'quote.status' && r.detail.to === 'waived')!;
    expect(waived).toMatchObject({
      actor: 'منى',
      detail: { quoteId: ushakov.id, from: 'pending', by: 'person', reason: 'تصريح متلفز، لا نص مكتوب له' },
    });
    const speakers = rows
      .filter((r) => r.action === 'quote.speaker')
      .map((r) => [r.detail.from, r.detail.to]);
    expect(speakers).toEqual([
      ['سيرجي لافروف', 'سيرغي لافروف'],
      ['سيرغي لافروف', 'سيرجي لافروف'],
    ]);
    const manual = rows.find(
      (r) => r.action === 'quote.status' && r.detail.by === 'person' && r.detail.to === 'verified',
    )!;
    expect(manual.detail.from).toBe('not_found');
    expect(rows.every((r) => typeof r.at === 'string' && r.at.length > 0)).toBe(true);
  });

  it('refuses an unknown quote and an update with nothing in it', () => {
    expect(codeOf(() => updateQuoteReview(db, { id, quoteId: 'q9-9-zzz', status: 'verified' }))).toBe(
      'not_found',
    );
    expect(codeOf(() => updateQuoteReview(db, { id, quoteId: ushakov.id }))).toBe('bad_request');
    expect(codeOf(() => listQuoteReviews(db, 'no-such-article'))).toBe('not_found');
  });
});

describe('claims marked by hand', () => {
  it('turns a selection into a claim that follows its words into later revisions', async () => {
    const id = await importSeed();
    const body = showArticle(db, id).article.body;
    const block = body.findIndex((b) => b.text.startsWith('وتعزز روسيا'));
    const text = 'العلاقات العسكرية مع البلدين مصدر قلق بالغ للغرب';
    const from = body[block]!.text.indexOf(text);
    const claim = addClaim(db, {
      id,
      block,
      from: from - 1,
      to: from + text.length + 1,
      speaker: 'المحرر',
      author: 'منى',
    });
    expect(claim).toMatchObject({
      kind: 'claim',
      text,
      block,
      from,
      to: from + text.length,
      status: 'pending',
      speaker: 'المحرر',
      anchored: true,
    });
    // Marking the same words again gives the same claim.
    expect(addClaim(db, { id, block, from, to: from + text.length }).id).toBe(claim.id);
    expect(listAuditEntries(db, id).filter((r) => r.action === 'quote.claim')).toHaveLength(1);
    expect(codeOf(() => addClaim(db, { id, block: 99, from: 0, to: 3 }))).toBe('bad_request');
    expect(codeOf(() => addClaim(db, { id, block, from: 5, to: 5 }))).toBe('bad_request');
    expect(codeOf(() => addClaim(db, { id, block, from: 0, to: 1_000_000 }))).toBe('bad_request');

    updateQuoteReview(db, { id, quoteId: claim.id, status: 'verified', note: 'تقارير البنتاغون' });
    // A new paragraph at the top moves the claim's block; it is found again.
    const content = showArticle(db, id).article;
    const next: ArticleContent = {
      headline: content.headline,
      standfirst: content.standfirst,
      dateline: content.dateline,
      figures: content.figures,
      tags: content.tags,
      related: content.related,
      body: [{ type: 'paragraph', text: 'فقرة جديدة في البداية.' }, ...content.body],
    };
    saveRevision(db, { id, content: next, reason: 'manual', author: 'سارة' });
    const moved = listQuoteReviews(db, id).find((q) => q.id === claim.id)!;
    expect(moved).toMatchObject({
      block: block + 1,
      from,
      status: 'verified',
      note: 'تقارير البنتاغون',
      anchored: true,
    });
    // Once its words are edited away it is still listed, marked as no longer anchored.
    saveRevision(db, {
      id,
      content: { ...next, body: next.body.map((b) => ({ ...b, text: b.text.replace(text, 'كلام آخر') })) },
      reason: 'manual',
    });
    expect(listQuoteReviews(db, id).find((q) => q.id === claim.id)).toMatchObject({
      anchored: false,
      status: 'verified',
    });
  });
});

describe('comment threads', () => {
  it('opens, answers, resolves and reopens threads; they survive a new revision and are counted', async () => {
    const id = await importSeed();
    const t1 = addComment(db, { id, body: 'من أين جاء هذا الرقم؟', author: 'منى' });
    expect(t1.comments).toHaveLength(1);
    expect(t1).toMatchObject({ resolved: false, anchor: null });
    const t2 = addComment(db, { id, body: '<b>لا</b> HTML هنا\r\nسطر ثانٍ', author: 'سارة' });
    // Bodies are plain text, stored as typed (the UI shows them as text).
    expect(t2.comments[0]!.body).toBe('<b>لا</b> HTML هنا\nسطر ثانٍ');
    const reply = addComment(db, { id, threadId: t1.threadId, body: 'من بيان الكرملين', author: 'سارة' });
    expect(reply.comments.map((c) => c.author)).toEqual(['منى', 'سارة']);
    expect(countOpenThreads(db, id)).toBe(2);

    // The editor puts the thread's mark in the document; a new revision carries it.
    const content = showArticle(db, id).article;
    const word = 'المعاهدة';
    const bi = content.body.findIndex((b) => b.text.includes(word));
    const at = content.body[bi]!.text.indexOf(word);
    const body = content.body.map((b, i) =>
      i === bi
        ? {
            ...b,
            marks: [{ type: 'comment', from: at, to: at + word.length, attrs: { thread: t1.threadId } }],
          }
        : b,
    );
    saveRevision(db, {
      id,
      content: {
        headline: content.headline,
        standfirst: content.standfirst,
        dateline: content.dateline,
        figures: content.figures,
        tags: content.tags,
        related: content.related,
        body,
      },
      reason: 'manual',
    });
    const edited = showArticle(db, id).article;
    saveRevision(db, {
      id,
      content: { ...edited, body: [{ type: 'paragraph', text: 'تمهيد.' }, ...edited.body] },
      reason: 'manual',
    });
    const threads = listThreads(db, id);
    expect(threads.map((t) => t.threadId)).toEqual([t1.threadId, t2.threadId]);
    expect(threads[0]!.anchor).toEqual({ block: bi + 1, from: at, to: at + word.length, text: word });
    expect(threads[0]!.comments).toHaveLength(2);

    const resolved = resolveThread(db, { id, threadId: t1.threadId, author: 'منى' });
    expect(resolved).toMatchObject({ resolved: true, resolvedBy: 'منى' });
    expect(countOpenThreads(db, id)).toBe(1);
    expect(reopenThread(db, { id, threadId: t1.threadId }).resolved).toBe(false);
    expect(countOpenThreads(db, id)).toBe(2);
    resolveThread(db, { id, threadId: t1.threadId });
    resolveThread(db, { id, threadId: t2.threadId });
    expect(countOpenThreads(db, id)).toBe(0);
    // A reply to a resolved thread reopens it.
    expect(addComment(db, { id, threadId: t2.threadId, body: 'بقي سؤال' }).resolved).toBe(false);
    expect(countOpenThreads(db, id)).toBe(1);
    const actions = listAuditEntries(db, id)
      .map((r) => r.action)
      .filter((a) => a.startsWith('comment.'));
    expect(actions).toEqual([
      'comment.resolve',
      'comment.reopen',
      'comment.resolve',
      'comment.resolve',
      'comment.reopen',
    ]);

    expect(codeOf(() => addComment(db, { id, threadId: 'nope', body: 'x' }))).toBe('not_found');
    expect(codeOf(() => addComment(db, { id, body: ' \n ' }))).toBe('bad_request');
    expect(codeOf(() => resolveThread(db, { id, threadId: 'nope' }))).toBe('not_found');
  });
});

describe('fact-check report', () => {
  let id: string;
  beforeAll(async () => {
    id = await importSeed();
    addSourceText(db, {
      articleId: id,
      title: 'بيان <script>alert("title")</script>',
      url: 'https://example.org/a?x=1&y=2',
      publisher: 'وكالة "تاس"',
      text: `<script>alert('x')</script> ${LAVROV.replace(' المرتقب', '')} <img src=x onerror=alert(1)>`,
    });
    verifyArticleQuotes(db, id, { author: 'منى' });
    const u = speech(listQuoteReviews(db, id)).find((q) => q.speaker === 'يوري أوشاكوف')!;
    updateQuoteReview(db, {
      id,
      quoteId: u.id,
      status: 'waived',
      waivedReason: 'مقابلة <i>متلفزة</i>',
      note: '</p><script>x()</script>',
    });
  });

  it('gives every speech quote with status, source, passage, diff and counts per status as JSON', () => {
    const report = FactcheckReport.parse(JSON.parse(factcheckReport(db, id, 'json')));
    expect(report.article.id).toBe(id);
    expect(report.quotes.map((q) => q.speaker)).toEqual(['سيرجي لافروف', 'سيرجي لافروف', 'يوري أوشاكوف']);
    const l = report.quotes[0]!;
    expect(l).toMatchObject({ text: LAVROV, status: 'discrepancy', checkedBy: 'منى' });
    expect(l.source?.title).toBe('بيان <script>alert("title")</script>');
    expect(l.diff.filter((d) => d.op !== 'equal')).toEqual([{ op: 'insert', text: 'المرتقب' }]);
    expect(report.summary.byStatus).toEqual({
      pending: 0,
      verified: 0,
      discrepancy: 1,
      not_found: 1,
      waived: 1,
    });
    expect(report.summary).toMatchObject({ total: 3, open: 2 });
    expect(report.quotes[2]).toMatchObject({ status: 'waived', waivedReason: 'مقابلة <i>متلفزة</i>' });
  });

  it('renders a standalone right-to-left HTML document with every hostile string escaped', () => {
    const html = factcheckReport(db, id, 'html');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html dir="rtl" lang="ar">/);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
    // The only tags are the report's own: no script, no img, no i from the source or the note.
    expect(html).not.toMatch(/<script|<img|<i>|onerror=/i);
    expect(html).toContain('بيان &lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    expect(html).toContain('مقابلة &lt;i&gt;متلفزة&lt;/i&gt;');
    expect(html).toContain('&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;');
    expect(html).toContain('<ins>المرتقب</ins>');
    expect(html).toContain('href="https://example.org/a?x=1&amp;y=2"');
    expect(html).toContain('وكالة &quot;تاس&quot;');
    for (const q of [
      'سيرجي لافروف',
      'يوري أوشاكوف',
      'مُعفى من التحقق',
      'مختلف عن المصدر',
      'غير موجود في المصادر',
    ])
      expect(html).toContain(q);
  });
});
