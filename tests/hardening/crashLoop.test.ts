// The crash loop: the save path's writer process (tests/node/crash/saveLoop.ts) is SIGKILLed at random
// moments, round after round on one database file. After every kill the file must open, pass
// PRAGMA integrity_check and hold, with its exact content, every revision acknowledged in that round, the
// newest one, and a random sample of the older ones; after the last round every acknowledged revision is
// read once more. (Reading all of them after every kill made the loop quadratic: old revisions are
// compressed deltas, and a thousand rounds acknowledge thousands of them.) Counts kills, acknowledged
// revisions, checks and losses (which must be 0).
// Rounds: TADQIQ_CRASH_ROUNDS (1,000; 40 in CI). TADQIQ_CRASH_SEED replays a run.
import { afterAll, describe, expect, it } from 'vitest';
import { getRevision, listRevisions, sameContent } from '../../src/node/services';
import { openDatabase } from '../../src/node/store/db';
import { crashContent } from '../node/crash/crashContent';
import { tempDir } from '../node/store/testFiles';
import { random, runAndKill, type Ack } from '../node/crash/writer';
import { count, recordFigure } from './figures';

const ROUNDS = count('TADQIQ_CRASH_ROUNDS', 1000, 40);
const SEED = Number(process.env.TADQIQ_CRASH_SEED ?? Date.now() % 1_000_000);
const tmp = tempDir('tadqiq-crashloop-');
afterAll(() => tmp.cleanup());

/** Older acknowledged revisions read again after each kill, besides the round's own and the newest. */
const SAMPLE_PER_ROUND = 16;

describe('crash loop', () => {
  it(
    `SIGKILLs the save path ${ROUNDS} times and loses nothing acknowledged (seed ${SEED})`,
    { timeout: 120_000 + ROUNDS * 25_000 },
    async () => {
      const file = tmp.file('crash.db');
      const rnd = random(SEED);
      const acked = new Map<number, Ack>();
      let articleId: string | undefined;
      let kills = 0;
      let acknowledged = 0;
      let checked = 0;
      let finalChecks = 0;
      const losses: string[] = [];
      const damaged: string[] = [];
      const odd: string[] = [];

      for (let round = 0; round < ROUNDS; round++) {
        // One round in four is killed counting from spawn (startup, WAL recovery, the first save); the
        // others while saves stream, counting from the first acknowledgement.
        const fromSpawn = round % 4 === 0;
        const delay = fromSpawn ? Math.floor(rnd() * 1200) : Math.floor(rnd() * 300);
        const run = await runAndKill(file, (round + 1) * 100_000, delay, fromSpawn);
        const where = `round ${round}, delay ${delay} ms${fromSpawn ? ' from spawn' : ''}`;
        if (run.signal === 'SIGKILL') kills++;
        else odd.push(`${where}: the writer ended by itself: ${run.stderr.slice(0, 400)}`);
        if (!fromSpawn && run.acks.length === 0)
          odd.push(`${where}: never saved: ${run.stderr.slice(0, 400)}`);
        articleId ??= run.articleId;
        acknowledged += run.acks.length;
        for (const a of run.acks) acked.set(a.seq, a);

        const all = [...acked.keys()];
        const seqs = new Set(run.acks.map((a) => a.seq));
        if (all.length) seqs.add(Math.max(...all));
        for (let i = 0; i < SAMPLE_PER_ROUND && all.length; i++)
          seqs.add(all[Math.floor(rnd() * all.length)]!);
        checked += verify(file, seqs, where);
      }
      finalChecks = verify(file, new Set(acked.keys()), 'after the last round');

      /** Opens the file and reads the given acknowledged revisions; returns how many it read. */
      function verify(path: string, seqs: ReadonlySet<number>, where: string): number {
        let n = 0;
        const db = openDatabase(path);
        try {
          const result = db.pragma('integrity_check', { simple: true });
          if (result !== 'ok') damaged.push(`${where}: ${String(result)}`);
          if (!articleId) return 0;
          const latestSeq = listRevisions(db, articleId)[0]!.seq;
          for (const seq of seqs) {
            const last = acked.get(seq)!;
            n++;
            const stored = getRevision(db, articleId, seq);
            // The newest revision may also hold an autosave that committed just before the kill but was
            // not acknowledged yet (folded into it): then it holds the next counter's content.
            const ok =
              sameContent(stored.content, crashContent(last.n)) ||
              (seq === latestSeq && sameContent(stored.content, crashContent(last.n + 1)));
            if (!ok) losses.push(`${where}: revision ${seq} lost save ${last.n}`);
          }
        } catch (e) {
          damaged.push(`${where}: ${e instanceof Error ? e.message : String(e)}`);
        } finally {
          db.close();
        }
        return n;
      }
      recordFigure({ area: 'crash', name: 'kills', value: kills, detail: `${ROUNDS} rounds, seed ${SEED}` });
      recordFigure({ area: 'crash', name: 'acknowledged revisions', value: acknowledged });
      recordFigure({ area: 'crash', name: 'revision checks after kills', value: checked });
      recordFigure({
        area: 'crash',
        name: 'acknowledged revisions read after the last round',
        value: finalChecks,
      });
      recordFigure({ area: 'crash', name: 'losses', value: losses.length });
      recordFigure({ area: 'crash', name: 'damaged databases', value: damaged.length });
      expect(losses.slice(0, 5)).toEqual([]);
      expect(damaged.slice(0, 5)).toEqual([]);
      expect(odd.slice(0, 5)).toEqual([]);
      expect(kills).toBe(ROUNDS);
      expect(acknowledged).toBeGreaterThan(0);
      expect(finalChecks).toBe(acked.size);
    },
  );
});
