// The spelling worker thread: loads Hunspell with the Arabic dictionary once, then answers check and suggest
// requests in order. Hunspell's suggestions take milliseconds each and loading takes a good part of a second,
// so none of it runs on the thread that serves the window or the command line.
import { parentPort, workerData } from 'node:worker_threads';
import { loadHunspell, type HunspellEngine } from './engine';
import { requestProblem, type WorkerInit, type WorkerReply, type WorkerRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('The spelling worker runs as a worker thread only.');
const init = workerData as WorkerInit;

const engine: Promise<HunspellEngine> = loadHunspell(init);
// A failed load is reported with the first request (and every later one), not as an unhandled rejection.
engine.catch(() => undefined);

function reply(msg: WorkerReply): void {
  port!.postMessage(msg);
}

async function answer(req: WorkerRequest): Promise<WorkerReply> {
  let hunspell: HunspellEngine;
  try {
    hunspell = await engine;
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      id: req.id,
      ok: false,
      error: { code: 'internal', message: `The Arabic dictionary could not be loaded (${init.dic}): ${why}` },
    };
  }
  if (req.op === 'check') return { id: req.id, ok: true, value: req.words.map((w) => hunspell.spell(w)) };
  return { id: req.id, ok: true, value: hunspell.suggest(req.word) };
}

// Requests are answered one at a time, in the order they came.
let queue: Promise<void> = Promise.resolve();

port.on('message', (msg: unknown) => {
  const problem = requestProblem(msg);
  const id = typeof (msg as { id?: unknown })?.id === 'number' ? (msg as { id: number }).id : -1;
  if (problem) {
    reply({ id, ok: false, error: { code: 'bad_request', message: `Spelling: ${problem}.` } });
    return;
  }
  queue = queue.then(async () => {
    try {
      reply(await answer(msg as WorkerRequest));
    } catch (e) {
      reply({
        id,
        ok: false,
        error: {
          code: 'internal',
          message: `Spelling failed: ${e instanceof Error ? e.message : String(e)}`,
        },
      });
    }
  });
});
