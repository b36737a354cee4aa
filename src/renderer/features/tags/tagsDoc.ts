// The article's tags in the editor: they ride on the document node as an attribute (see articleDocument),
// so adding or removing one is a document step like any edit: undoable, and saved with the next revision.
import type { Editor } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { cleanLabel, tagKey } from '../../../core/tags/vocabulary';

const NONE: string[] = [];

export function readTags(state: EditorState): string[] {
  const tags = state.doc.attrs.tags as unknown;
  return Array.isArray(tags) ? (tags as string[]) : NONE;
}

export function hasTag(tags: readonly string[], label: string): boolean {
  const k = tagKey(label);
  return tags.some((t) => tagKey(t) === k);
}

function setTags(editor: Editor, tags: string[]): void {
  editor.view.dispatch(editor.state.tr.setDocAttribute('tags', tags));
}

/** Adds a tag unless the article already carries it in any spelling (Arabic folding); false when not added. */
export function addTag(editor: Editor, label: string): boolean {
  const clean = cleanLabel(label);
  const tags = readTags(editor.state);
  if (!tagKey(clean) || hasTag(tags, clean) || !editor.isEditable) return false;
  setTags(editor, [...tags, clean]);
  return true;
}

export function removeTag(editor: Editor, label: string): void {
  const tags = readTags(editor.state);
  if (!editor.isEditable || !tags.includes(label)) return;
  setTags(
    editor,
    tags.filter((t) => t !== label),
  );
}

/**
 * After a rename or merge in the vocabulary: the open article's tags follow, as the stored articles did,
 * so that its next save keeps the new label instead of writing the old one back.
 */
export function retag(editor: Editor, fromKeys: ReadonlySet<string>, label: string): void {
  if (editor.isDestroyed) return;
  const tags = readTags(editor.state);
  const target = tagKey(label);
  if (!tags.some((t) => fromKeys.has(tagKey(t)))) return;
  const seen = new Set<string>();
  const next: string[] = [];
  for (const t of tags) {
    const k = fromKeys.has(tagKey(t)) ? target : tagKey(t);
    if (seen.has(k)) continue;
    seen.add(k);
    next.push(k === target ? label : t);
  }
  setTags(editor, next);
}
