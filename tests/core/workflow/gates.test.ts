// The workflow as data (who may move an article where) and the approval gates over the seed article.
import { describe, expect, it } from 'vitest';
import { structureText } from '../../../src/core/import';
import { extractQuotes } from '../../../src/core/quotes';
import {
  allowedMoves,
  approvableFrom,
  evaluateGates,
  findMove,
  MOVE_RULES,
  resolveOverrides,
  WORKING_STATES,
  type GateInputs,
} from '../../../src/core/workflow';
import { ARTICLE_STATUSES } from '../../../src/core/article/model';
import { readSeed } from '../import/sharedMaterial';

const seed = structureText(readSeed()).content;

function inputs(over: Partial<GateInputs> = {}): GateInputs {
  return {
    content: seed,
    findings: [],
    quotes: extractQuotes(seed.body),
    reviews: [],
    openThreads: [],
    ...over,
  };
}

describe('moves', () => {
  it('go forward one working step, back to any earlier one, and reach approved only by approval', () => {
    expect(findMove('draft', 'copy-editing')?.kind).toBe('forward');
    expect(findMove('draft', 'fact-checking')).toBeUndefined();
    expect(findMove('ready', 'draft')?.kind).toBe('back');
    expect(findMove('ready', 'approved')?.kind).toBe('approve');
    for (const from of ARTICLE_STATUSES) {
      const toApproved = MOVE_RULES.filter((r) => r.from === from && r.to === 'approved');
      for (const r of toApproved) expect(r.kind).toBe('approve');
    }
    expect(MOVE_RULES.some((r) => r.to === 'changed-after-approval')).toBe(false);
    expect(WORKING_STATES).toEqual(['draft', 'copy-editing', 'fact-checking', 'ready']);
  });

  it('offer each role its own moves: only an editor approves or reopens an approved article', () => {
    expect(allowedMoves('ready', 'copy-editor').map((m) => m.kind)).not.toContain('approve');
    expect(allowedMoves('ready', 'editor').map((m) => m.to)).toContain('approved');
    expect(allowedMoves('fact-checking', 'copy-editor').map((m) => m.to)).not.toContain('ready');
    expect(allowedMoves('fact-checking', 'fact-checker').map((m) => m.to)).toContain('ready');
    expect(allowedMoves('approved', 'fact-checker').filter((m) => m.kind === 'back')).toEqual([]);
    expect(allowedMoves('approved', 'editor').filter((m) => m.kind === 'back')).toHaveLength(4);
    expect(approvableFrom('draft')).toBe(false);
    expect(approvableFrom('changed-after-approval')).toBe(true);
  });
});

describe('gates on the seed article', () => {
  it('flag the missing tags and the unverified speech quotes, and pass what holds', () => {
    const gates = evaluateGates(inputs());
    const byId = Object.fromEntries(gates.map((g) => [g.id, g]));
    expect(byId.tags!.ok).toBe(false);
    expect(byId.tags!.items[0]!.target).toEqual({ kind: 'field', field: 'tags' });
    // Three speech quotes (Lavrov twice, Ushakov once), none reviewed yet; «تاس» is a name, not speech.
    const speech = extractQuotes(seed.body).filter((q) => q.kind === 'speech');
    expect(speech.length).toBe(3);
    expect(byId.quotes!.items.map((i) => i.target)).toEqual(
      speech.map((q) => ({ kind: 'quote', quote: q.id, block: q.block })),
    );
    expect(byId.headline!.ok).toBe(true);
    expect(byId.comments!.ok).toBe(true);
    expect(byId.checker!.ok).toBe(true);
  });

  it('hold approval while a tracked change is neither accepted nor rejected, pointing at it', () => {
    expect(evaluateGates(inputs()).find((g) => g.id === 'suggestions')!.ok).toBe(true);
    const at = '2026-11-29T10:00:00.000Z';
    const text = seed.body[1]!.text;
    const from = text.indexOf('أن "');
    const body = seed.body.map((b, i) =>
      i === 1
        ? {
            ...b,
            text: text.slice(0, from) + 'إن' + text.slice(from),
            marks: [
              { type: 'insertion', from, to: from + 2, attrs: { author: 'ليلى', at } },
              { type: 'deletion', from: from + 2, to: from + 4, attrs: { author: 'ليلى', at } },
            ],
          }
        : b,
    );
    const gate = evaluateGates(inputs({ content: { ...seed, body } })).find((g) => g.id === 'suggestions')!;
    expect(gate.ok).toBe(false);
    expect(gate.items.map((i) => i.target)).toEqual([
      { kind: 'block', block: 1, from, to: from + 2 },
      { kind: 'block', block: 1, from: from + 2, to: from + 4 },
    ]);
    expect(gate.items[0]!.message.ar).toContain('ليلى');
  });

  it('hold a pending headline suggestion open, pointing at the headline', () => {
    const at = '2026-11-29T10:00:00.000Z';
    const headlineMarks = [{ type: 'deletion', from: 0, to: 6, attrs: { author: 'ليلى', at } }];
    const gate = evaluateGates(inputs({ content: { ...seed, headlineMarks } })).find(
      (g) => g.id === 'suggestions',
    )!;
    expect(gate.ok).toBe(false);
    expect(gate.items.map((i) => i.target)).toEqual([{ kind: 'field', field: 'headline' }]);
    expect(gate.items[0]!.message.ar).toContain(seed.headline.slice(0, 6));
  });

  it('clear quotes verified or waived with a reason, but not waived without one', () => {
    const speech = extractQuotes(seed.body).filter((q) => q.kind === 'speech');
    const reviews = [
      { quoteKey: speech[0]!.id, status: 'verified', reason: null },
      { quoteKey: speech[1]!.id, status: 'waived', reason: 'تصريح منشور على موقع الوزارة' },
      { quoteKey: speech[2]!.id, status: 'waived', reason: '  ' },
    ];
    const q = evaluateGates(inputs({ reviews })).find((g) => g.id === 'quotes')!;
    expect(q.items.map((i) => i.id)).toEqual([`quotes:${speech[2]!.id}`]);
  });

  it('point at the field or block of each problem', () => {
    const content = {
      ...seed,
      headline: 'قصير',
      tags: ['روسيا'],
      figures: [{ ...seed.figures[0]!, credit: '', altText: '' }],
    };
    const gates = evaluateGates(
      inputs({
        content,
        findings: [
          {
            ruleId: 'anna-after-qala',
            severity: 'error',
            message: 'إنّ بعد القول',
            block: 2,
            from: 40,
            to: 42,
            text: 'أن',
          },
          { ruleId: 'style', severity: 'warning', message: 'x', block: 1, from: 0, to: 1, text: 'x' },
        ],
        openThreads: [{ id: 't1', excerpt: 'من قال هذا؟' }],
      }),
    );
    const byId = Object.fromEntries(gates.map((g) => [g.id, g]));
    expect(byId.headline!.items[0]!.id).toBe('headline:short');
    expect(byId.tags!.ok).toBe(true);
    expect(byId.figures!.items.map((i) => i.target)).toEqual([
      { kind: 'field', field: 'figures.0.credit' },
      { kind: 'field', field: 'figures.0.altText' },
    ]);
    expect(byId.checker!.items).toHaveLength(1);
    expect(byId.checker!.items[0]!.target).toEqual({ kind: 'block', block: 2, from: 40, to: 42 });
    expect(byId.comments!.items[0]!.target).toEqual({ kind: 'thread', thread: 't1' });
    expect(byId.headline!.message.ar).toContain('قصير');
    expect(byId.headline!.message.en).toContain('too short');
  });

  it('respect the headline limits from settings', () => {
    const tooLong = evaluateGates(inputs({ headline: { min: 5, max: 20 } })).find(
      (g) => g.id === 'headline',
    )!;
    expect(tooLong.items[0]!.id).toBe('headline:long');
    const skipped = evaluateGates(inputs({ findings: null })).find((g) => g.id === 'checker')!;
    expect(skipped).toMatchObject({ ok: true, skipped: true });
  });

  it('need an override with a reason for every failing gate', () => {
    const gates = evaluateGates(inputs());
    const failing = gates.filter((g) => !g.ok).map((g) => g.id);
    expect(resolveOverrides(gates, []).missing.map((g) => g.id)).toEqual(failing);
    const all = failing.map((gate) => ({ gate, reason: 'موافقة رئيس التحرير' }));
    const r = resolveOverrides(gates, [...all, { gate: 'headline', reason: 'غير لازم' }]);
    expect(r.missing).toEqual([]);
    expect(r.used.map((o) => o.gate)).toEqual(failing);
  });
});
