// Every benchmark `npm run bench` runs, in order. A new benchmark is one module in modules/ and one line here.
import type { BenchModule } from './benchmark';
import { importCorpus } from './modules/importCorpus';
import { searchCorpus } from './modules/search';
import { revisionSave } from './modules/revisions';
import { keystrokeLatency } from './keystroke/keystroke';
import { checkerBench } from './modules/checker';
import { historyStorage } from './modules/history';
import { diffBench } from './modules/diff';
import { quotesBench } from './modules/quotes';

export const MODULES: readonly BenchModule[] = [
  importCorpus,
  searchCorpus,
  revisionSave,
  keystrokeLatency,
  historyStorage,
  diffBench,
  quotesBench,
  checkerBench,
];
