// Keeps a copy of a database file the app refuses to open (damaged, from a newer Tadqiq, not ours) before the
// refusal is reported: whatever the user does next (restore, reinstall, delete), the bytes as they were are
// kept beside it. A copy never overwrites anything: a name that exists gets a counter.
import { constants, copyFileSync, existsSync, statSync } from 'node:fs';

/** `<name>.refused-<timestamp>.bak`, where the timestamp is safe in file names on every platform. */
export function refusedCopyName(path: string, at: Date, attempt = 0): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return `${path}.refused-${stamp}${attempt > 0 ? `-${attempt}` : ''}.bak`;
}

/**
 * Copies the refused file (and its write-ahead log, which holds committed data the main file may lack) and
 * returns the copy's path, or null when there is nothing to copy (no file, or an empty one).
 * Throws the file system's error when the copy cannot be made; the caller reports both problems.
 */
export function keepRefusedCopy(path: string, at: Date = new Date()): string | null {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return null;
  }
  if (size === 0) return null;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const target = refusedCopyName(path, at, attempt);
    if (existsSync(target) || existsSync(`${target}-wal`)) continue;
    try {
      copyFileSync(path, target, constants.COPYFILE_EXCL);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue; // taken meanwhile: try the next name
      throw e;
    }
    const wal = `${path}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0)
      copyFileSync(wal, `${target}-wal`, constants.COPYFILE_EXCL);
    return target;
  }
  throw new Error(`no free name for a copy of ${path}`);
}
