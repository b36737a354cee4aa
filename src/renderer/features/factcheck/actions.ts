// What every fact-checking action does around its service call: the services read the latest saved
// revision, so pending edits are saved first; failures become a notice the user can read.
import { flushActiveEditor } from '../revisions/activeEditor';
import { msg, postNotice } from '../shell/notices';

export class NotSavedError extends Error {
  constructor() {
    super('The latest edits could not be saved.');
    this.name = 'NotSavedError';
  }
}

/** Saves what the editor holds, then runs `fn`; resolves to undefined (after a notice) on failure. */
export async function afterSave<T>(failedKey: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    if (!(await flushActiveEditor())) throw new NotSavedError();
    return await fn();
  } catch (e) {
    postNotice({
      tone: 'error',
      title: msg(failedKey),
      details: [e instanceof NotSavedError ? msg('factcheck.notSaved') : { error: e }],
    });
    return undefined;
  }
}

/** Runs `fn`; a failure becomes a notice. */
export async function attempt<T>(failedKey: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    postNotice({ tone: 'error', title: msg(failedKey), details: [{ error: e }] });
    return undefined;
  }
}
