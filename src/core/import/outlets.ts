// Agency and outlet names used in datelines (resources/import/outlets.json): lookup by any written form, and
// the splitting of names that scrapers glued together (`الشرقرويترز` → `الشرق`, `رويترز`).
import data from '../../../resources/import/outlets.json';
import { normalizeArabic } from '../arabic/normalize';

export type Outlet = { name: string; placeLike: boolean; generic: boolean };

type OutletEntry = { name: string; aliases: string[]; placeLike?: boolean; generic?: boolean };

/** Comparison key: orthographic variants folded, spaces and dots dropped (`أ.ف.ب` = `أ ف ب` = `ا ف ب`). */
export function outletKey(s: string): string {
  return normalizeArabic(s).replace(/[\s.\-_'’ـ]/g, '');
}

const byKey = new Map<string, Outlet>();
for (const e of (data as { outlets: OutletEntry[] }).outlets) {
  const outlet: Outlet = { name: e.name, placeLike: e.placeLike === true, generic: e.generic === true };
  for (const form of [e.name, ...e.aliases]) {
    const k = outletKey(form);
    if (k.length >= 2 && !byKey.has(k)) byKey.set(k, outlet);
  }
}
/** Every beginning of every name's key: lets the glued-name split stop extending as soon as nothing can match. */
const KEY_PREFIXES = new Set<string>();
for (const k of byKey.keys()) for (let l = 1; l <= k.length; l++) KEY_PREFIXES.add(k.slice(0, l));

const WRAPPERS = /^[\s«»"“”„'()[\]<>]+|[\s«»"“”„'()[\]<>]+$/g;

/** The outlet a dateline segment names, or null. Accepts `وكالة …` and quotes or brackets around the name. */
export function lookupOutlet(segment: string): Outlet | null {
  const bare = segment.replace(WRAPPERS, '');
  if (!bare) return null;
  const k = outletKey(bare);
  return byKey.get(k) ?? (k.startsWith('وكاله') ? (byKey.get(k.slice(5)) ?? null) : null);
}

/**
 * Splits a token made only of outlet names written without spaces. Tries the longest name first and backtracks,
 * so `الشرقالاوسطرويترز` gives `الشرق الأوسط`, `رويترز` rather than stopping at `الشرق`.
 * Works on the original characters (not on the key) so that nothing of the token is lost or invented.
 */
export function splitGluedOutlets(token: string): Outlet[] | null {
  // Spaces may remain inside the glued run (`الشرق الأوسطرويترز`): names are compared without them.
  const s = token.replace(WRAPPERS, '');
  if (!s) return null;
  const chars = [...s];
  return gluedFrom(chars, chars.map(outletKey), 0);
}

/** The outlets that exactly cover chars[start…], or null. Shared by both splits so keys are computed once. */
function gluedFrom(chars: string[], charKeys: string[], start: number): Outlet[] | null {
  const memo = new Map<number, Outlet[] | null>();
  const from = (i: number): Outlet[] | null => {
    if (i === chars.length) return [];
    if (/\s/.test(chars[i]!)) return from(i + 1);
    const cached = memo.get(i);
    if (cached !== undefined) return cached;
    // Extend while the key is still the beginning of some name; remember every whole name on the way.
    const matches: { end: number; outlet: Outlet }[] = [];
    let key = '';
    for (let j = i; j < chars.length; j++) {
      key += charKeys[j];
      if (key && !KEY_PREFIXES.has(key)) break;
      const o = byKey.get(key);
      if (o && !/\s/.test(chars[j]!)) matches.push({ end: j + 1, outlet: o });
    }
    let found: Outlet[] | null = null;
    for (let m = matches.length - 1; m >= 0 && found === null; m--) {
      const rest = from(matches[m]!.end);
      if (rest) found = [matches[m]!.outlet, ...rest];
    }
    memo.set(i, found);
    return found;
  };
  const parts = from(start);
  return parts && parts.length > 0 ? parts : null;
}

/**
 * A place glued to the outlets that follow it (`دبيرويترز`): the shortest place prefix whose remainder splits
 * into outlets. The place must keep at least two letters.
 */
export function splitPlaceAndOutlets(token: string): { place: string; outlets: Outlet[] } | null {
  const s = token.replace(WRAPPERS, '');
  if (!s) return null;
  const chars = [...s];
  const charKeys = chars.map(outletKey);
  // Only the place is glued without a space; the outlets after it may contain spaces of their own.
  for (let i = 2; i < chars.length - 1; i++) {
    if (/\s/.test(chars[i]!)) break;
    const outlets = gluedFrom(chars, charKeys, i);
    if (outlets) return { place: chars.slice(0, i).join(''), outlets };
  }
  return null;
}
