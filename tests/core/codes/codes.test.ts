// Code replacements: the expander the editor calls as the author types, and the TSV exchange format.
import { describe, expect, it } from 'vitest';
import { CodeTable, codeProblem, formatCodesTsv, parseCodesTsv } from '../../../src/core/codes';

const LAV = 'وزير الخارجية الروسي سيرجي لافروف';
const table = new CodeTable([
  { code: '=لاف=', expansion: LAV },
  { code: '=بوت=', expansion: 'الرئيس الروسي فلاديمير بوتين' },
  { code: '\\rt\\', expansion: 'رويترز' },
]);

describe('code expansion', () => {
  it('expands a code the moment its closing delimiter is typed', () => {
    const text = 'قال =لاف=';
    expect(table.expandAt(text, text.length)).toEqual({ from: 4, to: 9, code: '=لاف=', expansion: LAV });
    // Not yet complete: the closing delimiter has not been typed.
    expect(table.expandAt('قال =لاف', 8)).toBeNull();
    // The cursor elsewhere: nothing just typed there.
    expect(table.expandAt(text, 3)).toBeNull();
  });

  it('works in the middle of text, after punctuation and with other delimiters', () => {
    const text = 'وقال (=بوت=) أمس';
    const at = text.indexOf(')');
    expect(table.expandAt(text, at)?.expansion).toBe('الرئيس الروسي فلاديمير بوتين');
    expect(table.expandAt('صورة \\rt\\', 9)?.expansion).toBe('رويترز');
  });

  it('leaves unknown codes, codes glued to a word and spaced text alone', () => {
    expect(table.expandAt('قال =غير=', 9)).toBeNull();
    expect(table.expandAt('كلمة=لاف=', 9)).toBeNull();
    expect(table.expandAt('= لاف=', 6)).toBeNull();
    expect(table.expandAt('', 0)).toBeNull();
  });

  it('expands every code of a pasted text', () => {
    expect(table.expandAll('التقى =بوت= مع =لاف= في موسكو')).toBe(
      `التقى الرئيس الروسي فلاديمير بوتين مع ${LAV} في موسكو`,
    );
  });

  it('a code begins and ends with the same delimiter and has no spaces', () => {
    expect(codeProblem('=لاف=')).toBeNull();
    expect(codeProblem('لاف')).not.toBeNull();
    expect(codeProblem('=لا ف=')).not.toBeNull();
    expect(codeProblem('=لاف#')).not.toBeNull();
    expect(codeProblem('==')).not.toBeNull();
  });
});

describe('code tables as TSV', () => {
  it('reads a table with a header, BOM, CRLF and comments; bad lines are reported by number', () => {
    const tsv = [
      '\uFEFFcode\texpansion',
      '=لاف=\t' + LAV,
      '',
      '# a comment',
      'لاف\tبلا محددات',
      '=بوت=',
      '=رو=\tرويترز\tزائد',
      '=فارغ=\t  ',
      '=بوت=\tالرئيس الروسي فلاديمير بوتين',
    ].join('\r\n');
    const r = parseCodesTsv(tsv);
    expect(r.entries).toEqual([
      { code: '=لاف=', expansion: LAV },
      { code: '=بوت=', expansion: 'الرئيس الروسي فلاديمير بوتين' },
    ]);
    expect(r.problems.map((p) => p.line)).toEqual([5, 6, 7, 8]);
    expect(r.problems[1]!.message).toMatch(/No tab/);
  });

  it('reports the earlier of two lines with the same code', () => {
    const r = parseCodesTsv('=أ=\tأول\n=أ=\tثان\n');
    expect(r.entries).toEqual([{ code: '=أ=', expansion: 'ثان' }]);
    expect(r.problems).toEqual([{ line: 1, message: expect.stringContaining('line 2') }]);
  });

  it('writes what it reads', () => {
    const entries = [
      { code: '=لاف=', expansion: LAV },
      { code: '=بوت=', expansion: 'بوتين' },
    ];
    const tsv = formatCodesTsv(entries);
    expect(tsv.startsWith('code\texpansion\n')).toBe(true);
    const back = parseCodesTsv(tsv);
    expect(back.problems).toEqual([]);
    expect(new CodeTable(back.entries).get('=لاف=')).toBe(LAV);
    expect(back.entries).toHaveLength(2);
  });
});
