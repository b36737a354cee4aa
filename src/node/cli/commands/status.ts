// `status ID STATUS [--reason TEXT]`: moves an article through the workflow. `approved` approves it (editors
// only; --reason overrides every failing gate and is recorded); `exported` comes from the export command.
import { ARTICLE_STATUSES, ArticleStatus } from '../../../core/article/model';
import { AppError } from '../../../core/ipc/contract';
import { approveArticle, moveArticle, workflowState } from '../../services/workflow';
import { UsageError, type CliCommand } from '../command';
import { statusText } from '../format';

export const statusCommand: CliCommand = {
  name: 'status',
  usage: 'status ID STATUS [--reason TEXT]',
  summary: 'ينقل المقال في مسار العمل — moves article ID to STATUS (gates apply)',
  positionals: ['ID', 'STATUS'],
  flags: {
    reason: {
      type: 'string',
      help: 'السبب؛ مع approved يتجاوز به المحرر البوابات — why (with approved: an editor’s override of failing gates)',
    },
  },
  run(ctx) {
    const [id, wanted] = ctx.args as [string, string];
    const parsed = ArticleStatus.safeParse(wanted);
    if (!parsed.success) {
      throw new UsageError(`status: unknown status "${wanted}" (one of: ${ARTICLE_STATUSES.join(', ')}).`);
    }
    const to = parsed.data;
    if (to === 'exported')
      throw new UsageError('status: an article becomes exported by exporting it (export ID --format …).');
    if (to === 'changed-after-approval') {
      throw new UsageError(
        'status: changed-after-approval is set by saving a change to an approved article.',
      );
    }
    const reason = typeof ctx.flags.reason === 'string' ? ctx.flags.reason.trim() : '';
    const db = ctx.db();
    if (to === 'approved') {
      const state = workflowState(db, id, ctx.author);
      const failing = state.gates.filter((g) => !g.ok);
      if (failing.length && !reason) {
        throw new AppError(
          'conflict',
          `Article ${id} cannot be approved: ${failing.map((g) => `${g.id} (${g.message.en})`).join('; ')}. ` +
            'An editor may override with --reason TEXT.',
        );
      }
      const out = approveArticle(db, {
        id,
        overrides: failing.map((g) => ({ gate: g.id, reason })),
        author: ctx.author,
      });
      const lines = [`اعتُمد المقال ${id} (المراجعة ${out.approval.revisionSeq}).`];
      for (const o of out.approval.overrides) lines.push(`  تجاوز ${o.gate}: ${o.reason}`);
      return {
        json: { id, from: state.status, status: out.status, approval: out.approval, gates: out.gates },
        text: lines.join('\n'),
      };
    }
    const out = moveArticle(db, { id, to, reason: reason || null, author: ctx.author });
    return {
      json: { id, from: out.from, status: out.status },
      text: `نُقل المقال ${id}: ${statusText(out.from)} ← ${statusText(out.status)}`,
    };
  },
};
