// @vitest-environment happy-dom
// Suggestion mode in a real TipTap editor with the article schema: typing and deleting in right-to-left text
// with digits leaves the right insertion and deletion marks, accept and reject give the expected text as one
// undo step each, suggestions are saved with the document, and random edit sequences keep two invariants:
// rejecting everything brings the original back, accepting everything gives what the same edits would have
// given with the mode off.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Editor, type Extensions } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { undoDepth } from '@tiptap/pm/history';
import type { ArticleContent } from '../../../src/core/article/model';
import { resolveSuggestions as resolveContent } from '../../../src/core/suggestions/suggestions';
import { contentToDoc, docToContent, type DocJSON } from '../../../src/renderer/editor/articleDoc';
import { articleExtensions } from '../../../src/renderer/editor/articleExtensions';
import {
  Suggestions,
  listSuggestions,
  replaceRange,
  resolveSuggestions,
  setSuggestMode,
  suggestMode,
} from '../../../src/renderer/editor/extensions/suggestions/suggestions';

const PARA = 'وصل الوفد في 27 أغسطس 2024 إلى موسكو، حسبما ذكرت وكالة "تاس" الروسية.';
const ME = 'ليلى';
const T0 = '2026-11-29T10:00:00.000Z';

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
});

function extensions(): Extensions {
  return articleExtensions().map((x) =>
    x.name === 'suggestions' ? Suggestions.configure({ now: () => T0 }) : x,
  );
}

function content(body: string[], marks: ArticleContent['body'][number]['marks'][] = []): ArticleContent {
  return {
    headline: 'لافروف: روسيا وإيران توقعان اتفاقية الشراكة',
    standfirst: null,
    dateline: { place: 'دبي', sources: ['الشرق'] },
    figures: [],
    body: body.map((text, i) => ({
      type: 'paragraph' as const,
      text,
      ...(marks[i] ? { marks: marks[i] } : {}),
    })),
    tags: [],
    related: [],
  };
}

function open(c: ArticleContent = content([PARA]), on = true, author = ME): Editor {
  editor = new Editor({ extensions: extensions(), content: contentToDoc(c) });
  if (on) setSuggestMode(editor, true, author);
  return editor;
}

/** A block without spans may be stored with `marks: []` or without the field; both mean the same. */
const withoutEmptyMarks = (c: ArticleContent): ArticleContent => ({
  ...c,
  body: c.body.map(({ marks, ...b }) => (marks?.length ? { ...b, marks } : b)),
});
const saved = (e: Editor): ArticleContent => docToContent(e.getJSON() as DocJSON);
const para = (e: Editor, i = 0) => saved(e).body[i]!;

/** Document position of the first paragraph's text offset. */
function paraStart(e: Editor, index = 0): number {
  let pos = -1;
  let n = -1;
  e.state.doc.forEach((node, offset) => {
    if (node.type.name === 'paragraph' && ++n === index) pos = offset + 1;
  });
  return pos;
}
const at = (e: Editor, offset: number) => paraStart(e) + offset;
const offsetOf = (e: Editor, needle: string) => {
  const i = para(e).text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in ${para(e).text}`);
  return i;
};

function cursor(e: Editor, pos: number, to = pos): void {
  e.view.dispatch(e.state.tr.setSelection(TextSelection.create(e.state.doc, pos, to)));
}

/** What the view does for a typed character (handleTextInput / beforeinput / a DOM change). */
function type(e: Editor, text: string): void {
  for (const ch of text) e.view.dispatch(e.state.tr.insertText(ch));
}

/** What the view does for Backspace inside text (the browser's deleteContentBackward read back). */
function backspace(e: Editor, times = 1): void {
  for (let i = 0; i < times; i++) {
    const { from, empty } = e.state.selection;
    e.view.dispatch(empty ? e.state.tr.delete(from - 1, from) : e.state.tr.deleteSelection());
  }
}
function forwardDelete(e: Editor, times = 1): void {
  for (let i = 0; i < times; i++) {
    const { from } = e.state.selection;
    e.view.dispatch(e.state.tr.delete(from, from + 1));
  }
}

const span = (type: string, text: string, full: string, author = ME) => {
  const from = full.indexOf(text);
  return { type, from, to: from + text.length, attrs: { author, at: T0 } };
};

describe('editing in suggestion mode', () => {
  it('typing after the year inserts an insertion mark; the text keeps every original character', () => {
    const e = open();
    cursor(e, at(e, offsetOf(e, '2024') + 4));
    type(e, ' م');
    const b = para(e);
    expect(b.text).toBe(PARA.replace('2024', '2024 م'));
    expect(b.marks).toEqual([span('insertion', ' م', b.text)]);
    expect(e.view.dom.querySelector('ins.sugg-ins')?.textContent).toBe(' م');
  });

  it('Backspace over the digits 27 strikes them and leaves the cursor before them', () => {
    const e = open();
    const end = offsetOf(e, '27') + 2;
    cursor(e, at(e, end));
    backspace(e, 2);
    const b = para(e);
    expect(b.text).toBe(PARA);
    expect(b.marks).toEqual([span('deletion', '27', PARA)]);
    expect(e.state.selection.from).toBe(at(e, end - 2));
    expect(e.view.dom.querySelector('del.sugg-del')?.textContent).toBe('27');
  });

  it('Delete forward over 2024 strikes it and moves the cursor past it', () => {
    const e = open();
    const start = offsetOf(e, '2024');
    cursor(e, at(e, start));
    forwardDelete(e, 4);
    expect(para(e).marks).toEqual([span('deletion', '2024', PARA)]);
    expect(e.state.selection.from).toBe(at(e, start + 4));
  });

  it("Backspace over the author's own insertion simply removes it", () => {
    const e = open();
    cursor(e, at(e, offsetOf(e, 'موسكو') + 5));
    type(e, ' اليوم');
    backspace(e, 6);
    expect(para(e)).toEqual({ type: 'paragraph', text: PARA });
    expect(listSuggestions(e.state.doc)).toEqual([]);
  });

  it('another author deleting my insertion marks it as a deletion too', () => {
    const e = open();
    cursor(e, at(e, offsetOf(e, 'موسكو') + 5));
    type(e, ' اليوم');
    setSuggestMode(e, true, 'سامي');
    backspace(e, 3);
    const s = listSuggestions(e.state.doc).map(({ type, author, text }) => ({ type, author, text }));
    expect(s).toEqual([
      { type: 'insertion', author: ME, text: ' اليوم' },
      { type: 'deletion', author: 'سامي', text: 'يوم' },
    ]);
  });

  it('replacing a selected word strikes the old word and inserts the new one after it', () => {
    const e = open();
    const from = offsetOf(e, 'أغسطس');
    cursor(e, at(e, from), at(e, from + 5));
    type(e, 'آب');
    const b = para(e);
    expect(b.text).toBe(PARA.replace('أغسطس', 'أغسطسآب'));
    expect(b.marks).toEqual([span('deletion', 'أغسطس', b.text), span('insertion', 'آب', b.text)]);
    expect(e.state.selection.from).toBe(at(e, from + 7));
  });

  it('pasting over a selection is a deletion plus an insertion', () => {
    const e = open();
    const from = offsetOf(e, 'موسكو');
    cursor(e, at(e, from), at(e, from + 5));
    e.view.pasteText('العاصمة الروسية');
    const b = para(e);
    expect(b.text).toBe(PARA.replace('موسكو', 'موسكوالعاصمة الروسية'));
    expect(b.marks).toEqual([
      span('deletion', 'موسكو', b.text),
      span('insertion', 'العاصمة الروسية', b.text),
    ]);
  });

  it('typing inside struck text is an insertion, never a deletion', () => {
    const e = open();
    const from = offsetOf(e, 'أغسطس');
    cursor(e, at(e, from), at(e, from + 5));
    backspace(e);
    cursor(e, at(e, from + 2));
    type(e, 'ـ');
    const b = para(e);
    expect(b.marks?.map((m) => [m.type, b.text.slice(m.from, m.to)])).toEqual([
      ['deletion', 'أغ'],
      ['insertion', 'ـ'],
      ['deletion', 'سطس'],
    ]);
  });

  it('with the mode off edits change the text directly', () => {
    const e = open(content([PARA]), false);
    cursor(e, at(e, offsetOf(e, '27')), at(e, offsetOf(e, '27') + 2));
    type(e, '28');
    expect(para(e)).toEqual({ type: 'paragraph', text: PARA.replace('27', '28') });
    expect(listSuggestions(e.state.doc)).toEqual([]);
  });

  it('tracks headline edits too: saved as headlineMarks, listed first, accepted or rejected like the body', () => {
    const e = open(content([PARA]));
    // Replace «روسيا» in the headline with «موسكو».
    const headline = 'لافروف: روسيا وإيران توقعان اتفاقية الشراكة';
    const from = 1 + headline.indexOf('روسيا');
    cursor(e, from, from + 'روسيا'.length);
    type(e, 'موسكو');
    const c = saved(e);
    expect(c.headline).toBe('لافروف: روسياموسكو وإيران توقعان اتفاقية الشراكة');
    expect(c.headlineMarks).toEqual([
      { type: 'deletion', from: 8, to: 13, attrs: { author: ME, at: T0 } },
      { type: 'insertion', from: 13, to: 18, attrs: { author: ME, at: T0 } },
    ]);
    expect(listSuggestions(e.state.doc).map((s) => [s.type, s.text, s.block])).toEqual([
      ['deletion', 'روسيا', -1],
      ['insertion', 'موسكو', -1],
    ]);
    // Opened again, the headline's suggestions are there for the next reader.
    const again = open(c);
    expect(saved(again)).toEqual(c);
    resolveSuggestions(again, 'accept');
    expect(saved(again).headline).toBe('لافروف: موسكو وإيران توقعان اتفاقية الشراكة');
    expect(saved(again).headlineMarks).toBeUndefined();
    // The model resolves them alike (what exports do).
    expect(resolveContent(c, 'accept')).toEqual(saved(again));
    expect(resolveContent(c, 'reject').headline).toBe(headline);
  });
});

describe('accept and reject', () => {
  function edited(): Editor {
    const e = open(content([PARA, 'وأضاف: "كما ذكرت فإن المعاهدة قيد الإعداد".']));
    const from = offsetOf(e, 'أغسطس');
    cursor(e, at(e, from), at(e, from + 5));
    type(e, 'آب');
    setSuggestMode(e, true, 'سامي');
    const p2 = paraStart(e, 1);
    cursor(e, p2 + 'وأضاف: "كما ذكرت فإن المعاهدة'.length);
    type(e, ' الشاملة');
    return e;
  }

  it('accept all gives the clean new text; reject all gives the original', () => {
    const e = edited();
    resolveSuggestions(e, 'accept');
    expect(saved(e).body.map((b) => b.text)).toEqual([
      PARA.replace('أغسطس', 'آب'),
      'وأضاف: "كما ذكرت فإن المعاهدة الشاملة قيد الإعداد".',
    ]);
    expect(listSuggestions(e.state.doc)).toEqual([]);
    e.commands.undo();
    expect(listSuggestions(e.state.doc)).toHaveLength(3);
    resolveSuggestions(e, 'reject');
    expect(saved(e).body.map((b) => b.text)).toEqual([PARA, 'وأضاف: "كما ذكرت فإن المعاهدة قيد الإعداد".']);
  });

  it('accepts or rejects one suggestion, or all by one author, each as one undo step', () => {
    const e = edited();
    const deletion = listSuggestions(e.state.doc).find((s) => s.type === 'deletion')!;
    resolveSuggestions(e, 'reject', { id: deletion.id });
    expect(para(e).text).toBe(PARA.replace('أغسطس', 'أغسطسآب'));
    expect(listSuggestions(e.state.doc).map((s) => s.type)).toEqual(['insertion', 'insertion']);
    resolveSuggestions(e, 'accept', { author: 'سامي' });
    expect(para(e, 1).text).toBe('وأضاف: "كما ذكرت فإن المعاهدة الشاملة قيد الإعداد".');
    expect(listSuggestions(e.state.doc).map((s) => s.author)).toEqual([ME]);
    e.commands.undo();
    expect(listSuggestions(e.state.doc).map((s) => s.author)).toEqual([ME, 'سامي']);
    e.commands.undo();
    expect(listSuggestions(e.state.doc)).toHaveLength(3);
  });

  it('the editor and the model resolve suggestions alike', () => {
    const e = edited();
    const before = saved(e);
    for (const decision of ['accept', 'reject'] as const) {
      resolveSuggestions(e, decision, { author: ME });
      expect(withoutEmptyMarks(saved(e))).toEqual(
        withoutEmptyMarks(resolveContent(before, decision, { author: ME })),
      );
      e.commands.undo();
    }
  });
});

describe('saving and opening', () => {
  it('suggestions are saved as Block.marks and come back for the next reader, beside other spans', () => {
    const quote = { type: 'quote', from: 0, to: 4, attrs: { speaker: 'لافروف' } };
    const e = open(content([PARA], [[quote]]));
    const from = offsetOf(e, 'أغسطس');
    cursor(e, at(e, from), at(e, from + 5));
    type(e, 'آب');
    const stored = saved(e);
    expect(stored.body[0]!.marks).toEqual([
      quote,
      span('deletion', 'أغسطس', stored.body[0]!.text),
      span('insertion', 'آب', stored.body[0]!.text),
    ]);
    const items = listSuggestions(e.state.doc);
    editor!.destroy();
    const reader = open(stored, false, 'سامي');
    expect(saved(reader)).toEqual(stored);
    expect(listSuggestions(reader.state.doc)).toEqual(items);
  });

  it('a suggestion span that is not well formed is kept as a generic span', () => {
    const odd = { type: 'insertion', from: 0, to: 3, attrs: { author: 'x', at: T0, extra: 1 } };
    const e = open(content([PARA], [[odd]]), false);
    expect(listSuggestions(e.state.doc)).toEqual([]);
    expect(para(e).marks).toEqual([odd]);
  });
});

describe('replaceRange', () => {
  it('is a deletion plus an insertion in suggestion mode and a plain replacement otherwise', () => {
    const e = open();
    const from = at(e, offsetOf(e, 'حسبما'));
    replaceRange(e, from, from + 5, 'كما');
    expect(para(e).text).toBe(PARA.replace('حسبما', 'حسبماكما'));
    expect(listSuggestions(e.state.doc).map((s) => [s.type, s.text])).toEqual([
      ['deletion', 'حسبما'],
      ['insertion', 'كما'],
    ]);
    e.commands.undo();
    expect(para(e).text).toBe(PARA);
    setSuggestMode(e, false);
    replaceRange(e, from, from + 5, 'كما');
    expect(para(e)).toEqual({ type: 'paragraph', text: PARA.replace('حسبما', 'كما') });
  });
});

describe('undo and redo', () => {
  it('undo removes typed suggestions, redo brings them back, and the mode stays on', () => {
    const e = open();
    cursor(e, at(e, offsetOf(e, '2024') + 4));
    type(e, ' م');
    const withInsertion = saved(e);
    e.commands.undo();
    expect(saved(e).body[0]).toEqual({ type: 'paragraph', text: PARA });
    e.commands.redo();
    expect(saved(e)).toEqual(withInsertion);
    expect(suggestMode(e.state)).toEqual({ on: true, author: ME });
    // Two Backspaces take the typed text away again; the third strikes the 4 of the year.
    backspace(e, 3);
    const four = offsetOf(e, '2024') + 3;
    expect(para(e)).toEqual({
      type: 'paragraph',
      text: PARA,
      marks: [{ type: 'deletion', from: four, to: four + 1, attrs: { author: ME, at: T0 } }],
    });
    // The three Backspaces are one undo step back to the typed suggestion.
    e.commands.undo();
    expect(saved(e)).toEqual(withInsertion);
  });
});

// A corpus-like paragraph: Arabic words, digits, punctuation, a no-break space and quotation marks.
const CORPUS =
  'وقال لافروف، خلال الجلسة العامة للمؤتمر في مينسك، أن "التوقيع المرتقب" سيتم في 27 أغسطس\u00a02024 قريباً.';
const WORDS = ['إنّ', 'روسيا', ' ', '2024', 'الشاملة ', '،', '"تاس"', 'ـ', 'ً'];

type Op =
  | { kind: 'insert'; at: number; text: string; late: boolean }
  | { kind: 'delete'; at: number; len: number; backspace: boolean }
  | { kind: 'replace'; at: number; len: number; text: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(...WORDS),
    late: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 8 }),
    backspace: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 6 }),
    text: fc.constantFrom(...WORDS),
  }),
);

/** Document position of the `k`th live (not struck) character boundary; `late` skips struck text there. */
function livePos(e: Editor, k: number, late: boolean): number {
  const start = paraStart(e);
  const positions: number[] = [];
  let live = 0;
  let pos = start;
  e.state.doc.nodeAt(start - 1)!.forEach((child) => {
    const struck = child.marks.some((m) => m.type.name === 'deletion');
    for (let i = 0; i < child.nodeSize; i++) {
      if (live === k) positions.push(pos);
      if (!struck) live++;
      pos++;
    }
  });
  if (live === k) positions.push(pos);
  return late ? positions[positions.length - 1]! : positions[0]!;
}

describe('random edit sequences in suggestion mode', () => {
  it('reject all → the original; accept all → the same edits with the mode off; undo and redo round-trip', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 12 }), (ops) => {
        const e = open(content([CORPUS]));
        let plain = CORPUS;
        for (const op of ops) {
          const k = op.at % (plain.length + 1);
          if (op.kind === 'insert') {
            cursor(e, livePos(e, k, op.late));
            type(e, op.text);
            plain = plain.slice(0, k) + op.text + plain.slice(k);
          } else {
            const len = Math.min(op.len, plain.length - k);
            if (len <= 0) continue;
            const from = livePos(e, k, false);
            const to = livePos(e, k + len, false);
            if (op.kind === 'delete' && op.backspace && len === 1) {
              cursor(e, livePos(e, k + 1, false));
              e.view.dispatch(e.state.tr.delete(livePos(e, k, true), livePos(e, k + 1, false)));
            } else if (op.kind === 'delete') {
              cursor(e, from, to);
              e.view.dispatch(e.state.tr.deleteSelection());
            } else {
              cursor(e, from, to);
              e.view.dispatch(e.state.tr.insertText(op.text));
            }
            plain = plain.slice(0, k) + (op.kind === 'replace' ? op.text : '') + plain.slice(k + len);
          }
        }
        const tracked = saved(e);
        expect(resolveContent(tracked, 'reject').body[0]!.text).toBe(CORPUS);
        expect(resolveContent(tracked, 'accept').body[0]!.text).toBe(plain);

        resolveSuggestions(e, 'reject');
        expect(para(e).text).toBe(CORPUS);
        expect(listSuggestions(e.state.doc)).toEqual([]);
        e.commands.undo();
        expect(saved(e)).toEqual(tracked);
        resolveSuggestions(e, 'accept');
        expect(para(e).text).toBe(plain);
        e.commands.undo();

        // Undo every typing step, then redo exactly those (the undone acceptance stays on the redo stack).
        const steps = undoDepth(e.state);
        for (let i = 0; i < steps; i++) e.commands.undo();
        expect(para(e).text).toBe(CORPUS);
        expect(listSuggestions(e.state.doc)).toEqual([]);
        for (let i = 0; i < steps; i++) e.commands.redo();
        expect(saved(e)).toEqual(tracked);
        expect(suggestMode(e.state).on).toBe(true);
        e.destroy();
        editor = null;
      }),
      { numRuns: 150 },
    );
  });
});
