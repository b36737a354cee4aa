// One diff in a fresh process, so its memory is its own: reads the two texts from a JSON file, runs the named
// engine once and prints { ms, peakRssGrowthMb, ops } on stdout (ops is null when jsdiff gave up at its own
// `timeout`). Run by the diff benchmark.
// Usage: node --expose-gc --import tsx tests/bench/modules/diffWorker.ts INPUT_JSON tadqiq|jsdiff [TIMEOUT_MS]
import { readFileSync } from 'node:fs';
import { diffWords } from 'diff';
import { diffText } from '../../../src/core/diff';

const [file, engine, timeout] = process.argv.slice(2);
if (!file || (engine !== 'tadqiq' && engine !== 'jsdiff')) {
  process.stderr.write('usage: diffWorker.ts INPUT_JSON tadqiq|jsdiff\n');
  process.exit(2);
}
const { a, b } = JSON.parse(readFileSync(file, 'utf8')) as { a: string; b: string };
(globalThis as { gc?: () => void }).gc?.();
// The peak can only be read since the process started, and loading the modules (tsx compiles them) may
// have peaked higher than the diff will. So the growth is counted from the higher of the resident size now
// and that earlier peak: what the diff added on top of the process's peak so far (0 when it stayed below).
const rssBefore = process.memoryUsage().rss / 1024;
const peakBefore = process.resourceUsage().maxRSS;
const t0 = performance.now();
const ops =
  engine === 'tadqiq'
    ? diffText(a, b).words.length
    : timeout
      ? (diffWords(a, b, { timeout: Number(timeout) })?.length ?? null)
      : diffWords(a, b).length;
const ms = performance.now() - t0;
const peakRssGrowthMb = Math.max(0, process.resourceUsage().maxRSS - Math.max(rssBefore, peakBefore)) / 1024;
process.stdout.write(`${JSON.stringify({ ms, peakRssGrowthMb, ops })}\n`);
