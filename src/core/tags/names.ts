// People named after a title or role (وزير الخارجية الروسي سيرجي لافروف → سيرجي لافروف), found with the same
// word lists quote attribution uses (resources/quotes/titles.json), for tag suggestions and caption checks.
import { defaultLexicon, isComplementizer, isTitle, isVerb } from '../quotes/lexicon';
import { bareNoun, isDefinite, tokenize, type Token } from '../quotes/tokens';

const MAX_NAME_WORDS = 4;
/** Anything but white space or tatweel between two words ends a name (a comma, a full stop, a bracket). */
const PHRASE_END = /[^\s\u00A0\u0640]/u;

export type PersonMention = {
  /** The name as written in the text. */
  name: string;
  /** Folded keys of the name's words. */
  keys: string[];
  from: number;
  to: number;
};

/**
 * Every `title … Name` in the text, in reading order. `notAName` marks words that end a name although they
 * look like one: a place (الرئيس الإيراني سيزور روسيا) stops the run, leaving too short a name to report.
 */
export function peopleAfterTitles(
  text: string,
  notAName: (key: string) => boolean = () => false,
): PersonMention[] {
  const lex = defaultLexicon();
  const tokens = tokenize(text);
  const out: PersonMention[] = [];
  for (let t = 0; t < tokens.length; t++) {
    if (!isTitle(lex, tokens[t]!.key)) continue;
    // Skip the role's qualifiers: definite words (الخارجية الروسي), organisation nouns, further titles, and
    // one place after في (السفير الإيراني في روسيا كاظم جلالي).
    let i = t + 1;
    let places = 0;
    while (i < tokens.length) {
      if (PHRASE_END.test(text.slice(tokens[i - 1]!.to, tokens[i]!.from))) break;
      const k = tokens[i]!.key;
      if (isDefinite(k) || lex.orgNouns.has(bareNoun(k)) || isTitle(lex, k)) {
        i++;
        continue;
      }
      if ((k === 'في' || k === 'لدي') && places === 0 && i + 2 < tokens.length) {
        places++;
        i += 2;
        continue;
      }
      break;
    }
    if (i >= tokens.length || PHRASE_END.test(text.slice(tokens[i - 1]!.to, tokens[i]!.from))) continue;
    const run = nameRun(text, tokens, i, notAName);
    // A single word is too often a common noun; a name after a title has a given name and a family name.
    if (run.length < 2) continue;
    out.push({
      name: text.slice(run[0]!.from, run[run.length - 1]!.to),
      keys: run.map((r) => r.key),
      from: run[0]!.from,
      to: run[run.length - 1]!.to,
    });
    t = tokens.indexOf(run[run.length - 1]!);
  }
  return out;
}

function nameRun(
  text: string,
  tokens: readonly Token[],
  i: number,
  notAName: (key: string) => boolean,
): Token[] {
  const lex = defaultLexicon();
  const run: Token[] = [];
  for (let j = i; j < tokens.length && run.length < MAX_NAME_WORDS; j++) {
    const t = tokens[j]!;
    if (run.length && PHRASE_END.test(text.slice(tokens[j - 1]!.to, t.from))) break;
    const k = t.key;
    if (lex.notNames.has(k) || isComplementizer(lex, k) || isVerb(lex, k) || isTitle(lex, k)) break;
    if (notAName(k)) break;
    if (/[\u064B\u064C\u064D]/u.test(t.text) || /\p{N}/u.test(k) || /[a-z]/.test(k)) break;
    const prev = run[run.length - 1];
    // A family name with ال follows a first name or a particle (شايع الزنداني، عبد الله), nothing else.
    if (isDefinite(k) && (!prev || (run.length > 1 && !lex.nameParticles.has(prev.key)))) break;
    // A third word in ي/ت is far more often the verb after the name (سيرجي لافروف يحضر) than a name.
    if (run.length >= 2 && /^[يت]/.test(k) && k.length >= 4) break;
    run.push(t);
  }
  while (run.length && lex.nameParticles.has(run[run.length - 1]!.key)) run.pop();
  return run;
}
