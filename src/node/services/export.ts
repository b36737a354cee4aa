// Export: builds an article in one of the exchange formats and records it. Only an approved article that has
// not changed since its approval exports, unless an editor overrides with a written reason (kept in the
// export log and the audit trail). Exporting moves the article to `exported`. The bytes go back to the
// caller, which writes them exactly where the user said (the save dialog, the CLI's --out) and nowhere else.
import type Database from 'better-sqlite3';
import type { ArticleContent, ArticleStatus } from '../../core/article/model';
import {
  buildHtml,
  buildMarkdown,
  buildNewsMl,
  buildNinjsText,
  buildPlainText,
  FORMAT_INFO,
  type ExportFormat,
  type ExportMeta,
  type NinjsVersion,
} from '../../core/export';
import { AppError } from '../../core/ipc/contract';
import type { ServiceTable } from '../../core/ipc/dispatch';
import { buildDocx } from '../files/writers/docx';
import { exportFileName } from '../files/writers/fileName';
import { exportImages } from '../files/writers/exportImages';
import { embeddedFontCss, htmlToPdf } from '../files/writers/pdf';
import { getRevisionRecord, latestRevision } from '../store/revisions';
import { insertExport, latestApproval, recordAudit, setArticleStatus } from '../store/workflow';
import { nowIso } from './content';
import { resolveSuggestions } from '../../core/suggestions/suggestions';
import { factcheckReport } from './factcheck';
import { requireArticle } from './library';
import {
  approvalHash,
  approveArticle,
  currentActor,
  moveArticle,
  setRole,
  workflowAudit,
  workflowState,
} from './workflow';

type Db = Database.Database;

export type ExportRequest = {
  id: string;
  format: ExportFormat;
  /** An editor's written reason for exporting an article that is not approved (or changed since). */
  override?: string | null;
  ninjsVersion?: NinjsVersion;
  author?: string | null;
};

export type PreparedExport = {
  id: string;
  format: ExportFormat;
  revisionSeq: number;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  overrideReason: string | null;
  actor: string;
};

/** The fact-check report (standalone HTML) from the fact-checking services; replaceable for tests. */
let factcheckRenderer: ((db: Db, id: string) => string) | null = (db, id) => factcheckReport(db, id, 'html');

export function registerFactcheckRenderer(render: ((db: Db, id: string) => string) | null): void {
  factcheckRenderer = render;
}

/** Checks that the article may be exported by this person, without building anything. */
function authorise(
  db: Db,
  req: ExportRequest,
): {
  status: ArticleStatus;
  overrideReason: string | null;
  actor: string;
  content: ArticleContent;
  seq: number;
  createdAt: string;
  by: string;
} {
  const row = requireArticle(db, req.id);
  if (row.deletedAt !== null) {
    throw new AppError('conflict', `Article ${req.id} is in the trash; restore it from the trash first.`);
  }
  const latest = latestRevision(db, req.id);
  if (!latest)
    throw new AppError('database', `Article ${req.id} has no revisions; the database is inconsistent.`);
  const actor = currentActor(db, req.author);
  const approval = latestApproval(db, req.id);
  const changed = approval !== undefined && approval.contentHash !== approvalHash(latest.content);
  const approved =
    (row.status === 'approved' || row.status === 'exported') && approval !== undefined && !changed;
  const override = req.override?.trim() || null;
  let overrideReason: string | null = null;
  if (!approved) {
    const why =
      approval && (changed || row.status === 'changed-after-approval')
        ? `Article ${req.id} changed after its approval (status ${row.status})`
        : `Article ${req.id} is not approved (status ${row.status})`;
    if (!override) {
      throw new AppError(
        'conflict',
        `${why}; only approved articles are exported. An editor may export it anyway with a written reason (override).`,
      );
    }
    if (actor.role !== 'editor') {
      throw new AppError(
        'conflict',
        `${why}; only an editor may export it anyway, and ${actor.name} is a ${actor.role}.`,
      );
    }
    if (override.length < 3) throw new AppError('bad_request', 'The override reason is too short; say why.');
    overrideReason = override;
  }
  const first = getRevisionRecord(db, req.id, 1);
  return {
    status: row.status,
    overrideReason,
    actor: actor.name,
    // Suggestions nobody accepted are not part of the approved text: exports carry the text without them.
    content: resolveSuggestions(latest.content, 'reject'),
    seq: latest.seq,
    createdAt: first?.createdAt ?? row.createdAt,
    by: row.author,
  };
}

async function render(
  db: Db,
  req: ExportRequest,
  content: ArticleContent,
  meta: ExportMeta,
): Promise<Uint8Array | string> {
  switch (req.format) {
    case 'html':
      return buildHtml(content, meta, { images: await exportImages(db, content) });
    case 'md':
      return buildMarkdown(content);
    case 'txt':
      return buildPlainText(content);
    case 'ninjs':
      return buildNinjsText(content, meta, req.ninjsVersion ?? '3.1');
    case 'newsml':
      return buildNewsMl(content, meta);
    case 'docx':
      return buildDocx(content, meta, await exportImages(db, content));
    case 'pdf':
      return htmlToPdf(
        buildHtml(content, meta, {
          extraCss: PRINT_CSS + embeddedFontCss(),
          images: await exportImages(db, content),
        }),
      );
    case 'factcheck':
      if (!factcheckRenderer) {
        throw new AppError('bad_request', 'The fact-check report is not available in this build.');
      }
      return factcheckRenderer(db, req.id);
  }
}

/**
 * Printing: a system font with a clean Unicode map first (DejaVu Sans, which PDF text extraction reads back in
 * logical order), the bundled Noto Naskh Arabic otherwise. The lam-alef ligature is turned off because PDF
 * readers map the ligature glyph back to its letters in reverse (لا → ال) when they extract right-to-left text.
 */
const PRINT_CSS = `
@page { size: A4; }
body, h1, h2, figcaption { font-family: "DejaVu Sans", "Noto Naskh Arabic", sans-serif; font-feature-settings: "liga" 0, "rlig" 0; }
body { max-width: none; margin: 0; }
`;

/** Checks permission and builds the file; stores nothing. */
export async function prepareExport(db: Db, req: ExportRequest): Promise<PreparedExport> {
  const auth = db.transaction(() => authorise(db, req))();
  const meta: ExportMeta = {
    id: req.id,
    revisionSeq: auth.seq,
    firstCreated: auth.createdAt,
    versionCreated: nowIso(),
    by: auth.by,
  };
  const out = await render(db, req, auth.content, meta);
  const bytes = typeof out === 'string' ? new TextEncoder().encode(out) : out;
  const info = FORMAT_INFO[req.format];
  const suffix = req.format === 'factcheck' ? '-factcheck' : req.format === 'ninjs' ? '.ninjs' : '';
  return {
    id: req.id,
    format: req.format,
    revisionSeq: auth.seq,
    fileName: exportFileName(auth.content.headline, req.id, info.extension, suffix),
    mimeType: info.mimeType,
    bytes,
    overrideReason: auth.overrideReason,
    actor: auth.actor,
  };
}

/**
 * Records a prepared export (after the caller wrote it, with the path when known): the export log, the audit
 * trail and the move to `exported`. Fails if the article changed since it was prepared.
 */
export function recordExport(db: Db, p: PreparedExport, path: string | null): { status: ArticleStatus } {
  return db
    .transaction(() => {
      const row = requireArticle(db, p.id);
      const latest = latestRevision(db, p.id);
      if (!latest || latest.seq !== p.revisionSeq) {
        throw new AppError(
          'conflict',
          `Article ${p.id} changed while it was being exported; export it again.`,
        );
      }
      const at = nowIso();
      insertExport(db, {
        articleId: p.id,
        revisionSeq: p.revisionSeq,
        format: p.format,
        path,
        exportedAt: at,
        exportedBy: p.actor,
        overrideReason: p.overrideReason,
      });
      if (row.status !== 'exported') setArticleStatus(db, p.id, 'exported');
      recordAudit(db, {
        articleId: p.id,
        at,
        actor: p.actor,
        action: 'export',
        detail: {
          format: p.format,
          revisionSeq: p.revisionSeq,
          fileName: p.fileName,
          path,
          from: row.status,
          override: p.overrideReason,
        },
      });
      return { status: 'exported' as ArticleStatus };
    })
    .immediate();
}

/** What 'export:article' answers: the file for the main process to write where the save dialog says. */
export async function exportArticle(
  db: Db,
  req: ExportRequest,
): Promise<{ fileName: string; mimeType: string; dataBase64: string; status: ArticleStatus }> {
  const p = await prepareExport(db, req);
  const { status } = recordExport(db, p, null);
  return {
    fileName: p.fileName,
    mimeType: p.mimeType,
    dataBase64: Buffer.from(p.bytes).toString('base64'),
    status,
  };
}

/** Live articles approved and not exported yet (what a batch export picks up), oldest first. */
export function approvedArticleIds(db: Db): string[] {
  const rows = db
    .prepare<[], { id: string }>(
      `SELECT id FROM articles WHERE deleted_at IS NULL AND status = 'approved' ORDER BY created_at, id`,
    )
    .all();
  return rows.map((r) => r.id);
}

type WorkflowChannel =
  | 'workflow:state'
  | 'workflow:move'
  | 'workflow:approve'
  | 'workflow:audit'
  | 'user:getRole'
  | 'user:setRole'
  | 'export:article';

/** The workflow and export channels, spread into createServices' table. */
export function workflowServices(db: Db): Pick<ServiceTable, WorkflowChannel> {
  return {
    'workflow:state': ({ id }) => workflowState(db, id),
    'workflow:move': ({ id, to, reason }) => moveArticle(db, { id, to, reason }),
    'workflow:approve': ({ id, overrides }) => approveArticle(db, { id, overrides }),
    'workflow:audit': ({ id }) => workflowAudit(db, id),
    'user:getRole': () => currentActor(db),
    'user:setRole': ({ role }) => setRole(db, { role }),
    'export:article': ({ id, format, override, ninjsVersion }) =>
      exportArticle(db, { id, format, override, ninjsVersion }),
  };
}
