// Finds vocabulary names in Arabic text: word by word on folded keys, accepting the proclitics news copy
// attaches (و، ف، ب، ك، ل، ال، لل) and the endings of adjective (nisba) forms, so that `بروسيا`, `الروسية`
// and `الروس` all reach روسيا, `الإيرانيين` reaches إيران. The longest name wins where names overlap.
import { tokenize, type Token } from '../quotes/tokens';
import type { VocabularyEntry } from './vocabulary';

/** Endings that turn a masculine nisba (روسي) into its feminine, dual and plural forms (روسية، روسيين …). */
const NISBA_ENDINGS = ['يتين', 'يتان', 'يين', 'يون', 'يان', 'يات', 'يه'];

/**
 * The forms a folded word may stand for once its clitics are taken off, the word itself first. A strip is kept
 * only when three letters or more remain, so short words are not shredded into names.
 */
export function wordForms(key: string): string[] {
  const out = new Set<string>([key]);
  const stems: string[] = [key];
  const add = (w: string): void => {
    if (w.length >= 3 && !out.has(w)) {
      out.add(w);
      stems.push(w);
    }
  };
  let rest = key;
  if ((rest[0] === 'و' || rest[0] === 'ف') && rest.length > 3) {
    rest = rest.slice(1);
    add(rest);
  }
  if (rest.startsWith('لل') && rest.length > 4) {
    add('ال' + rest.slice(2));
    add(rest.slice(2));
  } else {
    if (/^[بكل]/.test(rest) && rest.length > 3) {
      const r = rest.slice(1);
      add(r);
      if (r.startsWith('ال') && r.length > 4) add(r.slice(2));
    }
    if (rest.startsWith('ال') && rest.length > 4) add(rest.slice(2));
  }
  for (const s of [...stems]) {
    for (const end of NISBA_ENDINGS) {
      if (s.endsWith(end) && s.length - end.length >= 2) {
        const base = s.slice(0, -end.length) + 'ي';
        out.add(base);
        if (base.startsWith('ال') && base.length > 4) out.add(base.slice(2));
      }
    }
  }
  return [...out];
}

type Candidate = { keys: string[]; entry: VocabularyEntry; name: string };

export type Match = {
  entry: VocabularyEntry;
  /** The vocabulary name that matched (the label or one of its aliases). */
  name: string;
  /** UTF-16 offsets of the matched words in the text. */
  from: number;
  to: number;
};

export class VocabularyMatcher {
  private readonly byFirst = new Map<string, Candidate[]>();

  constructor(entries: readonly VocabularyEntry[]) {
    for (const entry of entries) {
      for (const name of [entry.label, ...entry.aliases]) {
        const keys = tokenize(name).map((t) => t.key);
        if (!keys.length || keys.join('').length < 2) continue;
        const list = this.byFirst.get(keys[0]!) ?? [];
        if (!list.some((c) => c.entry === entry && c.keys.join(' ') === keys.join(' '))) {
          list.push({ keys, entry, name });
        }
        this.byFirst.set(keys[0]!, list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  }

  /** True when the folded word, clitics and nisba endings aside, is a one-word name of a place or body. */
  namesNonPerson(key: string): boolean {
    return wordForms(key).some((f) =>
      (this.byFirst.get(f) ?? []).some((c) => c.keys.length === 1 && c.entry.type !== 'person'),
    );
  }

  /** Every vocabulary name in `text`, left to right, longest first where they overlap. */
  find(text: string): Match[] {
    const tokens = tokenize(text);
    const forms = tokens.map((t) => wordForms(t.key));
    const out: Match[] = [];
    for (let i = 0; i < tokens.length;) {
      const best = this.longestAt(tokens, forms, i);
      if (best) {
        out.push({
          entry: best.entry,
          name: best.name,
          from: tokens[i]!.from,
          to: tokens[i + best.keys.length - 1]!.to,
        });
        i += best.keys.length;
      } else {
        i++;
      }
    }
    return out;
  }

  private longestAt(tokens: readonly Token[], forms: readonly string[][], i: number): Candidate | null {
    let best: Candidate | null = null;
    for (const f of forms[i]!) {
      for (const c of this.byFirst.get(f) ?? []) {
        if (best && best.keys.length >= c.keys.length) continue;
        if (i + c.keys.length > tokens.length) continue;
        let ok = true;
        for (let j = 1; j < c.keys.length && ok; j++) {
          const later = forms[i + j]!;
          // Words after the first carry no proclitic of their own, only the article and nisba endings.
          ok = later.includes(c.keys[j]!);
        }
        if (ok) best = c;
      }
    }
    return best;
  }
}
