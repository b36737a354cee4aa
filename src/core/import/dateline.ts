// Datelines: `دبي-الشرقرويترز`, `موسكو - تاس`, `القاهرة (أ ف ب) -`, `بيروت - «الشرق الأوسط»`, `سبق- الرياض:`,
// as a line of their own or opening the first paragraph. Sources are recognised against the outlet list
// (resources/import/outlets.json) and stored in the list's form; the place is what is not an outlet.
import { INVISIBLES } from '../arabic/normalize';
import { lookupOutlet, splitGluedOutlets, splitPlaceAndOutlets, type Outlet } from './outlets';

export type DatelineParse = { place: string; sources: string[]; glued: boolean };

/**
 * Separators between dateline parts (a tatweel between spaces is a dash in Arabic typesetting). Guillemets,
 * quotes and brackets wrap a source name.
 */
const SEGMENT_SPLIT = /\s*[-–—|:/،,]\s*|\s+ـ\s+|\s*[()«»"“”[\]]\s*/u;
const MAX_SEGMENT_WORDS = 4;
const REPORTING_VERB =
  /^[وف]?(?:قال|قالت|أعلن|أعلنت|أكد|أكدت|ذكر|ذكرت|أفاد|أفادت|صرح|صرحت|أوضح|أوضحت|كشف|كشفت|أشار|أشارت|نفى|نفت|دعا|دعت|أضاف|أضافت)(?:\s|$)/u;

type Segment = { text: string; outlets: Outlet[]; gluedPlace: string | null; glued: boolean };

function readSegment(text: string): Segment | null {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const direct = lookupOutlet(text);
  if (direct) return { text, outlets: [direct], gluedPlace: null, glued: false };
  if (words.length > MAX_SEGMENT_WORDS || text.length > 40) return null;
  // A non-outlet segment is a place or a name: letters only (no figures, no sentence punctuation).
  if (!/^[\p{L}\p{M}\s'’.]+$/u.test(text)) return null;
  // A sentence that follows a dateline starts with a reporting verb; a place or a writer's name never does.
  if (REPORTING_VERB.test(text)) return null;
  const glued = splitGluedOutlets(text);
  if (glued && glued.length > 1) return { text, outlets: glued, gluedPlace: null, glued: true };
  const placeGlued = splitPlaceAndOutlets(text);
  if (placeGlued && placeGlued.place.length >= 3) {
    return { text, outlets: placeGlued.outlets, gluedPlace: placeGlued.place, glued: true };
  }
  return { text, outlets: [], gluedPlace: null, glued: false };
}

/** Parses a dateline written on its own (the whole string is the dateline), or returns null. */
export function parseDateline(raw: string): DatelineParse | null {
  // Bidi and zero-width marks that pages put around datelines are invisible and belong to no part of it.
  const t = raw
    .replace(INVISIBLES, '')
    .trim()
    .replace(/[\s:\-–—]+$/u, '');
  if (!t || t.length > 80 || /[.!?؟؛]$/u.test(t)) return null;
  const parts = t
    .split(SEGMENT_SPLIT)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > 5) return null;
  const segs: Segment[] = [];
  for (const p of parts) {
    const s = readSegment(p);
    if (!s) return null;
    segs.push(s);
  }
  // A name that is both a newspaper and a city (`الرياض`, `المدينة`) is read as the place: in a dateline the city
  // is far more common, and a dateline whose only source would be such a name is not recognised at all.
  segs.forEach((s, i) => {
    if (s.outlets.length === 1 && s.outlets[0]!.placeLike && !s.glued) segs[i] = { ...s, outlets: [] };
  });
  const sources: string[] = [];
  const others: { index: number; text: string }[] = [];
  let glued = false;
  segs.forEach((s, index) => {
    if (s.gluedPlace) others.push({ index, text: s.gluedPlace });
    else if (s.outlets.length === 0) others.push({ index, text: s.text });
    for (const o of s.outlets) if (!sources.includes(o.name)) sources.push(o.name);
    glued ||= s.glued;
  });
  if (sources.length === 0 || others.length > 2) return null;
  let place = others[0]?.text ?? '';
  if (others.length === 2) {
    // `سعود الدعجاني - سبق - عسير`: writer, outlet, place. Without an outlet between them, the first is the place.
    const [a, b] = others as [{ index: number; text: string }, { index: number; text: string }];
    const outletBetween = segs.slice(a.index + 1, b.index).some((s) => s.outlets.length > 0);
    place = outletBetween ? b.text : a.text;
  }
  return { place, sources, glued };
}

/** Where a dateline may end inside a paragraph's opening: a dash, a colon. */
const OPENING_END = /\s*[-–—:]\s+|\s+[-–—:ـ]\s*|:/gu;

/**
 * A dateline that opens a paragraph (`القاهرة - رويترز - قال …`, `سبق- الرياض: …`): the dateline and the rest
 * of the paragraph (its wording untouched), or null. A colon ends a dateline for certain; otherwise the shortest
 * opening that reads as a dateline wins, so that a dash inside the sentence is never taken for one.
 */
export function splitOpeningDateline(paragraph: string): { dateline: DatelineParse; rest: string } | null {
  const lead = paragraph.slice(0, 90);
  const candidates: { end: number; restStart: number; colon: boolean }[] = [];
  for (const m of lead.matchAll(OPENING_END)) {
    if (m.index === undefined || m.index === 0) continue;
    candidates.push({ end: m.index, restStart: m.index + m[0].length, colon: m[0].includes(':') });
  }
  let best: { dateline: DatelineParse; rest: string } | null = null;
  for (const c of candidates) {
    const rest = paragraph.slice(c.restStart);
    if (!/^\s*[\p{L}«"“(]/u.test(rest)) continue;
    const dl = parseDateline(paragraph.slice(0, c.end));
    if (!dl) continue;
    const found = { dateline: dl, rest: rest.trimStart() };
    if (c.colon) return found;
    best ??= found;
  }
  return best;
}
