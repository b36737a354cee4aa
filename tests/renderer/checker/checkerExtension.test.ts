// @vitest-environment happy-dom
// The checker extension in a real TipTap editor with the article schema: findings on the seed, re-checking
// only the edited block, a suggestion and "Fix all safe" each one undo step, and spelling answers that arrive
// after the text moved (mapped) or after the word was edited away (dropped).
import { afterEach, describe, expect, it } from 'vitest';
import { Editor } from '@tiptap/core';
import { undo } from '@tiptap/pm/history';
import { checkerFor, DEFAULT_HOUSE_STYLE, effectiveSettings } from '../../../src/core/checker';
import { contentToDoc } from '../../../src/renderer/editor/articleDoc';
import { articleExtensions } from '../../../src/renderer/editor/articleExtensions';
import {
  Checker,
  applySuggestion,
  configureChecker,
  fixAllSafe,
  gotoFinding,
  liveFindings,
} from '../../../src/renderer/editor/extensions/checker/checker';
import type { SpellService } from '../../../src/renderer/editor/extensions/checker/spellingQueue';
import { seedContent } from '../seedArticle';

const editors: Editor[] = [];
afterEach(() => {
  while (editors.length) editors.pop()!.destroy();
});

function editor(spelling: SpellService | null = null): Editor {
  const exts = articleExtensions().map((e) => (e.name === 'checker' ? Checker.configure({ spelling }) : e));
  const ed = new Editor({ extensions: exts, content: contentToDoc(seedContent()) });
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
});
