// The open editor's "save what is pending" hook, so the shell can flush before it navigates away or the
// window closes without knowing anything about editors.
let active: (() => Promise<void>) | null = null;

export function setActiveFlush(flush: (() => Promise<void>) | null): void {
  active = flush;
}

export function flushActiveEditor(): Promise<void> {
  return active ? active() : Promise.resolve();
}
