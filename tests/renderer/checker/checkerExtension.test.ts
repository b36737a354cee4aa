// @vitest-environment happy-dom
// The checker extension in a real TipTap editor with the article schema: findings on the seed, re-checking
// only the edited block, a suggestion and "Fix all safe" each one undo step, and spelling answers that arrive
// after the text moved (mapped) or after the word was edited away (dropped).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Editor } from '@tiptap/core';
import { undo } from '@tiptap/pm/history';
import { checkerFor, DEFAULT_HOUSE_STYLE, effectiveSettings } from '../../../src/core/checker';
import { contentToDoc } from '../../../src/renderer/editor/articleDoc';
import { articleExtensions } from '../../../src/renderer/editor/articleExtensions';
import {
  Checker,
  applySuggestion,
  configureChecker,
  DOCUMENT_PAUSE_MS,
  fixAllSafe,
  gotoFinding,
  liveFindings,
  refreshDocumentFindings,
} from '../../../src/renderer/editor/extensions/checker/checker';
import type { SpellService } from '../../../src/renderer/editor/extensions/checker/spellingQueue';
import { seedContent } from '../seedArticle';

const editors: Editor[] = [];
afterEach(() => {
  while (editors.length) editors.pop()!.destroy();
  vi.useRealTimers();
});

function editor(spelling: SpellService | null = null, content = seedContent()): Editor {
  const exts = articleExtensions().map((e) => (e.name === 'checker' ? Checker.configure({ spelling }) : e));
  const ed = new Editor({ extensions: exts, content: contentToDoc(content) });
  editors.push(ed);
  return ed;
}

const rules = (ed: Editor) => liveFindings(ed.state).map((f) => f.finding.ruleId);
const para = (ed: Editor, text: string) => {
  let found = '';
  ed.state.doc.forEach((n) => {
    if (n.textContent.includes(text)) found = n.textContent;
  });
  return found;
};

describe('the checker extension', () => {
  it('finds the seed errors and applies a suggestion as one undo step', () => {
    const ed = editor();
    expect(rules(ed)).toEqual(
      expect.arrayContaining(['grammar.inna-after-qala', 'punctuation.space-before']),
    );
    const anna = liveFindings(ed.state).find((f) => f.finding.ruleId === 'grammar.inna-after-qala')!;
    expect(ed.state.doc.textBetween(anna.from, anna.to)).toBe('أن');
    applySuggestion(ed, anna.id);
    expect(para(ed, 'وقال لافروف،')).toContain('مينسك، إن "');
    expect(rules(ed)).not.toContain('grammar.inna-after-qala');
    undo(ed.state, ed.view.dispatch);
    expect(para(ed, 'وقال لافروف،')).toContain('مينسك، أن "');
    expect(rules(ed)).toContain('grammar.inna-after-qala');
  });

  it('fixes every safe finding in one undo step', () => {
    const ed = editor();
    const before = ed.state.doc.toJSON() as unknown;
    expect(fixAllSafe(ed)).toBeGreaterThanOrEqual(1);
    expect(rules(ed).filter((r) => r.startsWith('typography.') || r === 'punctuation.space-before')).toEqual(
      [],
    );
    expect(para(ed, 'وفقاً لما أوردت')).toContain('"تاس".');
    undo(ed.state, ed.view.dispatch);
    expect(ed.state.doc.toJSON()).toEqual(before);
  });

  it('re-checks only the block that changed; findings elsewhere keep their identity and move with the text', () => {
    const ed = editor();
    const anna = liveFindings(ed.state).find((f) => f.finding.ruleId === 'grammar.inna-after-qala')!;
    ed.commands.insertContentAt(1, 'عاجل ');
    const after = liveFindings(ed.state).find((f) => f.finding.ruleId === 'grammar.inna-after-qala')!;
    expect(after.id).toBe(anna.id);
    expect(after.from).toBe(anna.from + 5);
    expect(ed.state.doc.textBetween(after.from, after.to)).toBe('أن');
  });

  it('follows the house style: a rule switched off, digits preferred', () => {
    const ed = editor();
    const style = {
      ...DEFAULT_HOUSE_STYLE,
      settings: { ...DEFAULT_HOUSE_STYLE.settings, digits: 'arabic-indic' as const },
    };
    configureChecker(ed, {
      checker: checkerFor([]),
      settings: effectiveSettings(style, 'ar', { findings: [], rules: ['grammar.inna-after-qala'] }),
      ignored: new Set(),
    });
    expect(rules(ed)).not.toContain('grammar.inna-after-qala');
    expect(rules(ed)).toContain('numbers.prefer-arabic-indic');
  });

  it('F8 selects the next finding after the caret', () => {
    const ed = editor();
    ed.commands.setTextSelection(1);
    const first = gotoFinding(ed, 1)!;
    expect(ed.state.selection.from).toBe(first.from);
    const second = gotoFinding(ed, 1)!;
    expect(second.from).toBeGreaterThan(first.from);
    expect(gotoFinding(ed, -1)!.id).toBe(first.id);
  });

  it('asks the spelling service in batches; answers land where the word is now, or not at all if it was edited', async () => {
    const asked: string[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const service: SpellService = async (words) => {
      asked.push(words);
      await gate;
      return words.map((w) => ({
        word: w,
        correct: !w.startsWith('ديمر') && !w.startsWith('مينسكك'),
        suggestions: [],
      }));
    };
    const ed = editor(service);
    // Type two unknown words at the end of the sub-heading, then edit the second one before the answer comes.
    let subEnd = 0;
    ed.state.doc.forEach((n, pos) => {
      if (n.type.name === 'subheading') subEnd = pos + n.nodeSize - 1;
    });
    ed.commands.insertContentAt(subEnd, ' ديمرتاش مينسكك');
    await new Promise((r) => setTimeout(r, 300));
    expect(asked.flat()).toEqual(expect.arrayContaining(['ديمرتاش', 'مينسكك']));
    ed.commands.insertContentAt(1, 'عاجل '); // moves everything
    const end = ed.state.doc.content.size;
    let subTo = 0;
    ed.state.doc.forEach((n, pos) => {
      if (n.type.name === 'subheading') subTo = pos + n.nodeSize - 1;
    });
    ed.commands.deleteRange({ from: subTo - 1, to: subTo }); // مينسكك → مينسك
    expect(ed.state.doc.content.size).toBe(end - 1);
    release();
    await new Promise((r) => setTimeout(r, 400));
    const spelled = liveFindings(ed.state).filter((f) => f.finding.category === 'spelling');
    expect(spelled.map((f) => ed.state.doc.textBetween(f.from, f.to))).toContain('ديمرتاش');
    expect(spelled.map((f) => f.finding.text)).not.toContain('مينسكك');
  });

  it('a finding keeps its id when its block is checked again (a spelling answer, a configuration)', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const service: SpellService = async (words) => {
      await gate;
      return words.map((w) => ({ word: w, correct: true, suggestions: [] }));
    };
    const ed = editor(service);
    const before = liveFindings(ed.state).find((f) => f.finding.ruleId === 'grammar.inna-after-qala')!;
    release();
    // The answers re-check every block that was waiting for them, the finding's block among them.
    await new Promise((r) => setTimeout(r, 300));
    const after = liveFindings(ed.state).find((f) => f.finding.ruleId === 'grammar.inna-after-qala')!;
    expect(after).toMatchObject({ id: before.id, from: before.from, to: before.to });
    configureChecker(ed, { checker: checkerFor([]), settings: {}, ignored: new Set() });
    expect(liveFindings(ed.state).find((f) => f.finding.ruleId === 'grammar.inna-after-qala')!.id).toBe(
      before.id,
    );
  });

  it('waits for the house style when its host says one is coming, then checks once with it', () => {
    const exts = articleExtensions(undefined, 'configured');
    const ed = new Editor({ extensions: exts, content: contentToDoc(seedContent()) });
    editors.push(ed);
    expect(liveFindings(ed.state)).toEqual([]);
    ed.commands.insertContentAt(1, 'عاجل ');
    expect(liveFindings(ed.state)).toEqual([]);
    configureChecker(ed, {
      checker: checkerFor([]),
      settings: effectiveSettings(DEFAULT_HOUSE_STYLE, 'ar', { findings: [], rules: [] }),
      ignored: new Set(),
    });
    expect(rules(ed)).toContain('grammar.inna-after-qala');
  });

  it('leaves a read-only revision unchecked', () => {
    const ed = new Editor({
      extensions: articleExtensions(undefined, 'off'),
      content: contentToDoc(seedContent()),
      editable: false,
    });
    editors.push(ed);
    expect(liveFindings(ed.state)).toEqual([]);
    expect(ed.view.dom.querySelector('.chk-finding')).toBeNull();
  });

  describe('the rules that compare the article with itself', () => {
    /** Appends a body paragraph at the end of the article. */
    const append = (ed: Editor, text: string) =>
      ed.commands.insertContentAt(ed.state.doc.content.size, {
        type: 'paragraph',
        content: [{ type: 'text', text }],
      });
    const flagged = (ed: Editor, ruleId: string) =>
      liveFindings(ed.state)
        .filter((f) => f.finding.ruleId === ruleId)
        .map((f) => ed.state.doc.textBetween(f.from, f.to));

    it('flag a second spelling of a name once typing pauses, and drop it once the spellings agree', () => {
      vi.useFakeTimers();
      const ed = editor();
      expect(flagged(ed, 'names.consistency')).toEqual([]);
      append(ed, 'وردّ سيرغي لافروف على الأسئلة.');
      // Not before the pause: a half-typed name is not a second spelling yet.
      expect(flagged(ed, 'names.consistency')).toEqual([]);
      vi.advanceTimersByTime(DOCUMENT_PAUSE_MS);
      expect(flagged(ed, 'names.consistency')).toEqual(['سيرغي']);
      const f = liveFindings(ed.state).find((x) => x.finding.ruleId === 'names.consistency')!;
      expect(f.finding.suggestions).toContain('سيرجي');

      // An edit elsewhere moves the finding with its word and keeps its identity.
      ed.commands.insertContentAt(1, 'عاجل ');
      const moved = liveFindings(ed.state).find((x) => x.finding.ruleId === 'names.consistency')!;
      expect(moved.id).toBe(f.id);
      expect(moved.from).toBe(f.from + 5);
      vi.advanceTimersByTime(DOCUMENT_PAUSE_MS);
      expect(liveFindings(ed.state).find((x) => x.finding.ruleId === 'names.consistency')!.id).toBe(f.id);

      applySuggestion(ed, f.id);
      vi.advanceTimersByTime(DOCUMENT_PAUSE_MS);
      expect(flagged(ed, 'names.consistency')).toEqual([]);
    });

    it('see a quotation mark left open across paragraphs, which no single paragraph can tell', () => {
      const ed = editor();
      append(ed, 'وأضاف أن «المحادثات ستستمر في موسكو.');
      refreshDocumentFindings(ed);
      expect(flagged(ed, 'quotes.unbalanced')).toEqual(['«']);
      // Typing in the same paragraph re-checks its block rules; the document finding stays until the next pass.
      const end = ed.state.doc.content.size - 2;
      ed.commands.insertContentAt(end, '»');
      expect(flagged(ed, 'quotes.unbalanced')).toEqual(['«']);
      refreshDocumentFindings(ed);
      expect(flagged(ed, 'quotes.unbalanced')).toEqual([]);
    });

    it('lower per-word hamza findings to info when the article is written without hamza throughout', () => {
      // A wire story's first paragraph, written with hamza: per-word findings on the one slip stay warnings.
      const ed = editor(null, {
        ...seedContent(),
        body: [{ type: 'paragraph', text: 'وأكد الوزير أن المحادثات ستستمر إلى الأسبوع المقبل.' }],
      });
      const severity = () =>
        liveFindings(ed.state)
          .filter((f) => f.finding.category === 'hamza' && f.finding.ruleId !== 'hamza.convention')
          .map((f) => f.finding.severity);
      append(ed, 'وقال انه ذهب الى المدينة.');
      refreshDocumentFindings(ed);
      expect(severity().length).toBeGreaterThan(0);
      expect(severity()).not.toContain('info');
      append(
        ed,
        'واكد ان الوفد وصل الى العاصمة امس، واضاف انه سيبقى الى الاسبوع المقبل او اكثر، واشار الى ان اسرائيل اعلنت ايضا انها لن تشارك.',
      );
      refreshDocumentFindings(ed);
      expect(flagged(ed, 'hamza.convention')).toHaveLength(1);
      expect(severity().length).toBeGreaterThan(8);
      expect(new Set(severity())).toEqual(new Set(['info']));
      // A block typed into after that keeps the article's convention.
      append(ed, 'وقال انه عائد.');
      expect(new Set(severity())).toEqual(new Set(['info']));
    });

    it('leave out a finding that is ignored in this article', () => {
      const ed = editor();
      append(ed, 'وردّ سيرغي لافروف على الأسئلة.');
      refreshDocumentFindings(ed);
      const f = liveFindings(ed.state).find((x) => x.finding.ruleId === 'names.consistency')!;
      configureChecker(ed, { checker: checkerFor([]), settings: {}, ignored: new Set([f.key]) });
      expect(flagged(ed, 'names.consistency')).toEqual([]);
      refreshDocumentFindings(ed);
      expect(flagged(ed, 'names.consistency')).toEqual([]);
    });
  });
});
