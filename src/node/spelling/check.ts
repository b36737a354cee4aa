// The house-style checker with Hunspell spelling, as the `check` command runs it: the desk's newsroom word list
// when there is a database to read it from (else the starter list), and no spelling at all, with a warning,
// when the dictionary is missing.
import {
  defaultChecker,
  documentUnits,
  type DocumentInput,
  type Finding,
  type TextUnit,
} from '../../core/checker';
import type { CommandContext } from '../cli/command';
import { dictionaryKeys, STARTER_WORDS } from '../store/dictionary';
import { sharedSpeller } from './index';
import { spellingForCheck } from './provider';
import type { Speller } from './speller';
import { spellingKey } from './words';

export type SpelledCheck = { findings: Finding[]; warning: string | null };

export type SpellingOptions = {
  /** False to check house style only. */
  spelling: boolean;
  newsroom: () => ReadonlySet<string>;
  speller?: Speller;
};

export async function checkWithSpelling(
  doc: DocumentInput | readonly TextUnit[],
  options: SpellingOptions,
): Promise<SpelledCheck> {
  const units: readonly TextUnit[] = Array.isArray(doc) ? doc : documentUnits(doc as DocumentInput);
  if (!options.spelling)
    return { findings: defaultChecker().checkDocumentReport(units).findings, warning: null };
  const { provider, warning } = await spellingForCheck(
    options.speller ?? sharedSpeller(),
    units.map((u) => u.text),
    options.newsroom(),
  );
  return {
    findings: defaultChecker().checkDocumentReport(units, {}, provider ?? undefined).findings,
    warning,
  };
}

/**
 * For the command line: --no-spelling turns spelling off. The word list is the library's for --article and
 * whenever --db is given; a FILE checked without --db leaves the database alone and uses the starter list.
 */
export function checkForCli(
  ctx: CommandContext,
  doc: DocumentInput | readonly TextUnit[],
): Promise<SpelledCheck> {
  return checkWithSpelling(doc, {
    spelling: ctx.flags['no-spelling'] !== true,
    newsroom: () =>
      typeof ctx.flags.db === 'string' || typeof ctx.flags.article === 'string'
        ? dictionaryKeys(ctx.db())
        : new Set(STARTER_WORDS.map(spellingKey)),
  });
}
