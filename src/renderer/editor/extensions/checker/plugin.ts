// The checker's ProseMirror plugin. State: the live findings with document positions, their decorations and
// the words waiting for the spelling service. Every transaction maps findings, decorations and waiting words
// through tr.mapping, then re-checks only the blocks it touched. The rules that compare the article with
// itself (one spelling per name, one digit system, a quotation left open) are a second layer: computed with
// every full check and again when the author pauses (the 'document' action), mapped through edits in between.
// Configuration, spelling answers, document findings and the open card arrive as actions (tr.setMeta), never
// by mutation.
import type { Node as PmNode } from '@tiptap/pm/model';
import { PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { DecorationSet } from '@tiptap/pm/view';
import {
  defaultChecker,
  findingKey,
  marksConvention,
  type CheckReport,
  type CheckSettingsInput,
  type Checker,
  type Finding,
  type SpellingProvider,
} from '../../../../core/checker';
import { findingDecoration, findingDecorations, type FindingSpec } from './decorations';
import { allUnits, unitsInRanges, type CheckUnit } from './units';

export type LiveFinding = {
  id: string;
  from: number;
  to: number;
  key: string;
  finding: Finding;
  /** Found by a rule over the whole article: kept (mapped) when its block is re-checked alone. */
  document?: true;
};

/** Words of one block still waiting for the dictionary; the range is mapped until the answer comes. */
export type Awaiting = { from: number; to: number; words: readonly string[] };

export type CheckerConfig = {
  checker: Checker;
  settings: CheckSettingsInput;
  /** Finding keys ignored once, and `ruleId|*|text` keys for text marked as correct. */
  ignored: ReadonlySet<string>;
};

export type CheckerPluginState = {
  config: CheckerConfig;
  findings: readonly LiveFinding[];
  decorations: DecorationSet;
  awaiting: readonly Awaiting[];
  active: string | null;
  /** Categories the document rules found written by a convention: lowered to info in every block. */
  demoted: ReadonlySet<string>;
  /** Bumped whenever the list of findings changes (what the panel shows). */
  version: number;
  /** False until the first configuration when the editor waits for the house style: nothing is checked. */
  running: boolean;
};

export type CheckerAction =
  | { type: 'configure'; config: CheckerConfig }
  | { type: 'spelling'; words: readonly string[] }
  | { type: 'document'; layer: DocumentLayer }
  | { type: 'active'; id: string | null };

export const checkerKey = new PluginKey<CheckerPluginState>('checker');

export type SpellCache = {
  /** Known answer for a word, or undefined when it has not been asked yet. */
  get(word: string): { correct: boolean; suggestions: string[] } | undefined;
};

export const DEFAULT_CONFIG: CheckerConfig = {
  checker: defaultChecker(),
  settings: {},
  ignored: new Set(),
};

let nextId = 0;

export function markedCorrectKey(f: Pick<Finding, 'ruleId' | 'text'>): string {
  return `${f.ruleId}|*|${f.text}`;
}

/** Checks one unit; words the dictionary has not answered yet are taken as correct and reported back. */
function checkUnit(
  u: CheckUnit,
  config: CheckerConfig,
  cache: SpellCache | null,
  demoted: ReadonlySet<string>,
): { findings: LiveFinding[]; awaiting: Awaiting | null } {
  const missing = new Set<string>();
  const spelling: SpellingProvider | undefined = cache
    ? {
        isCorrect(word) {
          const known = cache.get(word);
          if (known === undefined) missing.add(word);
          return known?.correct ?? true;
        },
        suggest: (word) => cache.get(word)?.suggestions ?? [],
      }
    : undefined;
  const raw = config.checker.checkBlock(u.text, {
    settings: config.settings,
    ...(u.field ? { field: u.field } : { block: 0 }),
    spelling,
    demoted,
  });
  const start = u.pos + 1;
  const findings: LiveFinding[] = [];
  for (const f of raw) {
    const key = findingKey(f, u.text);
    if (config.ignored.has(key) || config.ignored.has(markedCorrectKey(f))) continue;
    findings.push({ id: `f${++nextId}`, from: start + f.from, to: start + f.to, key, finding: f });
  }
  const awaiting = missing.size ? { from: u.pos, to: u.pos + u.node.nodeSize, words: [...missing] } : null;
  return { findings, awaiting };
}

function byPosition(a: LiveFinding, b: LiveFinding): number {
  return a.from - b.from || a.to - b.to;
}

/** The document rules' findings for one state of the document, and the categories they demote. */
export type DocumentLayer = { findings: readonly LiveFinding[]; demoted: ReadonlySet<string> };

/**
 * Runs the rules that compare the article with itself over every unit. A finding that overlaps a block
 * finding (other than spelling) is left out: the block rules are the more specific claim, as in a
 * whole-article check. A convention marker (no hamza anywhere) marks a place and is always kept.
 */
export function documentLayer(
  doc: PmNode,
  config: CheckerConfig,
  blockFindings: readonly LiveFinding[],
): DocumentLayer {
  return placeDocumentFindings(runDocumentRules(doc, config), config, blockFindings);
}

type DocumentRun = { units: CheckUnit[]; report: CheckReport };

function runDocumentRules(doc: PmNode, config: CheckerConfig): DocumentRun {
  const units = allUnits(doc);
  // Body units are numbered by their index in `units`, so a finding leads straight back to its unit.
  const report = config.checker.checkDocumentRules(
    units.map((u, i) => (u.field ? { text: u.text, field: u.field } : { text: u.text, block: i })),
    config.settings,
  );
  return { units, report };
}

function placeDocumentFindings(
  { units, report }: DocumentRun,
  config: CheckerConfig,
  blockFindings: readonly LiveFinding[],
): DocumentLayer {
  const markers = new Set(config.checker.rules.filter(marksConvention).map((r) => r.id));
  const findings: LiveFinding[] = [];
  for (const f of report.findings) {
    const u = f.field !== undefined ? units.find((x) => x.field === f.field) : units[f.block ?? -1];
    if (!u) continue;
    const key = findingKey(f, u.text);
    if (config.ignored.has(key) || config.ignored.has(markedCorrectKey(f))) continue;
    const from = u.pos + 1 + f.from;
    const to = u.pos + 1 + f.to;
    const overlapped =
      !markers.has(f.ruleId) &&
      blockFindings.some(
        (b) => !b.document && b.finding.category !== 'spelling' && from < b.to && b.from < to,
      );
    if (!overlapped) findings.push({ id: `f${++nextId}`, from, to, key, finding: f, document: true });
  }
  return { findings, demoted: new Set(report.demoted) };
}

/**
 * A finding found again where it was (same rule, text and place) keeps its id, so an open card, the panel's
 * selection and F8 stay on it when its block is checked again — after a spelling answer, a configuration, or
 * an edit elsewhere in the block.
 */
function adoptIds(fresh: LiveFinding[], old: readonly LiveFinding[]): LiveFinding[] {
  if (!old.length) return fresh;
  const ids = new Map(old.map((f) => [`${f.key}|${f.from}|${f.to}`, f.id]));
  return fresh.map((f) => {
    const id = ids.get(`${f.key}|${f.from}|${f.to}`);
    return id === undefined ? f : { ...f, id };
  });
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function fullCheck(
  doc: PmNode,
  config: CheckerConfig,
  cache: SpellCache | null,
  active: string | null,
  version: number,
  previous: readonly LiveFinding[] = [],
): CheckerPluginState {
  // The document rules run first: they decide which categories the block checks lower to info.
  const run = runDocumentRules(doc, config);
  const demoted = new Set(run.report.demoted);
  const findings: LiveFinding[] = [];
  const awaiting: Awaiting[] = [];
  for (const u of allUnits(doc)) {
    const r = checkUnit(u, config, cache, demoted);
    findings.push(...r.findings);
    if (r.awaiting) awaiting.push(r.awaiting);
  }
  const all = adoptIds(
    [...findings, ...placeDocumentFindings(run, config, findings).findings],
    previous,
  ).sort(byPosition);
  const decorations = DecorationSet.create(doc, findingDecorations(toDecorated(all), active));
  return {
    config,
    findings: all,
    decorations,
    awaiting,
    active,
    demoted,
    version: version + 1,
    running: true,
  };
}

/** Puts a fresh document layer in place of the old one; findings that did not change keep their identity. */
function replaceDocumentLayer(
  s: CheckerPluginState,
  doc: PmNode,
  layer: DocumentLayer,
  cache: SpellCache | null,
): CheckerPluginState {
  if (!sameSet(layer.demoted, s.demoted))
    return fullCheck(doc, s.config, cache, s.active, s.version, s.findings);
  const old = s.findings.filter((f) => f.document);
  const same = (a: LiveFinding, b: LiveFinding) => a.key === b.key && a.from === b.from && a.to === b.to;
  if (old.length === layer.findings.length && layer.findings.every((f) => old.some((o) => same(o, f))))
    return s;
  const fresh = layer.findings.map((f) => old.find((o) => same(o, f)) ?? f);
  const oldIds = new Set(old.map((f) => f.id));
  let decos = s.decorations.remove(
    s.decorations.find(undefined, undefined, (spec: FindingSpec) => oldIds.has(spec.findingId)),
  );
  decos = decos.add(doc, findingDecorations(toDecorated(fresh), s.active));
  return {
    ...s,
    findings: [...s.findings.filter((f) => !f.document), ...fresh].sort(byPosition),
    decorations: decos,
    version: s.version + 1,
  };
}

function toDecorated(fs: readonly LiveFinding[]) {
  return fs.map((f) => ({
    id: f.id,
    from: f.from,
    to: f.to,
    ruleId: f.finding.ruleId,
    category: f.finding.category,
    severity: f.finding.severity,
  }));
}

/**
 * The state a new editor starts with: checked at once with the shipped rules, or — when its host is about to
 * configure it with the house style, or never will (a read-only revision) — not checked until configured,
 * so opening a long article does not pay for a check whose result is thrown away.
 */
export function initialCheckerState(
  doc: PmNode,
  cache: SpellCache | null,
  checkNow = true,
): CheckerPluginState {
  if (checkNow) return fullCheck(doc, DEFAULT_CONFIG, cache, null, 0);
  return {
    config: DEFAULT_CONFIG,
    findings: [],
    decorations: DecorationSet.empty,
    awaiting: [],
    active: null,
    demoted: new Set(),
    version: 0,
    running: false,
  };
}

/** The ranges (in the new document) a transaction replaced, each step's ranges mapped through the later ones. */
export function changedRanges(tr: Transaction): [number, number][] {
  const out: [number, number][] = [];
  const maps = tr.mapping.maps;
  maps.forEach((map, i) => {
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      let a = newStart;
      let b = newEnd;
      for (let j = i + 1; j < maps.length; j++) {
        a = maps[j]!.map(a, -1);
        b = maps[j]!.map(b, 1);
      }
      out.push([a, b]);
    });
  });
  return out;
}

/** Re-checks the given units: their old findings and decorations go, fresh ones come. */
function recheck(
  s: CheckerPluginState,
  doc: PmNode,
  units: readonly CheckUnit[],
  findings: readonly LiveFinding[],
  awaiting: readonly Awaiting[],
  decorations: DecorationSet,
  cache: SpellCache | null,
): CheckerPluginState {
  if (units.length === 0) return { ...s, findings, awaiting, decorations };
  const inUnit = (from: number, to: number) =>
    units.some((u) => from >= u.pos && to <= u.pos + u.node.nodeSize);
  // Document findings stay (mapped) until the next pass of the document rules replaces them.
  const kept = findings.filter((f) => f.document || !inUnit(f.from, f.to));
  const keptAwaiting = awaiting.filter((a) => !inUnit(a.from, a.to));
  let fresh: LiveFinding[] = [];
  for (const u of units) {
    const r = checkUnit(u, s.config, cache, s.demoted);
    fresh.push(...r.findings);
    if (r.awaiting) keptAwaiting.push(r.awaiting);
  }
  fresh = adoptIds(
    fresh,
    findings.filter((f) => !f.document && inUnit(f.from, f.to)),
  );
  const documentIds = new Set(findings.filter((f) => f.document).map((f) => f.id));
  const blockOnly = (spec: FindingSpec) => !documentIds.has(spec.findingId);
  let decos = decorations;
  for (const u of units) decos = decos.remove(decos.find(u.pos, u.pos + u.node.nodeSize, blockOnly));
  decos = decos.add(doc, findingDecorations(toDecorated(fresh), s.active));
  const changed =
    fresh.length !== findings.length - kept.length ||
    fresh.some((f) => !findings.some((o) => o.key === f.key && o.from === f.from));
  return {
    ...s,
    findings: [...kept, ...fresh].sort(byPosition),
    awaiting: keptAwaiting,
    decorations: decos,
    version: changed || kept.length !== findings.length ? s.version + 1 : s.version,
  };
}

export function applyChecker(
  tr: Transaction,
  s: CheckerPluginState,
  cache: SpellCache | null,
): CheckerPluginState {
  const action = tr.getMeta(checkerKey) as CheckerAction | undefined;
  if (!s.running) {
    return action?.type === 'configure' ? fullCheck(tr.doc, action.config, cache, null, s.version) : s;
  }
  let next = s;
  if (tr.docChanged) {
    const findings: LiveFinding[] = [];
    for (const f of s.findings) {
      const from = tr.mapping.mapResult(f.from, 1);
      const to = tr.mapping.mapResult(f.to, -1);
      if (from.deletedAfter || to.deletedBefore || to.pos <= from.pos) continue;
      findings.push({ ...f, from: from.pos, to: to.pos });
    }
    // Waiting words whose block was edited are dropped here: the re-check below asks for them again.
    const awaiting: Awaiting[] = [];
    for (const a of s.awaiting) {
      const from = tr.mapping.mapResult(a.from, 1);
      const to = tr.mapping.mapResult(a.to, -1);
      if (from.deleted && to.deleted) continue;
      awaiting.push({ ...a, from: from.pos, to: to.pos });
    }
    const units = unitsInRanges(tr.doc, changedRanges(tr));
    next = recheck(s, tr.doc, units, findings, awaiting, s.decorations.map(tr.mapping, tr.doc), cache);
  }
  if (!action) return next;
  switch (action.type) {
    case 'configure':
      return fullCheck(tr.doc, action.config, cache, next.active, next.version, next.findings);
    case 'document':
      return replaceDocumentLayer(next, tr.doc, action.layer, cache);
    case 'spelling': {
      // The answer is applied where its words are now: the waiting ranges have been mapped through every
      // edit since the question, and a flagged word the user added to the dictionary goes too.
      const words = new Set(action.words);
      const ranges: [number, number][] = [];
      for (const a of next.awaiting) if (a.words.some((w) => words.has(w))) ranges.push([a.from, a.to]);
      for (const f of next.findings)
        if (f.finding.category === 'spelling' && words.has(f.finding.text)) ranges.push([f.from, f.to]);
      const units = unitsInRanges(tr.doc, ranges);
      return recheck(next, tr.doc, units, next.findings, next.awaiting, next.decorations, cache);
    }
    case 'active': {
      if (action.id === next.active) return next;
      let decos = next.decorations;
      for (const id of [next.active, action.id]) {
        if (!id) continue;
        const f = next.findings.find((x) => x.id === id);
        if (!f) continue;
        decos = decos.remove(decos.find(f.from, f.to, (spec: FindingSpec) => spec.findingId === id));
        decos = decos.add(tr.doc, [findingDecoration({ ...toDecorated([f])[0]! }, id === action.id)]);
      }
      return { ...next, active: action.id, decorations: decos };
    }
  }
}

export function checkerState(state: EditorState): CheckerPluginState | undefined {
  return checkerKey.getState(state);
}
