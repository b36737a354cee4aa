// Code replacements as in Photo Mechanic: short codes typed in a caption or the text (=لاف=) expand to the
// phrase they stand for (وزير الخارجية الروسي سيرجي لافروف). Pure: the table comes from the store, the editor
// calls expandAt() as the author types, and the TSV helpers move tables between desks.

export type CodeEntry = { code: string; expansion: string };

export const MAX_CODE_LENGTH = 40;
export const MAX_EXPANSION_LENGTH = 2000;

/** What opens and closes a code: any character that is neither a letter, a digit, a mark nor white space. */
const DELIMITER = /^[^\p{L}\p{N}\p{M}\s]$/u;

/**
 * Why a code cannot be stored, or null when it can. A code begins and ends with the same delimiter (=لاف=,
 * \lav\ or #بوت#) and has no white space: then "a complete code just typed" is unambiguous, and a code is
 * never mistaken for the beginning of an ordinary word.
 */
export function codeProblem(code: string): string | null {
  const chars = [...code];
  if (chars.length < 3)
    return 'A code needs a delimiter, at least one character and the delimiter again (=لاف=).';
  if (code.length > MAX_CODE_LENGTH) return `A code is at most ${MAX_CODE_LENGTH} characters long.`;
  if (/\s/u.test(code)) return 'A code cannot contain white space.';
  const open = chars[0]!;
  if (!DELIMITER.test(open) || chars[chars.length - 1] !== open) {
    return 'A code begins and ends with the same delimiter, such as = (=لاف=).';
  }
  if (chars.slice(1, -1).includes(open)) return 'The delimiter cannot appear inside the code.';
  return null;
}

export function expansionProblem(expansion: string): string | null {
  if (!expansion.trim()) return 'The expansion is empty.';
  if (expansion.length > MAX_EXPANSION_LENGTH)
    return `An expansion is at most ${MAX_EXPANSION_LENGTH} characters long.`;
  if (/[\t\r\n]/.test(expansion)) return 'An expansion is one line of text (no tab or line break).';
  return null;
}

/** A code table prepared for expansion as the author types. */
export class CodeTable {
  private readonly byCode = new Map<string, string>();
  private readonly closers = new Set<string>();

  constructor(entries: Iterable<CodeEntry>) {
    for (const e of entries) {
      const code = e.code.normalize('NFC');
      this.byCode.set(code, e.expansion);
      this.closers.add(code[code.length - 1]!);
    }
  }

  get size(): number {
    return this.byCode.size;
  }

  get(code: string): string | undefined {
    return this.byCode.get(code.normalize('NFC'));
  }

  /**
   * The code that ends exactly at `cursor` in `text`, if the character just typed closes a known code:
   * `{ from, to, code, expansion }` where text.slice(from, to) === code, ready to be replaced by the expansion.
   * A code glued to the end of a word (كلمة=لاف=) is not expanded: the code must start at a word boundary.
   */
  expandAt(text: string, cursor: number): Expansion | null {
    if (cursor <= 0 || cursor > text.length) return null;
    const closer = text[cursor - 1]!;
    if (!this.closers.has(closer)) return null;
    const start = Math.max(0, cursor - MAX_CODE_LENGTH);
    // The opening delimiter is the previous occurrence of the same character, with no white space between.
    const open = text.lastIndexOf(closer, cursor - 2);
    if (open < start || cursor - open < 3) return null;
    const code = text.slice(open, cursor);
    if (/\s/u.test(code)) return null;
    const before = open > 0 ? text[open - 1]! : '';
    if (before && /[\p{L}\p{N}\p{M}]/u.test(before)) return null;
    const expansion = this.get(code);
    return expansion === undefined ? null : { from: open, to: cursor, code, expansion };
  }

  /** Replaces every complete code in `text` (for pasted or imported text). */
  expandAll(text: string): string {
    let out = '';
    let last = 0;
    for (let i = 1; i <= text.length; i++) {
      const hit = this.expandAt(text, i);
      if (hit && hit.from >= last) {
        out += text.slice(last, hit.from) + hit.expansion;
        last = hit.to;
      }
    }
    return out + text.slice(last);
  }
}

export type Expansion = { from: number; to: number; code: string; expansion: string };

export type TsvProblem = { line: number; message: string };
export type TsvParse = { entries: CodeEntry[]; problems: TsvProblem[] };

/**
 * Reads a code table written as TSV: one `code<TAB>expansion` per line, UTF-8, an optional header line
 * (`code<TAB>expansion`), blank lines and lines starting with # ignored. A bad line is reported with its
 * number (1-based) and skipped; the last of two lines with the same code wins and the first is reported.
 */
export function parseCodesTsv(tsv: string): TsvParse {
  const entries = new Map<string, { entry: CodeEntry; line: number }>();
  const problems: TsvProblem[] = [];
  const lines = tsv.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    const cells = raw.split('\t');
    if (i === 0 && /^(code|رمز|الرمز)$/i.test(cells[0]!.trim()) && cells.length === 2) return;
    if (cells.length !== 2) {
      problems.push({
        line,
        message:
          cells.length < 2 ? 'No tab between the code and its expansion.' : 'More than one tab on the line.',
      });
      return;
    }
    const code = cells[0]!.trim().normalize('NFC');
    const expansion = cells[1]!.trim();
    const problem = codeProblem(code) ?? expansionProblem(expansion);
    if (problem) {
      problems.push({ line, message: problem });
      return;
    }
    const earlier = entries.get(code);
    if (earlier)
      problems.push({
        line: earlier.line,
        message: `${code} is defined again on line ${line}; that line wins.`,
      });
    entries.set(code, { entry: { code, expansion }, line });
  });
  return { entries: [...entries.values()].map((e) => e.entry), problems };
}

/** Writes a code table as TSV with a header line, sorted by code, ending in a newline. */
export function formatCodesTsv(entries: readonly CodeEntry[]): string {
  const rows = [...entries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return ['code\texpansion', ...rows.map((e) => `${e.code}\t${e.expansion}`)].join('\n') + '\n';
}
