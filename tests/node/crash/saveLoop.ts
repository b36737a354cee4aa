// The crash test's writer, run as its own process and killed with SIGKILL at random moments: opens the
// database (migrating it on the first run), then saves revisions in a loop through the real service and
// acknowledges each one on stdout only after its transaction has committed.
// Usage: node --import tsx tests/node/crash/saveLoop.ts DB_FILE FIRST_COUNTER
import { importText, listArticles, saveRevision } from '../../../src/node/services';
import { openDatabase } from '../../../src/node/store/db';
import { crashContent } from './crashContent';

const [file, first] = process.argv.slice(2);
if (!file || !first) {
  process.stderr.write('usage: saveLoop.ts DB_FILE FIRST_COUNTER\n');
  process.exit(2);
}
const db = openDatabase(file);
let id = listArticles(db)[0]?.id;
if (!id) {
  const outcome = importText(db, 'خبر لاختبار الانهيار\nالنص الأول', 'text', { author: 'crash' });
  if (outcome.kind !== 'imported') throw new Error('could not create the article');
  id = outcome.id;
}
process.stdout.write(`article ${id}\n`);
// Mostly manual saves; every fourth is an autosave, so replacing a coalesced autosave is crashed too.
for (let n = Number(first); ; n++) {
  const reason = n % 4 === 1 ? 'autosave' : 'manual';
  const { revision } = saveRevision(db, { id, content: crashContent(n), reason, author: 'crash' });
  process.stdout.write(`ack ${revision.seq} ${n} ${reason}\n`);
}
