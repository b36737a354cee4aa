// Photos into the open article: each file is stored through 'media:add' (validated and read for its
// IPTC/XMP/EXIF caption, credit, photographer, date and alt text), then added to the editor as a figure, so
// it is saved with the next revision like any other edit and can be undone. A refused file leaves the
// article exactly as it was and says why.
import type { Editor } from '@tiptap/react';
import { BridgeError, call } from '../../bridge';
import { fileToBase64 } from '../library/fileData';
import { msg, postNotice, type Msg } from '../shell/notices';

const REASONS = new Set(['empty_file', 'too_large', 'unsupported_file', 'undecodable']);

function reason(e: unknown): Msg[] {
  if (e instanceof BridgeError && REASONS.has(e.error.code)) {
    // The desk's own words for the usual failures; the service's technical message adds nothing for them.
    return [msg(`media.reason.${e.error.code}`)];
  }
  return [{ error: e }];
}

/** Inserts the photos one after another; returns how many became figures. */
export async function insertImageFiles(editor: Editor, files: File[]): Promise<number> {
  let inserted = 0;
  for (const file of files) {
    const name = file.name || 'image';
    try {
      const dataBase64 = await fileToBase64(file);
      const added = await call('media:add', { fileName: name, dataBase64 });
      if (editor.isDestroyed || !editor.commands.insertFigure(added.figure)) {
        postNotice({ tone: 'error', title: msg('media.notInserted', { name }) });
        continue;
      }
      inserted++;
      postNotice({
        tone: 'info',
        title: msg('media.inserted', { name }),
        details: added.warnings.length ? added.warnings : undefined,
      });
    } catch (e) {
      postNotice({ tone: 'error', title: msg('media.refused', { name }), details: reason(e) });
    }
  }
  return inserted;
}
