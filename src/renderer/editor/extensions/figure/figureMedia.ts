// Photos coming into the article: the insertFigure command (a figure always goes after the article's other
// figures, where the schema keeps them), and image files pasted or dropped onto the editor, handed to
// whoever registered `storage.figureMedia.onImages` (the media feature, which stores them first).
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { Figure } from '../../../../core/article/model';

export type FigureMediaStorage = { onImages: ((files: File[]) => void) | null };

declare module '@tiptap/core' {
  interface Storage {
    figureMedia: FigureMediaStorage;
  }
  interface Commands<ReturnType> {
    figureMedia: {
      /** Adds a figure after the existing ones (before the dateline), as one undoable step. */
      insertFigure: (figure: Figure) => ReturnType;
    };
  }
}

/** Where a new figure goes: after the last figure, else after the headline and standfirst. */
export function figureInsertPos(doc: PmNode): number {
  let pos = 0;
  doc.forEach((child, offset) => {
    const name = child.type.name;
    if (name === 'headline' || name === 'standfirst' || name === 'figure') pos = offset + child.nodeSize;
  });
  return pos;
}

/** Image files of a paste or drop (any image/* type: the services decide which they accept). */
export function imageFiles(data: DataTransfer | null): File[] {
  if (!data) return [];
  return Array.from(data.files).filter((f) => f.type.startsWith('image/'));
}

export const FigureMedia = Extension.create<Record<string, never>, FigureMediaStorage>({
  name: 'figureMedia',

  addStorage() {
    return { onImages: null };
  },

  addCommands() {
    return {
      insertFigure:
        (figure) =>
        ({ state, tr, dispatch }) => {
          const type = state.schema.nodes.figure;
          if (!type) return false;
          const node = type.create(
            {
              image: figure.image,
              credit: figure.credit,
              photographer: figure.photographer,
              date: figure.date,
              altText: figure.altText,
            },
            figure.caption ? state.schema.text(figure.caption) : null,
          );
          const pos = figureInsertPos(tr.doc);
          const index = indexAt(tr.doc, pos);
          if (!tr.doc.canReplaceWith(index, index, type)) return false;
          if (dispatch) tr.insert(pos, node).scrollIntoView();
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const storage = this.storage;
    const take = (data: DataTransfer | null): boolean => {
      const files = imageFiles(data);
      if (!files.length || !storage.onImages) return false;
      storage.onImages(files);
      return true;
    };
    return [
      new Plugin({
        key: new PluginKey('figureMedia'),
        props: {
          handlePaste: (view, event) => view.editable && take(event.clipboardData),
          handleDrop: (view, event) => view.editable && take((event as DragEvent).dataTransfer),
        },
      }),
    ];
  },
});

function indexAt(doc: PmNode, pos: number): number {
  let index = 0;
  doc.forEach((_child, offset) => {
    if (offset < pos) index++;
  });
  return index;
}
