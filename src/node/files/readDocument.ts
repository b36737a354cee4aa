// Reads an imported file's bytes: size and emptiness limits, format by name and content, text encoding
// detection (UTF-8 ± BOM, UTF-16 LE/BE, Windows-1256, ISO-8859-6), DOCX through mammoth.
import { AppError } from '../../core/ipc/contract';
import { structureText, type ImportResult } from '../../core/import';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ParsedDocument = ImportResult & {
  format: 'text' | 'html' | 'markdown' | 'docx';
  encoding: string;
};

export async function readDocument(bytes: Uint8Array, fileName: string): Promise<ParsedDocument> {
  // Placeholder until encoding detection and the other formats land.
  if (bytes.length === 0) throw new AppError('empty_file', `${fileName}: the file is empty.`);
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError('too_large', `${fileName}: the file is too large.`);
  const text = new TextDecoder('utf-8').decode(bytes);
  return { ...structureText(text), format: 'text', encoding: 'utf-8' };
}
