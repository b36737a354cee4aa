// Generated export file names are safe on Windows, macOS and Linux and keep Arabic letters.
import { describe, expect, it } from 'vitest';
import { exportFileName, MAX_NAME_BYTES, safeBaseName } from '../../../src/node/files/writers/fileName';

describe('export file names', () => {
  it('keep Arabic and drop what any system forbids', () => {
    expect(exportFileName('لافروف: روسيا وإيران توقعان "اتفاقية" <الشراكة>?', 'k3m9', 'pdf')).toBe(
      'لافروف روسيا وإيران توقعان اتفاقية الشراكة-k3m9.pdf',
    );
    expect(safeBaseName('a/b\\c|d*e\u0000f\u202Eg')).toBe('a b c d e f g');
  });

  it('avoid reserved device names, trailing dots and spaces, and empty names', () => {
    expect(safeBaseName('CON')).toBe('_CON');
    expect(safeBaseName('lpt1.txt')).toBe('_lpt1.txt');
    expect(safeBaseName('  خبر...  ')).toBe('خبر');
    expect(safeBaseName('...')).toBe('article');
    expect(exportFileName('', 'id1', 'md')).toBe('article-id1.md');
  });

  it('stay within the byte limit without splitting a letter', () => {
    const name = exportFileName('الاستراتيجية '.repeat(60), 'k3m9', 'docx');
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(name.endsWith('-k3m9.docx')).toBe(true);
    expect(name).not.toContain('\uFFFD');
    expect(name).not.toMatch(/ -k3m9/);
  });
});
