// Shared by the crash test and the hardening crash loop: a seeded random source for the kill moments, and the
// writer process (saveLoop.ts) run on a database file and SIGKILLed `delayMs` after spawn or after its first
// acknowledged save.
import { spawn } from 'node:child_process';
import { repoRoot } from '../store/testFiles';

export function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

/** One save the writer acknowledged: the revision it went into, the counter it saved, and how it saved it. */
export type Ack = { seq: number; n: number; reason: string };
export type Run = { acks: Ack[]; articleId?: string; stderr: string; signal: string | null };

export function runAndKill(file: string, first: number, delayMs: number, fromSpawn: boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/node/crash/saveLoop.ts', file, String(first)],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const acks: Ack[] = [];
    let articleId: string | undefined;
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (fromSpawn) arm();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!; // a line cut by the kill is not an acknowledgement
      for (const line of lines) {
        const [kind, a, b, c] = line.split(' ');
        if (kind === 'article') articleId = a;
        if (kind === 'ack') {
          acks.push({ seq: Number(a), n: Number(b), reason: c ?? '' });
          arm();
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => (stderr += s));
    // A writer still alive after 20 s is stuck: kill it and let the checks report the round.
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      if (timer) clearTimeout(timer);
      resolve({ acks, articleId, stderr, signal });
    });
  });
}
