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
const longestKey = Math.max(...[...byKey.keys()].map((k) => k.length));

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
  const s = token.replace(WRAPPERS, '');
  if (!s || /\s/.test(s)) return null;
  const memo = new Map<number, Outlet[] | null>();
  const from = (i: number): Outlet[] | null => {
    if (i === s.length) return [];
    const cached = memo.get(i);
    if (cached !== undefined) return cached;
    let found: Outlet[] | null = null;
    for (let j = s.length; j > i && found === null; j--) {
      const piece = s.slice(i, j);
      if (outletKey(piece).length > longestKey) continue;
      const o = lookupOutlet(piece);
      if (!o) continue;
      const rest = from(j);
      if (rest) found = [o, ...rest];
    }
    memo.set(i, found);
    return found;
  };
  const parts = from(0);
  return parts && parts.length > 0 ? parts : null;
}

/**
 * A place glued to the outlets that follow it (`دبيرويترز`): the shortest place prefix whose remainder splits
 * into outlets. The place must keep at least two letters.
 */
export function splitPlaceAndOutlets(token: string): { place: string; outlets: Outlet[] } | null {
  const s = token.replace(WRAPPERS, '');
  if (!s || /\s/.test(s)) return null;
  for (let i = 2; i < s.length - 1; i++) {
    const outlets = splitGluedOutlets(s.slice(i));
    if (outlets) return { place: s.slice(0, i), outlets };
  }
  return null;
}
