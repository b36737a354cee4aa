// Photos into the open article: each file is stored through 'media:add' (validated and read for its
// IPTC/XMP/EXIF caption, credit, photographer, date and alt text), then added to the editor as a figure — or
// attached to a figure that has a caption but no photo yet (as imported articles' captions come) — so it is
// saved with the next revision like any other edit and can be undone. A refused file leaves the article
// exactly as it was and says why.
import type { Editor } from '@tiptap/react';
import { attachPhoto } from '../../../core/captions/metadata';
import type { FigureAttrs } from '../../editor/extensions/figure/figure';
import { dispatchOwnStep } from '../../editor/ownStep';
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

/**
 * Stores the photo and puts it on the figure at `where()` — asked once the photo is stored, since the author
 * may have typed above the figure meanwhile — in one undoable step. What the desk already wrote stays: the
 * file's caption, credit, photographer, date and alt text fill only the fields that are empty.
 */
export async function attachImageFile(
  editor: Editor,
  file: File,
  where: () => number | undefined,
): Promise<boolean> {
  const name = file.name || 'image';
  try {
    const dataBase64 = await fileToBase64(file);
    const added = await call('media:add', { fileName: name, dataBase64 });
    const pos = editor.isDestroyed ? undefined : where();
    const node = pos === undefined ? null : editor.state.doc.nodeAt(pos);
    if (pos === undefined || !node || node.type.name !== 'figure') {
      postNotice({ tone: 'error', title: msg('media.notAttached', { name }) });
      return false;
    }
    const { caption, ...attrs } = attachPhoto(
      { ...(node.attrs as FigureAttrs), caption: node.textContent },
      added.figure,
    );
    const tr = editor.state.tr.setNodeMarkup(pos, undefined, attrs);
    if (caption !== node.textContent) tr.insertText(caption, pos + 1, pos + node.nodeSize - 1);
    dispatchOwnStep(editor, tr);
    postNotice({
      tone: 'info',
      title: msg('media.attached', { name }),
      details: added.warnings.length ? added.warnings : undefined,
    });
    return true;
  } catch (e) {
    postNotice({ tone: 'error', title: msg('media.notAttached', { name }), details: reason(e) });
    return false;
  }
}
