// Which files count as photos for the article, and telling a photo dragged onto the editor (a figure to
// insert) from a file dropped anywhere else (an article to import).

/** The formats the photo services accept. */
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const IMAGE_ACCEPT = '.jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp';

/** True while the dragged or dropped items are all images and the pointer is over an editable article. */
export function isEditorImageDrag(e: DragEvent): boolean {
  const target = e.target instanceof Element ? e.target : null;
  if (!target?.closest('.article-editor[contenteditable="true"]')) return false;
  const items = e.dataTransfer ? Array.from(e.dataTransfer.items) : [];
  return items.length > 0 && items.every((i) => i.kind === 'file' && i.type.startsWith('image/'));
}
