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
// The resident size now (not the peak so far: loading the modules may have peaked higher than the diff),
// against the peak after the diff — the memory the diff itself needed, at most.
const rssBefore = process.memoryUsage().rss / 1024;
const t0 = performance.now();
const ops =
  engine === 'tadqiq'
    ? diffText(a, b).words.length
    : timeout
      ? (diffWords(a, b, { timeout: Number(timeout) })?.length ?? null)
      : diffWords(a, b).length;
const ms = performance.now() - t0;
const peakRssGrowthMb = Math.max(0, process.resourceUsage().maxRSS - rssBefore) / 1024;
process.stdout.write(`${JSON.stringify({ ms, peakRssGrowthMb, ops })}\n`);
