// The command-line runner: finds the command in the table, parses its flags strictly (node:util parseArgs),
// opens the database only when the command needs it, and turns every failure into one line on stderr with
// exit code 1 (bad input) or 2 (wrong use of the command line). stdout carries only the result.
import type Database from 'better-sqlite3';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../core/ipc/contract';
import { defaultDatabasePath } from '../paths';
import { openDatabase } from '../store/db';
import { UsageError, type CliCommand, type CommandContext, type FlagSpec } from './command';
import { COMMANDS } from './commands';

export type CliIo = {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  cwd: string;
};

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const GLOBAL_FLAGS: Record<string, FlagSpec> = {
  json: { type: 'boolean', help: 'JSON فقط على المخرج — only JSON on stdout' },
  db: { type: 'string', help: 'ملف قاعدة البيانات — database file (default: the app’s own, or $TADQIQ_DB)' },
  author: { type: 'string', help: 'اسم كاتب المراجعة — author of the revisions made' },
  help: { type: 'boolean', short: 'h', help: 'المساعدة — this help' },
};

export async function runCli(argv: readonly string[], io: CliIo, commands = COMMANDS): Promise<number> {
  let db: Database.Database | undefined;
  try {
    const { command, rest } = findCommand(argv, commands);
    if (!command) {
      if (rest.includes('--help') || rest.includes('-h') || argv[0] === 'help') {
        io.stdout(generalHelp(commands) + '\n');
        return EXIT_OK;
      }
      throw new UsageError(
        argv.length === 0
          ? 'no command given (try --help).'
          : `unknown command "${firstWord(argv)}" (try --help).`,
      );
    }
    const { values, positionals } = parseFlags(command, rest);
    if (values.help === true) {
      io.stdout(commandHelp(command) + '\n');
      return EXIT_OK;
    }
    const args = checkPositionals(command, positionals);
    const json = values.json === true;
    const dbFlag = values.db;
    const authorFlag = values.author;
    if (dbFlag === '') throw new UsageError('--db needs a file path.');
    if (authorFlag === '') throw new UsageError('--author needs a name.');
    const ctx: CommandContext = {
      args,
      flags: values,
      json,
      author: typeof authorFlag === 'string' ? authorFlag : undefined,
      db() {
        if (!db) {
          const file = typeof dbFlag === 'string' ? dbFlag : defaultDatabasePath({ env: io.env });
          db = openDatabase(path.resolve(io.cwd, file));
        }
        return db;
      },
      readFile: (p) => readInputFile(path.resolve(io.cwd, p), p),
    };
    const result = await command.run(ctx);
    io.stdout((json ? JSON.stringify(result.json, null, 2) : result.text) + '\n');
    return EXIT_OK;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`tadqiq: ${oneLine(e.message)}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof AppError) {
      io.stderr(`tadqiq: ${oneLine(e.message)}\n`);
      return EXIT_FAILURE;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`tadqiq: unexpected error: ${oneLine(message)}\n`);
    if (io.env.TADQIQ_DEBUG && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
    return EXIT_FAILURE;
  } finally {
    db?.close();
  }
}

/** The command is the first word that is neither a flag nor the value of a global string flag. */
function findCommand(
  argv: readonly string[],
  commands: readonly CliCommand[],
): { command: CliCommand | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a.startsWith('-')) {
      const name = a.replace(/^--?/, '');
      if (GLOBAL_FLAGS[name]?.type === 'string') i++;
      continue;
    }
    const command = commands.find((c) => c.name === a);
    if (!command) return { command: undefined, rest: [...argv] };
    return { command, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { command: undefined, rest: [...argv] };
}

function firstWord(argv: readonly string[]): string {
  return argv.find((a) => !a.startsWith('-')) ?? argv[0] ?? '';
}

function parseFlags(
  command: CliCommand,
  rest: string[],
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries({ ...GLOBAL_FLAGS, ...command.flags })) {
    options[name] = {
      type: spec.type,
      ...(spec.short ? { short: spec.short } : {}),
      ...(spec.multiple ? { multiple: true } : {}),
    };
  }
  try {
    const parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    return {
      values: parsed.values as Record<string, string | boolean | string[] | undefined>,
      positionals: parsed.positionals,
    };
  } catch (e) {
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(`${command.name}: ${e.message} (usage: ${command.usage})`);
    }
    throw e;
  }
}

function checkPositionals(command: CliCommand, given: string[]): string[] {
  const required = command.positionals.filter((p) => !p.endsWith('?'));
  if (given.length < required.length) {
    throw new UsageError(`${command.name}: missing ${required[given.length]} (usage: ${command.usage})`);
  }
  if (given.length > command.positionals.length) {
    throw new UsageError(
      `${command.name}: unexpected argument "${given[command.positionals.length]}" (usage: ${command.usage})`,
    );
  }
  for (const [i, v] of given.entries()) {
    if (v.trim() === '') throw new UsageError(`${command.name}: ${command.positionals[i]} is empty.`);
  }
  return given;
}

async function readInputFile(absolute: string, shown: string): Promise<Uint8Array> {
  try {
    return await readFile(absolute);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('not_found', `${shown}: no such file.`);
    if (code === 'EISDIR') throw new AppError('unsupported_file', `${shown} is a folder, not a file.`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new AppError('unsupported_file', `${shown}: permission denied.`);
    throw e;
  }
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

function flagLines(flags: Record<string, FlagSpec>): string[] {
  return Object.entries(flags).map(([name, f]) => {
    const left = `  --${name}${f.type === 'string' ? ' VALUE' : ''}`;
    return `${left.padEnd(22)} ${f.help}`;
  });
}

export function generalHelp(commands: readonly CliCommand[]): string {
  return [
    'تدقيق — سطر الأوامر | Tadqiq command line',
    '',
    'الاستخدام | usage: npm run -s cli -- COMMAND [options]',
    '',
    'الأوامر | commands:',
    ...commands.map((c) => `  ${c.usage.padEnd(44)} ${c.summary}`),
    '',
    'خيارات عامة | options for every command:',
    ...flagLines(GLOBAL_FLAGS),
    '',
    'رمز الخروج | exit code: 0 ok, 1 bad input, 2 wrong usage.',
  ].join('\n');
}

export function commandHelp(c: CliCommand): string {
  return [
    `الاستخدام | usage: npm run -s cli -- ${c.usage}`,
    '',
    c.summary,
    ...(Object.keys(c.flags).length ? ['', 'خيارات | options:', ...flagLines(c.flags)] : []),
    '',
    'خيارات عامة | options for every command:',
    ...flagLines(GLOBAL_FLAGS),
  ].join('\n');
}
