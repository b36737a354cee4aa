// What a command-line command is: a name, its flags, its positionals and a run function returning both the
// JSON (--json) and the human (Arabic) rendering. Each command lives in its own module under commands/.
import type Database from 'better-sqlite3';

export type FlagSpec = { type: 'string' | 'boolean'; short?: string; multiple?: boolean; help: string };

export type CommandContext = {
  /** Positionals after the command name, already checked against the command's arity. */
  args: string[];
  flags: Record<string, string | boolean | string[] | undefined>;
  json: boolean;
  /** --author, when given. */
  author: string | undefined;
  /** Opens the database (once) at --db or the app's own path; commands that store nothing never call it. */
  db(): Database.Database;
  /** Reads a file named on the command line, relative to the working directory. */
  readFile(path: string): Promise<Uint8Array>;
};

export type CommandResult = { json: unknown; text: string };

export type CliCommand = {
  name: string;
  /** e.g. 'import FILE [--dry-run] [--allow-duplicate]' */
  usage: string;
  /** Arabic first, English second. */
  summary: string;
  flags: Record<string, FlagSpec>;
  /** Names of the positionals, in order; optional ones end in '?'. */
  positionals: string[];
  run(ctx: CommandContext): Promise<CommandResult> | CommandResult;
};

/** Wrong use of the command line itself (exit code 2), as opposed to bad input data (exit code 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
