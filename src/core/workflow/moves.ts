// The workflow as data: roles, which status may follow which, and who may make each move. The services
// enforce it; the UI offers only what `allowedMoves` returns for the person at the desk.
import { z } from 'zod';
import type { ArticleStatus } from '../article/model';

export const ROLES = ['copy-editor', 'fact-checker', 'editor'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
/** users.role's default (schema version 5): a desk member nobody has given another role yet. */
export const DEFAULT_ROLE: Role = 'copy-editor';

/** The states a person works in, in order; a move forward goes one step, a move back to any earlier one. */
export const WORKING_STATES = [
  'draft',
  'copy-editing',
  'fact-checking',
  'ready',
] as const satisfies readonly ArticleStatus[];
export type WorkingState = (typeof WORKING_STATES)[number];

/**
 * forward: the next working state; back: an earlier working state (also reopening an approved, exported or
 * changed article); approve and export are separate actions with their own rules, listed so the UI can show
 * them beside the moves.
 */
export type MoveKind = 'forward' | 'back' | 'approve' | 'export';

export type MoveRule = {
  from: ArticleStatus;
  to: ArticleStatus;
  kind: MoveKind;
  roles: readonly Role[];
};

const EVERYONE: readonly Role[] = ROLES;

/** Who hands an article on from each working state: the person whose stage it is, or the editor. */
const FORWARD_ROLES: Record<Exclude<WorkingState, 'ready'>, readonly Role[]> = {
  draft: ['copy-editor', 'editor'],
  'copy-editing': ['copy-editor', 'editor'],
  'fact-checking': ['fact-checker', 'editor'],
};

function buildRules(): MoveRule[] {
  const rules: MoveRule[] = [];
  WORKING_STATES.forEach((from, i) => {
    const next = WORKING_STATES[i + 1];
    if (next && from !== 'ready') rules.push({ from, to: next, kind: 'forward', roles: FORWARD_ROLES[from] });
    for (const to of WORKING_STATES.slice(0, i)) rules.push({ from, to, kind: 'back', roles: EVERYONE });
  });
  // After approval, reopening the article is an editor's decision: it withdraws the approval's effect.
  for (const from of ['approved', 'changed-after-approval', 'exported'] as const) {
    for (const to of WORKING_STATES) rules.push({ from, to, kind: 'back', roles: ['editor'] });
  }
  rules.push({ from: 'ready', to: 'approved', kind: 'approve', roles: ['editor'] });
  rules.push({ from: 'changed-after-approval', to: 'approved', kind: 'approve', roles: ['editor'] });
  rules.push({ from: 'approved', to: 'exported', kind: 'export', roles: EVERYONE });
  rules.push({ from: 'exported', to: 'exported', kind: 'export', roles: EVERYONE });
  return rules;
}

export const MOVE_RULES: readonly MoveRule[] = buildRules();

/** Moves `workflow:move` performs (approve and export have their own channels). */
export function isPlainMove(kind: MoveKind): boolean {
  return kind === 'forward' || kind === 'back';
}

export function findMove(from: ArticleStatus, to: ArticleStatus): MoveRule | undefined {
  return MOVE_RULES.find((r) => r.from === from && r.to === to);
}

/** Every move from `from` the role may make, approval and export included. */
export function allowedMoves(from: ArticleStatus, role: Role): MoveRule[] {
  return MOVE_RULES.filter((r) => r.from === from && r.roles.includes(role));
}

export function canApprove(role: Role): boolean {
  return role === 'editor';
}

export function canOverride(role: Role): boolean {
  return role === 'editor';
}

/** Statuses an approval can be given from. */
export function approvableFrom(status: ArticleStatus): boolean {
  return MOVE_RULES.some((r) => r.from === status && r.kind === 'approve');
}
