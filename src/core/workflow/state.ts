// What `workflow:state` tells the UI about one article: its status, what the person at the desk may do next,
// the gates and the approval (with the revision it names, so the UI can diff against it).
import { z } from 'zod';
import { ArticleStatus } from '../article/model';
import { GateOverride, GateResult } from './gates';
import { Role } from './moves';

export const MoveOption = z.object({
  to: ArticleStatus,
  kind: z.enum(['forward', 'back', 'approve', 'export']),
  /** False when the move exists but gates or the approval stand in the way (see `blockedBy`). */
  enabled: z.boolean(),
  /** Why the move is disabled: failing gate ids, 'not-approved' … */
  blockedBy: z.array(z.string()),
});
export type MoveOption = z.infer<typeof MoveOption>;

export const ApprovalInfo = z.object({
  revisionSeq: z.number().int().positive(),
  contentHash: z.string(),
  approvedAt: z.string(),
  approvedBy: z.string(),
  overrides: z.array(GateOverride),
  /** True when the latest revision's content differs from the approved one. */
  changedSince: z.boolean(),
});
export type ApprovalInfo = z.infer<typeof ApprovalInfo>;

export const WorkflowState = z.object({
  id: z.string(),
  status: ArticleStatus,
  user: z.string(),
  role: Role,
  latestSeq: z.number().int().positive(),
  moves: z.array(MoveOption),
  /** Only an editor approves, overrides a failing gate or exports an article that is not approved. */
  can: z.object({ approve: z.boolean(), overrideGates: z.boolean(), exportUnapproved: z.boolean() }),
  gates: z.array(GateResult),
  /** The latest approval, or null when the article was never approved. */
  approval: ApprovalInfo.nullable(),
  /** True when exporting needs no override: approved (or exported) and unchanged since. */
  exportable: z.boolean(),
});
export type WorkflowState = z.infer<typeof WorkflowState>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
