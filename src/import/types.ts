/**
 * The vocabulary of `revops/import`: what can be imported, the options, and the result with
 * every row accounted for.
 * @module
 */
import type { CurrencyCode } from '../core/currency.js';
import type { Activity } from '../model/activity.js';
import type { Credit } from '../model/credit.js';
import type { Deal } from '../model/deal.js';
import type { Lead } from '../model/lead.js';
import type { Member } from '../model/member.js';
import type { Pipeline } from '../model/pipeline.js';
import type { Quota } from '../model/quota.js';
import type { Subscription } from '../model/subscription.js';
import type { DateFormat } from './cells.js';
import type { Preset } from './presets.js';

/**
 * What an importer reads: `'deals'`, `'leads'`, `'activities'`, `'subscriptions'`, `'members'`,
 * `'quotas'`, `'credits'`.
 */
export const IMPORT_KINDS = ['deals', 'leads', 'activities', 'subscriptions', 'members', 'quotas', 'credits'] as const;
/** A kind of import. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The entity each kind of import produces. */
export interface ImportedRecord {
  /** A deal. */
  deals: Deal;
  /** A lead. */
  leads: Lead;
  /** An activity. */
  activities: Activity;
  /** A subscription row (one customer's recurring revenue over a period). */
  subscriptions: Subscription;
  /** A member. */
  members: Member;
  /** A quota. */
  quotas: Quota;
  /** A credit. */
  credits: Credit;
}

/**
 * Where a field comes from: a column name; several column names (the first non-empty one
 * wins, e.g. Pipedrive's won time or lost time); or a function of the row, given as a record
 * of column name → cell (for a 2-D array, built from the header row).
 */
export type ColumnMapping = string | readonly string[] | ((row: Readonly<Record<string, unknown>>) => unknown);

/** Options of every import function and of {@link createImporter}. */
export interface ImportOptions {
  /**
   * Entity field → column (see {@link ColumnMapping}). A field not given here comes from the
   * preset's columns, else from a column named as the field (`amount`, `closeDate`, …).
   * Money fields take their currency from the `currency` field's column.
   */
  readonly columns?: Readonly<Record<string, ColumnMapping>>;
  /**
   * The vendor whose standard export the rows are: `'salesforce'`, `'hubspot'` or
   * `'pipedrive'`. Sets the column names (from each vendor's documentation) and the
   * probability scale (Salesforce and Pipedrive 0–100, HubSpot 0–1). Default: none.
   */
  readonly preset?: Preset;
  /**
   * The pipeline whose stages the rows' stages are (ids or names, any case), and whose stage
   * kinds give open, won and lost, default probabilities and forecast categories. Default: the
   * default deal pipeline for deals, the default lead pipeline for leads.
   */
  readonly pipeline?: Pipeline;
  /** Other stage labels → stage id of `pipeline` (`{ 'Closed Won': 'closed-won' }`). Default `{}`. */
  readonly stages?: Readonly<Record<string, string>>;
  /**
   * Labels → values for enumerated fields (`{ source: { Web: 'inbound' } }`), and labels → codes of the
   * pipeline's `lostReasons` for `lostReasonCode` / `disqualifyReasonCode`. Default `{}`.
   */
  readonly values?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Currency of rows without a currency (no column, or an empty cell). Default: none (such rows are rejected). */
  readonly currency?: CurrencyCode;
  /** How date cells are written; never guessed. Default `'YYYY-MM-DD'`. */
  readonly dateFormat?: DateFormat;
  /** Decimal separator of number cells written as text. Default `'.'`. */
  readonly decimalSeparator?: '.' | ',';
  /**
   * Probability cells as fractions 0–1 (`'fraction'`) or percent 0–100 (`'percent'`). Default: the
   * preset's, else `'fraction'`.
   */
  readonly probabilityScale?: 'fraction' | 'percent';
  /** Separator of list cells (products, territory ids). Default `';'`. */
  readonly listSeparator?: string;
  /**
   * Members to check owners against: an owner (or member) that is neither a member's id nor a
   * member's name is a warning; a name is replaced by the member's id. Default: no check.
   */
  readonly members?: readonly Member[];
  /**
   * Whether a second row with an id already seen is rejected (`DUPLICATE_ID`). Keeping every id
   * costs about 42 bytes per 9-character id in the streaming form. Default `true`.
   */
  readonly checkDuplicates?: boolean;
}

/**
 * The default of {@link ImportArrayOptions.maxRejected}: 100,000 rejected rows. Each rejection
 * holds a record and a sentence per problem (about 1 KB for a row with three problems), so the
 * limit keeps a failed import of a whole file near 100 MB and a fraction of a second instead of
 * a gigabyte and seconds (measured: 1,000,000 rows of a deal export whose every row has three
 * problems take 2.7 s and about 1 GB to reject in full).
 */
export const DEFAULT_MAX_REJECTED = 100_000;

/**
 * Options of the functions that import a whole array at once and return every row
 * (`importDeals`, `importLeads`, `importActivities`, `importSubscriptions`, `importMembers`,
 * `importQuotas`, `importCredits`): {@link ImportOptions} and a limit on the rejected rows.
 */
export interface ImportArrayOptions extends ImportOptions {
  /**
   * Most rows that may be rejected: the row after the limit stops the import with a
   * `RevopsError` `TOO_MANY_REJECTED` naming the count and the first rejected row (a file
   * whose rows are mostly rejected has a header or a mapping that does not fit it, and listing a
   * million rejections costs seconds and a gigabyte). An integer ≥ 0, or
   * `Number.POSITIVE_INFINITY` for no limit (every rejected row is returned, however many).
   * Default {@link DEFAULT_MAX_REJECTED} (100,000). The streaming forms
   * ({@link createImporter}, {@link importStream}) hand rejected rows over batch by batch and
   * have no such limit.
   */
  readonly maxRejected?: number;
}

/**
 * Codes of rejected rows (the row is not imported):
 * - `INVALID_ROW`: the row is not a record or an array, or reading it threw.
 * - `EMPTY_ROW`: every mapped cell is empty.
 * - `MISSING_VALUE`: a required field has no value (no column, or an empty cell).
 * - `INVALID_VALUE`: a value is not one the field allows (an enumeration, a boolean, text).
 * - `INVALID_ID`: an id longer than 200 characters.
 * - `INVALID_DATE`: a date not in `dateFormat`, or not a calendar date.
 * - `INVALID_NUMBER`: a number cell that is not a number (or not whole, where it must be).
 * - `INVALID_AMOUNT`: an amount that is not a decimal, or too long to keep exactly.
 * - `INVALID_PROBABILITY`: a probability outside 0–1 (0–100 in percent).
 * - `UNKNOWN_CURRENCY`: a currency that is not an ISO 4217 code.
 * - `UNKNOWN_STAGE`: a stage that is neither a stage of the pipeline nor in `stages`.
 * - `CLOSED_STAGE_CONFLICT`: a won stage with a probability other than 1 or a forecast
 *   category other than `closed`; a lost stage other than 0 and `omitted`; a status that
 *   contradicts the stage.
 * - `CLOSE_BEFORE_CREATED`: a close date before the created date.
 * - `NEGATIVE_AMOUNT`: a negative deal amount (a refund is not a deal).
 * - `DUPLICATE_ID`: an id already imported from an earlier row (named in the message).
 * - `UNKNOWN_LOST_REASON`: a lost-reason code (`lostReasonCode`, `disqualifyReasonCode`) that is
 *   neither a code nor a label of the pipeline's `lostReasons` catalogue.
 */
export const REJECTION_CODES = [
  'INVALID_ROW',
  'EMPTY_ROW',
  'MISSING_VALUE',
  'INVALID_VALUE',
  'INVALID_ID',
  'INVALID_DATE',
  'INVALID_NUMBER',
  'INVALID_AMOUNT',
  'INVALID_PROBABILITY',
  'UNKNOWN_CURRENCY',
  'UNKNOWN_STAGE',
  'CLOSED_STAGE_CONFLICT',
  'CLOSE_BEFORE_CREATED',
  'NEGATIVE_AMOUNT',
  'DUPLICATE_ID',
  'UNKNOWN_LOST_REASON',
] as const;
/** A rejection code. */
export type RejectionCode = (typeof REJECTION_CODES)[number];

/**
 * Codes of warnings (the row is imported; the warning says what to look at):
 * - `MISSING_CLOSE_DATE`: a won or lost deal without a close date (it cannot be placed in a period).
 * - `MISSING_LOST_REASON`: a lost deal or disqualified lead without the reason its pipeline requires: with a
 *   `lostReasons` catalogue, a code of it (a code column, or a reason written as one of its codes or labels);
 *   without one, a reason or code where a transition into the stage `requiresReason`.
 * - `UNKNOWN_OWNER`: an owner (or member) that is not among `members`.
 * - `SEVERAL_CURRENCIES`: the file holds amounts in several currencies; one warning per
 *   currency with its row count and first row (not an error: totals must then be per currency).
 */
export const WARNING_CODES = [
  'MISSING_CLOSE_DATE',
  'MISSING_LOST_REASON',
  'UNKNOWN_OWNER',
  'SEVERAL_CURRENCIES',
] as const;
/** A warning code. */
export type WarningCode = (typeof WARNING_CODES)[number];

/** Any import code. */
export type ImportCode = RejectionCode | WarningCode;

/** One problem found in one row. */
export interface ImportIssue {
  /** The row as a spreadsheet numbers it: the header is row 1, the first data row 2. */
  readonly row: number;
  /** The column the value came from, or `null` (a function mapping, a whole-row problem). */
  readonly column: string | null;
  /** The entity field, or `null` for a whole-row problem. */
  readonly field: string | null;
  /**
   * The cell as received when it is a JSON value (text, a finite number, a boolean, `null`);
   * `undefined` when there is none; otherwise a bounded description of it as text (`'NaN'`,
   * `'Infinity'`, `'[1,2]'`): an issue always survives `JSON.stringify`.
   */
  readonly value: unknown;
  /** Stable code. */
  readonly code: ImportCode;
  /**
   * A sentence naming the row, the column, the value and what was expected; a text is quoted whole
   * up to 200 characters, a longer one by its first 120 and last 60 characters and its length.
   */
  readonly message: string;
}

/** A rejected row: its first problem, and all of them. */
export interface ImportRejection extends ImportIssue {
  /** Every problem found in the row (the first is repeated at the top level). */
  readonly problems: readonly ImportIssue[];
}

/** What an import gives back: every data row is in exactly one of `records` and `rejected`. */
export interface ImportResult<T> {
  /** The imported entities, in row order. */
  readonly records: T[];
  /** The row number of each record (same order as `records`). */
  readonly recordRows: number[];
  /** The rejected rows, in row order. */
  readonly rejected: ImportRejection[];
  /** Warnings about imported rows and about the whole file. */
  readonly warnings: ImportIssue[];
}
