// The command table: a new command (check, quotes, diff, status, export …) is one module added here.
import type { CliCommand } from '../command';
import { codesCommand } from './codes';
import { checkCommand } from './check';
import { diffCommand } from './diff';
import { exportCommand } from './export';
import { figuresCommand } from './figures';
import { importCommand } from './import';
import { listCommand } from './list';
import { quotesCommand } from './quotes';
import { reviseCommand } from './revise';
import { revisionsCommand } from './revisions';
import { searchCommand } from './search';
import { showCommand } from './show';
import { tagsCommand } from './tags';
import { sourcesCommand } from './sources';
import { statusCommand } from './status';

export const COMMANDS: readonly CliCommand[] = [
  importCommand,
  listCommand,
  showCommand,
  searchCommand,
  reviseCommand,
  revisionsCommand,
  diffCommand,
  checkCommand,
  quotesCommand,
  figuresCommand,
  tagsCommand,
  codesCommand,
  sourcesCommand,
  statusCommand,
  exportCommand,
];
