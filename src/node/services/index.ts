// The operations Tadqiq offers, as one table keyed by IPC channel (for Electron main and the e2e harness,
// through createDispatch) and as plain functions (for the command line). Both reach the same code.
import type Database from 'better-sqlite3';
import { AppError } from '../../core/ipc/contract';
import type { ServiceTable } from '../../core/ipc/dispatch';
import { factcheckServices } from './factcheck';
import { getRevision, listRevisions, restoreRevision, saveRevision, showArticle } from './articles';
import { importDocument, importText, listArticles, search, trashArticle, untrashArticle } from './library';
import { getSettings, getUser, setSettings, setUser } from './user';
import { createSpellingServices } from './spelling';
import { photoServices } from './media';
import { workflowServices } from './export';
import { checkerServices } from './checker';

export * from './articles';
export * from './library';
export * from './user';
export { contentHash, sameContent } from './content';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes the import channel's payload; Buffer.from would silently skip characters that are not base64. */
export function decodeBase64(data: string): Uint8Array {
  const compact = data.replace(/\s+/g, '');
  if (compact.length % 4 === 1 || !BASE64.test(compact)) {
    throw new AppError('bad_request', 'The file data is not valid base64.');
  }
  return Buffer.from(compact, 'base64');
}

export function createServices(db: Database.Database): ServiceTable {
  return {
    'library:list': ({ trash }) => listArticles(db, { trash }),
    'library:search': ({ query }) => search(db, query),
    'library:importFile': ({ fileName, dataBase64, allowDuplicate }) =>
      importDocument(db, { bytes: decodeBase64(dataBase64), fileName }, { allowDuplicate }),
    'library:importText': ({ text, format, allowDuplicate }) =>
      importText(db, text, format, { allowDuplicate }),
    'library:trash': ({ id }) => trashArticle(db, id),
    'library:untrash': ({ id }) => untrashArticle(db, id),
    'article:open': ({ id }) => showArticle(db, id),
    'article:save': ({ id, content, reason, note, baseSeq, baseCreatedAt }) =>
      saveRevision(db, { id, content, reason, note, baseSeq, baseCreatedAt }),
    'revisions:list': ({ id }) => listRevisions(db, id),
    'revisions:get': ({ id, seq }) => getRevision(db, id, seq),
    'revisions:restore': ({ id, seq }) => restoreRevision(db, { id, seq }),
    'user:get': () => getUser(db),
    'user:set': ({ name }) => setUser(db, name),
    'settings:get': () => getSettings(db),
    'settings:set': (patch) => setSettings(db, patch),
    ...createSpellingServices(db),
    ...photoServices(db, decodeBase64),
    ...factcheckServices(db),
    ...workflowServices(db),
    ...checkerServices(db),
  };
}
