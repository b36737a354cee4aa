// Source texts fetched for showing evidence: a source's text never changes once stored (the same text is
// reused, a different one is a new source), so one fetch per source and session is enough.
import type { SourceDetail } from '../../../core/factcheck/model';
import { call } from '../../bridge';

const cache = new Map<string, Promise<SourceDetail>>();

export function loadSource(id: string): Promise<SourceDetail> {
  let p = cache.get(id);
  if (!p) {
    p = call('sources:get', { id });
    cache.set(id, p);
    p.catch(() => cache.delete(id));
  }
  return p;
}
