// The worker thread must start however the services are loaded: tsx's tsImport (the e2e harness) adds a
// query to module URLs, which once sent the speller looking for the bundled worker instead of worker.ts.
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../store/testFiles';

const SCRIPT = `
import { tsImport } from 'tsx/esm/api';
const backend = await tsImport('./tests/e2e/backend.ts', import.meta.url);
const db = backend.openDatabase(':memory:');
const dispatch = backend.createDispatch(backend.createServices(db), () => {});
process.stdout.write(JSON.stringify(await dispatch('spelling:check', { words: ['انشاء', 'ولافروف'] })));
db.close();
`;

describe('spelling worker under the e2e harness loader', () => {
  it('answers through the dispatch the harness injects', async () => {
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['--input-type=module', '-e', SCRIPT],
        { cwd: repoRoot },
        (error, out, err) => (error ? reject(new Error(err || error.message)) : resolve(out)),
      ),
    );
    const r = JSON.parse(stdout) as {
      ok: boolean;
      value: { results: { correct: boolean; source: string }[] };
    };
    expect(r.ok).toBe(true);
    expect(r.value.results.map((x) => [x.correct, x.source])).toEqual([
      [false, 'dictionary'],
      [true, 'newsroom'],
    ]);
  });
});
