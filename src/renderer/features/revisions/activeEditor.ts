// The open editor's "save what is pending" hook, so the shell can flush before it navigates away or the
// window closes without knowing anything about editors.
let active: (() => Promise<boolean>) | null = null;

/** `flush` resolves to true when everything the author typed is stored. */
export function setActiveFlush(flush: (() => Promise<boolean>) | null): void {
  active = flush;
}

export function flushActiveEditor(): Promise<boolean> {
  return active ? active() : Promise.resolve(true);
}
