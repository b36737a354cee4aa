// The one IPC contract: every channel the renderer may invoke, with a zod schema for its single argument and
// for its result. Main validates arguments against it; the preload exposes only these channel names; the
// e2e harness injects the same table. Types on both sides are inferred from here.
import { z } from 'zod';
import { ArticleContent, ArticleStatus, Figure, ImportWarning, Article } from '../article/model';
import { CaptionStyle } from '../captions/style';
import { TagType } from '../tags/types';
import {
  AddedSource,
  AuditEntry,
  CommentThread,
  QuoteReviewItem,
  ReportFormat,
  ReviewStatus,
  SourceDetail,
  SourceHit,
  SourceSummary,
} from '../factcheck/model';
import { ExportFormat, NinjsVersion } from '../export/meta';
import { ArticleIgnores, HouseStyle } from '../checker/houseStyle';
import {
  ApprovalInfo,
  AuditEntry as WorkflowAuditEntry,
  GATE_IDS,
  GateOverride,
  GateResult,
  Role,
  WorkflowState,
} from '../workflow';

export const REVISION_REASONS = ['import', 'manual', 'autosave', 'restore', 'revise'] as const;
export const RevisionReason = z.enum(REVISION_REASONS);
export type RevisionReason = z.infer<typeof RevisionReason>;

const Id = z.string().min(1).max(64);
const Seq = z.number().int().positive();
/** Imported files travel as base64: the same shape works over Electron IPC and the injected e2e bridge. */
const MAX_IMPORT_BASE64 = Math.ceil((20 * 1024 * 1024 * 4) / 3) + 4;

export const ArticleSummary = z.object({
  id: z.string(),
  headline: z.string(),
  status: ArticleStatus,
  updatedAt: z.string(),
  author: z.string(),
  words: z.number().int(),
  deletedAt: z.string().nullable(),
});
export type ArticleSummary = z.infer<typeof ArticleSummary>;

export const RevisionSummary = z.object({
  seq: z.number().int(),
  createdAt: z.string(),
  author: z.string(),
  reason: RevisionReason,
  note: z.string().nullable(),
  chars: z.number().int(),
  words: z.number().int(),
});
export type RevisionSummary = z.infer<typeof RevisionSummary>;

export const Revision = RevisionSummary.extend({
  articleId: z.string(),
  content: ArticleContent,
});
export type Revision = z.infer<typeof Revision>;

export const SearchHit = z.object({
  id: z.string(),
  headline: z.string(),
  status: ArticleStatus,
  snippet: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const OpenArticle = z.object({
  article: Article,
  revision: RevisionSummary,
});
export type OpenArticle = z.infer<typeof OpenArticle>;

export const ImportOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('imported'), id: z.string(), warnings: z.array(ImportWarning) }),
  /** Same content hash as an existing article: the caller asks the user, then may repeat with allowDuplicate. */
  z.object({ kind: z.literal('duplicate'), existingId: z.string(), existingHeadline: z.string() }),
]);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

// Fact checking
const QuoteKey = z.string().min(1).max(200);
/** Sources may be whole transcripts or reports: far above any of them, far below what exhausts memory. */
const MAX_SOURCE_TEXT = 20_000_000;
const SourceMeta = {
  url: z.string().max(2000).nullable().optional(),
  publisher: z.string().max(300).nullable().optional(),
  /** BCP 47 language tag (ar, en, fr …); 'ar' when not given. */
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/)
    .optional(),
  /** A date (2024-10-23) or date-time. */
  publishedAt: z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/)
    .nullable()
    .optional(),
  /** Attach the new (or reused) source to this article. */
  articleId: Id.optional(),
};
const SourceTextArg = z
  .object({ title: z.string().trim().min(1).max(500), text: z.string().max(MAX_SOURCE_TEXT), ...SourceMeta })
  .strict();
const SourceFileArg = z
  .object({
    fileName: z.string().min(1).max(255),
    dataBase64: z.string().max(MAX_IMPORT_BASE64),
    title: z.string().trim().min(1).max(500).optional(),
    ...SourceMeta,
  })
  .strict();

export const User = z.object({ name: z.string() });

export const UI_LANGUAGES = ['ar', 'en'] as const;
export const Settings = z.object({
  language: z.enum(UI_LANGUAGES),
});
export type Settings = z.infer<typeof Settings>;

// Photos, captions and tags
const ImageHash = z.string().regex(/^[0-9a-f]{64}$/, 'An image hash is 64 lowercase hex digits (SHA-256).');
/** Photos travel as base64 like imported files; up to the image size limit (40 MB) of the services. */
const MAX_IMAGE_BASE64 = Math.ceil((40 * 1024 * 1024 * 4) / 3) + 4;
const TagId = z.number().int().positive();
export const PhotoMetadata = z.object({
  caption: z.string(),
  headline: z.string(),
  credit: z.string(),
  creator: z.string(),
  copyright: z.string(),
  dateCreated: z.string(),
  city: z.string(),
  country: z.string(),
  altText: z.string(),
  keywords: z.array(z.string()),
});
export const MediaInfo = z.object({
  hash: z.string(),
  mimeType: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  byteLength: z.number().int(),
  fileName: z.string(),
  metadata: PhotoMetadata,
  createdAt: z.string(),
});
export type MediaInfo = z.infer<typeof MediaInfo>;
export const MediaAdded = MediaInfo.extend({
  figure: Figure,
  isNew: z.boolean(),
  warnings: z.array(z.string()),
  figureIndex: z.number().int().nullable(),
  revision: RevisionSummary.nullable(),
});
export const CaptionFindingSchema = z.object({
  ruleId: z.string(),
  category: z.literal('captions'),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  messages: z.object({ ar: z.string(), en: z.string() }),
  field: z.string(),
  figure: z.number().int(),
  from: z.number().int(),
  to: z.number().int(),
  text: z.string(),
  suggestions: z.array(z.string()),
});
export const TagInfo = z.object({
  id: z.number().int(),
  label: z.string(),
  type: TagType,
  aliases: z.array(z.string()),
  mediaTopic: z.string().nullable(),
  labelEn: z.string().nullable(),
  usage: z.number().int(),
});
export type TagInfo = z.infer<typeof TagInfo>;
const TagChange = z.object({ tag: TagInfo, articlesUpdated: z.array(z.string()) });
const TagLabel = z.string().trim().min(1).max(200);
const CodeEntrySchema = z.object({ code: z.string().trim().min(1).max(40), expansion: z.string().max(2000) });

function channel<A extends z.ZodType, R extends z.ZodType>(arg: A, result: R): { arg: A; result: R } {
  return { arg, result };
}

export const contract = {
  'library:list': channel(z.object({ trash: z.boolean().default(false) }).strict(), z.array(ArticleSummary)),
  'library:search': channel(z.object({ query: z.string().max(500) }).strict(), z.array(SearchHit)),
  'library:importFile': channel(
    z
      .object({
        fileName: z.string().min(1).max(255),
        dataBase64: z.string().max(MAX_IMPORT_BASE64),
        allowDuplicate: z.boolean().default(false),
      })
      .strict(),
    ImportOutcome,
  ),
  'library:importText': channel(
    z
      .object({
        text: z.string().max(5_000_000),
        /** 'html' when the clipboard held HTML. */
        format: z.enum(['text', 'html']).default('text'),
        allowDuplicate: z.boolean().default(false),
      })
      .strict(),
    ImportOutcome,
  ),
  'library:trash': channel(z.object({ id: Id }).strict(), z.object({ ok: z.literal(true) })),
  'library:untrash': channel(z.object({ id: Id }).strict(), z.object({ ok: z.literal(true) })),
  'article:open': channel(z.object({ id: Id }).strict(), OpenArticle),
  'article:save': channel(
    z
      .object({
        id: Id,
        content: ArticleContent,
        reason: z.enum(['manual', 'autosave']),
        note: z.string().max(2000).nullable().default(null),
        /**
         * The revision this editor loaded or last saved. When another save has stored a newer one since,
         * the save is refused with 'conflict' (nothing stored). Without it the save goes on top, as before.
         */
        baseSeq: Seq.optional(),
        /** That revision's createdAt: an autosave folded into the same seq elsewhere changes it. */
        baseCreatedAt: z.string().max(40).optional(),
      })
      .strict(),
    /** `saved: false` when the content equals the latest revision (nothing new stored). */
    z.object({ saved: z.boolean(), revision: RevisionSummary }),
  ),
  // Spelling
  /** Hunspell (Arabic) behind the newsroom word list. Latin words, numbers and addresses come back `skipped`. */
  'spelling:check': channel(
    z
      .object({
        words: z.array(z.string().min(1).max(100)).max(5000),
        /** Suggestions for the words found wrong (a few milliseconds each). */
        suggestions: z.boolean().default(true),
      })
      .strict(),
    z.object({
      results: z.array(
        z.object({
          word: z.string(),
          correct: z.boolean(),
          /** What decided: the dictionary, the newsroom word list, or nothing (not an Arabic word). */
          source: z.enum(['dictionary', 'newsroom', 'skipped']),
          suggestions: z.array(z.string()),
        }),
      ),
    }),
  ),
  'spelling:suggest': channel(
    z.object({ word: z.string().min(1).max(100) }).strict(),
    z.object({ suggestions: z.array(z.string()) }),
  ),
  /** The newsroom word list: names and words the desk accepts that the dictionary lacks. */
  'dictionary:list': channel(
    z.object({}).strict(),
    z.object({ words: z.array(z.object({ word: z.string(), addedBy: z.string(), addedAt: z.string() })) }),
  ),
  /** "Add to dictionary": one Arabic word; `added: false` when it was already listed. */
  'dictionary:add': channel(
    z.object({ word: z.string().trim().min(1).max(100) }).strict(),
    z.object({ word: z.string(), added: z.boolean() }),
  ),
  'dictionary:remove': channel(
    z.object({ word: z.string().trim().min(1).max(100) }).strict(),
    z.object({ removed: z.boolean() }),
  ),
  'revisions:list': channel(z.object({ id: Id }).strict(), z.array(RevisionSummary)),
  'revisions:get': channel(z.object({ id: Id, seq: Seq }).strict(), Revision),
  'revisions:restore': channel(z.object({ id: Id, seq: Seq }).strict(), RevisionSummary),
  'user:get': channel(z.object({}).strict(), User.nullable()),
  'user:set': channel(z.object({ name: z.string().trim().min(1).max(100) }).strict(), User),
  'settings:get': channel(z.object({}).strict(), Settings),
  'settings:set': channel(Settings.partial().strict(), Settings),
  // Fact checking
  /** Adds pasted text to the sources library (the same text is reused, not duplicated), optionally attached. */
  'sources:add': channel(SourceTextArg, AddedSource),
  /** Adds a text, HTML, DOCX or PDF file to the sources library; the title defaults to the file's own. */
  'sources:addFile': channel(SourceFileArg, AddedSource),
  /** The whole library, or the sources attached to one article. */
  'sources:list': channel(z.object({ articleId: Id.optional() }).strict(), z.array(SourceSummary)),
  'sources:get': channel(z.object({ id: Id }).strict(), SourceDetail),
  /** Both return the article's sources after the change. */
  'sources:attach': channel(z.object({ articleId: Id, sourceId: Id }).strict(), z.array(SourceSummary)),
  'sources:detach': channel(z.object({ articleId: Id, sourceId: Id }).strict(), z.array(SourceSummary)),
  'sources:search': channel(z.object({ query: z.string().max(500) }).strict(), z.array(SourceHit)),
  /** Refused (conflict) while an article still uses the source. */
  'sources:delete': channel(z.object({ id: Id }).strict(), z.object({ ok: z.literal(true) })),
  /**
   * The quotes of the latest revision (less those a split or merge replaced) and the claims and speech quotes
   * marked by hand, with their reviews.
   */
  'quotes:list': channel(z.object({ id: Id }).strict(), z.array(QuoteReviewItem)),
  /** Verifies every speech quote (hand-marked ones too) against the attached sources; people's decisions stay. */
  'quotes:verify': channel(z.object({ id: Id }).strict(), z.array(QuoteReviewItem)),
  'quotes:update': channel(
    z
      .object({
        id: Id,
        quoteId: QuoteKey,
        status: ReviewStatus.optional(),
        /** A corrected speaker; null or '' brings back the detected one. */
        speaker: z.string().max(200).nullable().optional(),
        note: z.string().max(5000).nullable().optional(),
        /** Required when status is 'waived'. */
        waivedReason: z.string().max(2000).optional(),
      })
      .strict(),
    QuoteReviewItem,
  ),
  /** Turns a selection of body block `block` (UTF-16 offsets) into a claim to check. */
  'quotes:claim': channel(
    z
      .object({
        id: Id,
        block: z.number().int().nonnegative(),
        from: z.number().int().nonnegative(),
        to: z.number().int().nonnegative(),
        speaker: z.string().max(200).optional(),
      })
      .strict(),
    QuoteReviewItem,
  ),
  /**
   * Splits a speech quote at `at`, a UTF-16 offset into its text (paragraphs joined with '\n') between two
   * words: it is replaced by two hand-marked speech quotes with its speaker (returned, in reading order).
   */
  'quotes:split': channel(
    z.object({ id: Id, quoteId: QuoteKey, at: z.number().int().positive().max(1_000_000) }).strict(),
    z.array(QuoteReviewItem),
  ),
  /** Merges two or more speech quotes into one hand-marked speech quote (the first one's speaker unless given). */
  'quotes:merge': channel(
    z
      .object({
        id: Id,
        quoteIds: z.array(QuoteKey).min(2).max(50),
        speaker: z.string().max(200).optional(),
      })
      .strict(),
    QuoteReviewItem,
  ),
  /** Drops a hand-marked quote made by a split or merge (with its group) and returns the automatic ones. */
  'quotes:restoreAuto': channel(z.object({ id: Id, quoteId: QuoteKey }).strict(), z.array(QuoteReviewItem)),
  /** Threads anchored by `comment` marks (attrs.thread) in the document; bodies are plain text. */
  'comments:list': channel(z.object({ id: Id }).strict(), z.array(CommentThread)),
  /** Starts a thread (no threadId) or replies to one (a reply reopens a resolved thread). */
  'comments:add': channel(
    z.object({ id: Id, threadId: Id.optional(), body: z.string().min(1).max(10_000) }).strict(),
    CommentThread,
  ),
  'comments:resolve': channel(z.object({ id: Id, threadId: Id }).strict(), CommentThread),
  'comments:reopen': channel(z.object({ id: Id, threadId: Id }).strict(), CommentThread),
  /** Every recorded act on the article, oldest first. */
  'audit:list': channel(z.object({ id: Id }).strict(), z.array(AuditEntry)),
  /** The fact-check report of the latest revision as JSON or a standalone HTML document. */
  'factcheck:report': channel(z.object({ id: Id, format: ReportFormat }).strict(), z.string()),
  // Copy editing
  /** The desk's house style: settings (quotes, digits, months, agency names, strictness, rules on/off) and its rules. */
  'checker:getConfig': channel(z.object({}).strict(), HouseStyle),
  /** Replaces the parts given; custom rules are validated by the engine (unsafe patterns refused). */
  'checker:setConfig': channel(
    z
      .object({
        settings: HouseStyle.shape.settings.optional(),
        customRules: z.array(z.unknown()).max(2000).optional(),
      })
      .strict(),
    HouseStyle,
  ),
  'checker:ignores': channel(z.object({ id: Id }).strict(), ArticleIgnores),
  /** Ignore one finding (its key) or a rule in this article; `undo` takes it back. */
  'checker:ignore': channel(
    z
      .object({
        id: Id,
        key: z.string().min(1).max(400).optional(),
        ruleId: z.string().min(1).max(120).optional(),
        undo: z.boolean().default(false),
      })
      .strict(),
    ArticleIgnores,
  ),
  /** The desk's own rules (added and edited) as a JSON rule set. */
  'checker:rules:export': channel(z.object({}).strict(), z.object({ json: z.string() })),
  /** Adds (or replaces by id) the rules of a JSON rule set; an invalid or unsafe rule refuses the whole set. */
  'checker:rules:import': channel(
    z.object({ json: z.string().max(5_000_000), replace: z.boolean().default(false) }).strict(),
    z.object({ imported: z.number().int(), style: HouseStyle }),
  ),
  // Photos, captions and tags
  'media:add': channel(
    z
      .object({
        /** Add the photo to this article as a new figure (a new revision). */
        articleId: Id.nullable().optional(),
        fileName: z.string().min(1).max(255),
        dataBase64: z.string().max(MAX_IMAGE_BASE64),
      })
      .strict(),
    MediaAdded,
  ),
  'media:get': channel(z.object({ hash: ImageHash }).strict(), MediaInfo.extend({ dataBase64: z.string() })),
  'media:thumbnail': channel(
    z.object({ hash: ImageHash }).strict(),
    z.object({ mimeType: z.string(), dataBase64: z.string() }),
  ),
  'captions:check': channel(
    z.object({ id: Id }).strict(),
    z.object({ findings: z.array(CaptionFindingSchema) }),
  ),
  'captions:getStyle': channel(z.object({}).strict(), CaptionStyle),
  'captions:setStyle': channel(CaptionStyle.partial().strict(), CaptionStyle),
  'tags:search': channel(
    z.object({ prefix: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) }).strict(),
    z.array(TagInfo),
  ),
  'tags:suggest': channel(
    z.object({ id: Id }).strict(),
    z.array(
      z.object({
        label: z.string(),
        type: TagType,
        score: z.number(),
        count: z.number().int(),
        known: z.boolean(),
      }),
    ),
  ),
  'tags:list': channel(
    z.object({}).strict(),
    z.object({
      tags: z.array(TagInfo),
      /** Labels articles carry that are not in the vocabulary (e.g. imported with the text). */
      unlisted: z.array(z.object({ label: z.string(), usage: z.number().int() })),
    }),
  ),
  'tags:upsert': channel(
    z
      .object({
        id: TagId.nullable().optional(),
        label: TagLabel,
        type: TagType,
        aliases: z.array(TagLabel).max(100).default([]),
        mediaTopic: z.string().max(40).nullable().optional(),
        labelEn: z.string().max(200).nullable().optional(),
      })
      .strict(),
    TagInfo,
  ),
  'tags:rename': channel(z.object({ id: TagId, label: TagLabel }).strict(), TagChange),
  'tags:merge': channel(z.object({ from: z.array(TagId).min(1).max(100), into: TagId }).strict(), TagChange),
  'tags:delete': channel(z.object({ id: TagId }).strict(), z.object({ ok: z.literal(true) })),
  'codes:list': channel(z.object({}).strict(), z.array(CodeEntrySchema)),
  'codes:set': channel(CodeEntrySchema.strict(), CodeEntrySchema),
  'codes:delete': channel(
    z.object({ code: z.string().min(1).max(40) }).strict(),
    z.object({ deleted: z.boolean() }),
  ),
  'codes:importTsv': channel(
    z.object({ tsv: z.string().max(5_000_000), replace: z.boolean().default(false) }).strict(),
    z.object({
      imported: z.number().int(),
      problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
    }),
  ),
  'codes:exportTsv': channel(z.object({}).strict(), z.object({ tsv: z.string() })),
  /** The renderer has flushed its last edit after 'app:before-close'; the window may close now. */
  'app:closeReady': channel(z.object({}).strict(), z.object({ ok: z.literal(true) })),
  /**
   * Asks the user where to save a produced file (an export) and writes it there and nowhere else.
   * `saved: false` when the user cancelled.
   */
  'app:saveFile': channel(
    z
      .object({
        fileName: z.string().min(1).max(255),
        mimeType: z.string().max(120),
        dataBase64: z.string().max(Math.ceil((200 * 1024 * 1024 * 4) / 3) + 4),
      })
      .strict(),
    z.object({ saved: z.boolean(), path: z.string().nullable() }),
  ),
  // Workflow and export
  'workflow:state': channel(z.object({ id: Id }).strict(), WorkflowState),
  'workflow:move': channel(
    z.object({ id: Id, to: ArticleStatus, reason: z.string().trim().max(2000).optional() }).strict(),
    z.object({ status: ArticleStatus, from: ArticleStatus }),
  ),
  /** Every failing gate needs an override with a written reason (editors only). */
  'workflow:approve': channel(
    z.object({ id: Id, overrides: z.array(GateOverride).max(GATE_IDS.length).default([]) }).strict(),
    z.object({ status: ArticleStatus, approval: ApprovalInfo, gates: z.array(GateResult) }),
  ),
  'workflow:audit': channel(z.object({ id: Id }).strict(), z.array(WorkflowAuditEntry)),
  'user:getRole': channel(z.object({}).strict(), z.object({ name: z.string(), role: Role })),
  'user:setRole': channel(z.object({ role: Role }).strict(), z.object({ name: z.string(), role: Role })),
  /** The file for the main process to write where the save dialog says; recorded and status → exported. */
  'export:article': channel(
    z
      .object({
        id: Id,
        format: ExportFormat,
        override: z.string().trim().min(3).max(2000).optional(),
        ninjsVersion: NinjsVersion.default('3.1'),
      })
      .strict(),
    z.object({ fileName: z.string(), mimeType: z.string(), dataBase64: z.string(), status: ArticleStatus }),
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type ChannelArg<C extends Channel> = z.input<Contract[C]['arg']>;
export type ChannelResult<C extends Channel> = z.output<Contract[C]['result']>;

/** Channels served by the window host (Electron main), not by the data services. */
export const WINDOW_CHANNELS = ['app:closeReady', 'app:saveFile'] as const satisfies readonly Channel[];
export type WindowChannel = (typeof WINDOW_CHANNELS)[number];
export type ServiceChannel = Exclude<Channel, WindowChannel>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Errors travel as values: a thrown Error loses all but its message on the way through IPC. */
export const ERROR_CODES = [
  'bad_request',
  'not_found',
  'unsupported_file',
  'too_large',
  'empty_file',
  'undecodable',
  'conflict',
  'database',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export type IpcError = { code: ErrorCode; message: string };
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** A failure the services raise on purpose; its code and message reach the user intact. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** What window.tadqiq looks like in the renderer (the preload and the e2e harness both provide it). */
export interface TadqiqBridge {
  invoke<C extends Channel>(channel: C, arg: ChannelArg<C>): Promise<IpcResult<ChannelResult<C>>>;
  /** Events the main process sends (menu commands). Returns an unsubscribe function. */
  on(event: AppEvent, listener: () => void): () => void;
}
export const APP_EVENTS = ['menu:import', 'menu:save', 'menu:history', 'app:before-close'] as const;
export type AppEvent = (typeof APP_EVENTS)[number];
