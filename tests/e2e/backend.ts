// The Node side the e2e harness runs in-process: the store, the services and the dispatch Electron main uses.
// Loaded through tsx (see harness.ts) so that all three share one module graph (AppError identity) and the
// JSON data files the import code reads load as they do in the CLI.
export { openDatabase } from '../../src/node/store/db';
export { createServices } from '../../src/node/services/index';
export { createDispatch } from '../../src/core/ipc/dispatch';
