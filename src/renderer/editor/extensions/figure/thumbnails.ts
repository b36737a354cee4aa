// Thumbnails of stored photos as data URLs (the renderer's CSP allows img-src data:), fetched once per image
// through 'media:thumbnail' and kept for the session: figures re-render often, images never change.
import { useEffect, useState } from 'react';
import { call } from '../../../bridge';

const cache = new Map<string, Promise<string>>();

export function thumbnailUrl(hash: string): Promise<string> {
  let p = cache.get(hash);
  if (!p) {
    p = call('media:thumbnail', { hash }).then((t) => `data:${t.mimeType};base64,${t.dataBase64}`);
    // A failure is not remembered: the next render may try again.
    p.catch(() => cache.delete(hash));
    cache.set(hash, p);
  }
  return p;
}

export type Thumbnail =
  { state: 'none' } | { state: 'loading' } | { state: 'ready'; url: string } | { state: 'failed' };

export function useThumbnail(hash: string | null): Thumbnail {
  const [result, setResult] = useState<{ hash: string; thumb: Thumbnail } | null>(null);
  useEffect(() => {
    if (!hash) return;
    let live = true;
    thumbnailUrl(hash).then(
      (url) => live && setResult({ hash, thumb: { state: 'ready', url } }),
      () => live && setResult({ hash, thumb: { state: 'failed' } }),
    );
    return () => {
      live = false;
    };
  }, [hash]);
  if (!hash) return { state: 'none' };
  return result?.hash === hash ? result.thumb : { state: 'loading' };
}
