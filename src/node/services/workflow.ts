// The workflow the desk follows: roles, status moves (each recorded in the audit trail with who, when and
// why), the approval gates over the latest content, and approval itself, which names the exact revision and
// its content hash so that any later change is detected by comparison, never guessed.
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { ArticleContent, type ArticleStatus } from '../../core/article/model';
import { checkDocument } from '../../core/checker';
import { AppError } from '../../core/ipc/contract';
import { gateQuotes } from './factcheck';
import {
  allowedMoves,
  approvableFrom,
  canApprove,
  canOverride,
  DEFAULT_HEADLINE_LIMITS,
  evaluateGates,
  findMove,
  GateOverride,
  HeadlineLimits,
  isPlainMove,
  resolveOverrides,
  Role,
  type ApprovalInfo,
  type AuditEntry,
  type FindingInput,
  type GateResult,
  type MoveOption,
  type WorkflowState,
} from '../../core/workflow';
import { getRevisionRecord, latestRevision, type RevisionRecord } from '../store/revisions';
import { getSetting } from '../store/settings';
import {
  auditEntries,
  getUserRole,
  insertApproval,
  latestApproval,
  openCommentThreads,
  quoteReviewStates,
  recordAudit,
  setArticleStatus,
  setUserRole,
  type ApprovalRecord,
} from '../store/workflow';
import { canonicalJson, nowIso } from './content';
import { requireArticle } from './library';
import { resolveAuthor } from './user';

type Db = Database.Database;

/** The settings key holding the headline length limits of the headline gate ({ min, max }). */
export const HEADLINE_LIMITS_SETTING = 'workflow.headlineLimits';

/** Exact content hash for approvals: any change at all (a space, a tag) gives another hash. */
export function approvalHash(content: ArticleContent): string {
  return createHash('sha256')
    .update(canonicalJson(ArticleContent.parse(content)), 'utf8')
    .digest('hex');
}

export type Actor = { name: string; role: Role };

export function currentActor(db: Db, given?: string | null): Actor {
  const name = resolveAuthor(db, given);
  return { name, role: getUserRole(db, name) };
}

/** Gives the current user (or the named one) a role; recorded in the audit trail of no article. */
export function setRole(db: Db, input: { role: Role; name?: string | null }): Actor {
  const role = Role.parse(input.role);
  return db
    .transaction((): Actor => {
      const name = resolveAuthor(db, input.name);
      setUserRole(db, name, role, nowIso());
      return { name, role };
    })
    .immediate();
}

export function headlineLimits(db: Db): HeadlineLimits {
  const parsed = HeadlineLimits.safeParse(getSetting(db, HEADLINE_LIMITS_SETTING));
  return parsed.success && parsed.data.min <= parsed.data.max ? parsed.data : DEFAULT_HEADLINE_LIMITS;
}

/** The checker behind the first gate: the shipped house-style rules over the whole article. */
let gateChecker: ((content: ArticleContent) => FindingInput[]) | null = (content) => checkDocument(content);

/** Replaces the gate's checker (null: the gate reports that no checker ran rather than a clean article). */
export function registerGateChecker(check: ((content: ArticleContent) => FindingInput[]) | null): void {
  gateChecker = check;
}

function requireLatest(db: Db, id: string): RevisionRecord {
  const r = latestRevision(db, id);
  if (!r) throw new AppError('database', `Article ${id} has no revisions; the database is inconsistent.`);
  return r;
}

/** The gates over the given (normally the latest) content of an article. */
export function articleGates(db: Db, id: string, content: ArticleContent): GateResult[] {
  return evaluateGates({
    content,
    findings: gateChecker ? gateChecker(content) : null,
    // What quotes:list shows: splits and merges replace the quotes they superseded.
    quotes: gateQuotes(db, id, content),
    reviews: quoteReviewStates(db, id),
    openThreads: openCommentThreads(db, id),
    headline: headlineLimits(db),
  });
}

function approvalInfo(a: ApprovalRecord | undefined, latest: RevisionRecord): ApprovalInfo | null {
  if (!a) return null;
  return {
    revisionSeq: a.revisionSeq,
    contentHash: a.contentHash,
    approvedAt: a.approvedAt,
    approvedBy: a.approvedBy,
    overrides: a.overrides,
    changedSince: a.contentHash !== approvalHash(latest.content),
  };
}

/** Approved (or exported) and unchanged since the approval: exporting needs no override. */
export function isExportable(status: ArticleStatus, approval: ApprovalInfo | null): boolean {
  return (status === 'approved' || status === 'exported') && approval !== null && !approval.changedSince;
}

export function workflowState(db: Db, id: string, author?: string | null): WorkflowState {
  return db.transaction((): WorkflowState => {
    const row = requireArticle(db, id);
    const latest = requireLatest(db, id);
    const actor = currentActor(db, author);
    const gates = articleGates(db, id, latest.content);
    const approval = approvalInfo(latestApproval(db, id), latest);
    const failing = gates.filter((g) => !g.ok).map((g) => g.id);
    const exportable = isExportable(row.status, approval);
    const moves: MoveOption[] = allowedMoves(row.status, actor.role).map((m) => {
      if (m.kind === 'approve') {
        // An editor may approve over failing gates, each with a written reason.
        return { to: m.to, kind: m.kind, enabled: true, blockedBy: failing };
      }
      if (m.kind === 'export') {
        return { to: m.to, kind: m.kind, enabled: exportable, blockedBy: exportable ? [] : ['not-approved'] };
      }
      return { to: m.to, kind: m.kind, enabled: true, blockedBy: [] };
    });
    return {
      id,
      status: row.status,
      user: actor.name,
      role: actor.role,
      latestSeq: latest.seq,
      moves,
      can: {
        approve: canApprove(actor.role),
        overrideGates: canOverride(actor.role),
        exportUnapproved: actor.role === 'editor',
      },
      gates,
      approval,
      exportable,
    };
  })();
}

/** A forward or backward move (approval and export have their own operations). */
export function moveArticle(
  db: Db,
  input: { id: string; to: ArticleStatus; reason?: string | null; author?: string | null },
): { status: ArticleStatus; from: ArticleStatus } {
  return db
    .transaction(() => {
      const row = requireArticle(db, input.id);
      if (row.deletedAt !== null) {
        throw new AppError(
          'conflict',
          `Article ${input.id} is in the trash; restore it from the trash first.`,
        );
      }
      const actor = currentActor(db, input.author);
      const from = row.status;
      if (input.to === from) throw new AppError('conflict', `Article ${input.id} is already ${from}.`);
      const rule = findMove(from, input.to);
      if (!rule) {
        throw new AppError('conflict', `Article ${input.id} cannot move from ${from} to ${input.to}.`);
      }
      if (!isPlainMove(rule.kind)) {
        throw new AppError(
          'conflict',
          rule.kind === 'approve'
            ? `Only an approval makes article ${input.id} approved (workflow:approve, or the status command as an editor).`
            : `Article ${input.id} becomes exported by exporting it.`,
        );
      }
      if (!rule.roles.includes(actor.role)) {
        throw new AppError(
          'conflict',
          `${actor.name} (${actor.role}) may not move article ${input.id} from ${from} to ${input.to}; ` +
            `that is for: ${rule.roles.join(', ')}.`,
        );
      }
      const reason = input.reason?.trim() || null;
      setArticleStatus(db, input.id, input.to);
      recordAudit(db, {
        articleId: input.id,
        at: nowIso(),
        actor: actor.name,
        action: 'status',
        detail: { from, to: input.to, role: actor.role, reason },
      });
      return { status: input.to, from };
    })
    .immediate();
}

export type ApproveOutcome = { status: ArticleStatus; approval: ApprovalInfo; gates: GateResult[] };

/**
 * Approves the latest revision: only an editor, only from ready (or changed-after-approval), and every failing
 * gate must be overridden with a written reason (recorded with the approval and in the audit trail).
 */
export function approveArticle(
  db: Db,
  input: { id: string; overrides?: readonly GateOverride[]; author?: string | null },
): ApproveOutcome {
  const overrides = (input.overrides ?? []).map((o) => GateOverride.parse(o));
  return db
    .transaction((): ApproveOutcome => {
      const row = requireArticle(db, input.id);
      if (row.deletedAt !== null) {
        throw new AppError(
          'conflict',
          `Article ${input.id} is in the trash; restore it from the trash first.`,
        );
      }
      const actor = currentActor(db, input.author);
      if (!canApprove(actor.role)) {
        throw new AppError('conflict', `Only an editor approves articles; ${actor.name} is a ${actor.role}.`);
      }
      if (!approvableFrom(row.status)) {
        throw new AppError(
          'conflict',
          `Article ${input.id} is ${row.status}; it can be approved only when ready (or changed after approval).`,
        );
      }
      const latest = requireLatest(db, input.id);
      const gates = articleGates(db, input.id, latest.content);
      const { missing, used } = resolveOverrides(gates, overrides);
      if (missing.length) {
        throw new AppError(
          'conflict',
          `Article ${input.id} cannot be approved: ${missing.map((g) => `${g.id} (${g.message.en})`).join('; ')}. ` +
            'An editor may override a gate with a written reason.',
        );
      }
      const at = nowIso();
      const hash = approvalHash(latest.content);
      insertApproval(db, {
        articleId: input.id,
        revisionSeq: latest.seq,
        contentHash: hash,
        approvedAt: at,
        approvedBy: actor.name,
        overrides: used,
      });
      setArticleStatus(db, input.id, 'approved');
      for (const o of used) {
        const g = gates.find((x) => x.id === o.gate)!;
        recordAudit(db, {
          articleId: input.id,
          at,
          actor: actor.name,
          action: 'override',
          detail: { gate: o.gate, reason: o.reason, problems: g.items.map((i) => i.message.en) },
        });
      }
      recordAudit(db, {
        articleId: input.id,
        at,
        actor: actor.name,
        action: 'approve',
        detail: { from: row.status, revisionSeq: latest.seq, contentHash: hash, overrides: used },
      });
      const approval = approvalInfo(latestApproval(db, input.id), latest)!;
      return { status: 'approved', approval, gates };
    })
    .immediate();
}

/**
 * Called by saveRevision inside its transaction after new content is stored: an approved or exported article
 * whose content now differs from the approved revision becomes changed-after-approval; one brought back to
 * exactly the approved content (a restore) is approved again.
 */
export function noteContentSaved(
  db: Db,
  id: string,
  content: ArticleContent,
  actor: string,
  at: string,
): void {
  const row = requireArticle(db, id);
  const approval = latestApproval(db, id);
  if (!approval) return;
  const same = approval.contentHash === approvalHash(content);
  let to: ArticleStatus | null = null;
  if (!same && (row.status === 'approved' || row.status === 'exported')) to = 'changed-after-approval';
  if (same && row.status === 'changed-after-approval') to = 'approved';
  if (!to) return;
  setArticleStatus(db, id, to);
  recordAudit(db, {
    articleId: id,
    at,
    actor,
    action: 'status',
    detail: { from: row.status, to, automatic: true, approvedRevision: approval.revisionSeq },
  });
}

export function workflowAudit(db: Db, id: string): AuditEntry[] {
  return db.transaction(() => {
    requireArticle(db, id);
    return auditEntries(db, id);
  })();
}

/** The approved revision's content, for a diff against the latest. */
export function approvedContent(db: Db, id: string): { seq: number; content: ArticleContent } | null {
  const a = latestApproval(db, id);
  if (!a) return null;
  const r = getRevisionRecord(db, id, a.revisionSeq);
  return r ? { seq: r.seq, content: r.content } : null;
}
