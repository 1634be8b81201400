/**
 * Deal (opportunity): something a customer may buy, moving through the deal pipeline.
 * @module
 */
import * as z from 'zod';
import type { Documented } from './input-form.js';
import { lazySchema } from './lazy-schema.js';
import { describeValue, RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import {
  CreatedAtSchema,
  CustomFieldsSchema,
  DecimalStringSchema,
  FractionSchema,
  IdSchema,
  IsoDateSchema,
  MoneySchema,
  boundedList,
} from './common.js';
import { defaultDealPipelineSpec } from './default-pipelines.js';
import type { Money } from '../core/money.js';
import type { CustomFields } from './common.js';
import { got, guarded, listIssues, toRevopsError } from './parse.js';
import type { Pipeline, PipelineStage } from './pipeline.js';
import {
  type DealType,
  DealTypeSchema,
  type ForecastCategory,
  ForecastCategorySchema,
  type Segment,
  SegmentSchema,
} from './segment.js';
import { type StageEvent, StageEventSchema } from './stage-event.js';

/**
 * A member's share of a deal's credit. `revenue` splits share the deal amount and must sum
 * to 1 with the owner's remainder; `overlay` credit (specialists) is additional.
 */
export const DealSplitSchema = lazySchema(() =>
  z.strictObject({
    memberId: IdSchema,
    /** Exact decimal fraction of the deal ("0.4"). */
    share: DecimalStringSchema,
    kind: z.enum(['revenue', 'overlay']),
  }),
);
/** A member's share of a deal's credit (see {@link DealSplitSchema}). */
export interface DealSplit {
  /** The member credited with the share (a member id). */
  memberId: string;
  /**
   * The member's share of the deal amount, an exact decimal fraction as a canonical string
   * (`"0.4"` for 40 %; plain notation, no trailing zeros).
   */
  share: string;
  /**
   * `'revenue'`: part of the deal amount (revenue shares and the owner's remainder sum to 1);
   * `'overlay'`: additional credit on top of it (specialists), not taken from the owner.
   */
  kind: 'revenue' | 'overlay';
}

/**
 * A deal. Stage, probability and forecast category are three separate facts (as in
 * Salesforce and HubSpot): probability and category default from the stage and may be
 * overridden, and `probabilitySource` records which.
 */
export const DealSchema = lazySchema(() =>
  z.strictObject({
    id: IdSchema,
    name: z.string().min(1),
    accountId: IdSchema,
    /** The account executive who owns the deal. */
    ownerId: IdSchema,
    /** The SDR/BDR who created the opportunity, credited as its source. */
    sourceMemberId: IdSchema.optional(),
    /** The lead this deal was converted from. */
    leadId: IdSchema.optional(),
    type: DealTypeSchema,
    amount: MoneySchema,
    /** Current stage id in the deal pipeline. */
    stage: z.string().min(1),
    /** Chance of winning, a fraction in [0, 1]. */
    probability: FractionSchema,
    probabilitySource: z.enum(['stage', 'manual', 'model']).default('stage'),
    forecastCategory: ForecastCategorySchema,
    /**
     * Whether the forecast category is the stage's default (`'stage'`) or a rep's judgement
     * (`'manual'`) that survives moves between open stages. Absent means `'stage'`.
     */
    forecastCategorySource: z.enum(['stage', 'manual']).optional(),
    /** The date the deal is expected to close. */
    expectedCloseDate: IsoDateSchema,
    /** The date the deal actually closed (won or lost). */
    closeDate: IsoDateSchema.optional(),
    /**
     * When it was created: an instant, or a date `YYYY-MM-DD` read as the start of that day in
     * UTC (`'2026-01-24'` becomes `'2026-01-24T00:00:00Z'`).
     */
    createdAt: CreatedAtSchema,
    /** Why the deal was lost, in words (the free-text note of the lost move). */
    lostReason: z.string().min(1).optional(),
    /** Why the deal was lost, as a code of the pipeline's `lostReasons` catalogue (loss analysis groups by it). */
    lostReasonCode: IdSchema.optional(),
    segment: SegmentSchema.optional(),
    territoryId: IdSchema.optional(),
    teamId: IdSchema.optional(),
    products: boundedList(z.array(z.string().min(1))).optional(),
    /** Contract length in months. */
    termMonths: z.number().int().positive().optional(),
    splits: boundedList(z.array(DealSplitSchema)).optional(),
    history: boundedList(z.array(StageEventSchema)).default([]),
    fields: CustomFieldsSchema.optional(),
  }),
);
/**
 * A deal (opportunity), as {@link parseDeal} returns it. Stage, probability and forecast
 * category are three separate facts: probability and category default from the stage and may
 * be overridden. Whether the deal is open, won or lost comes from its stage's kind in the
 * pipeline (`dealOutcome`), never from `closeDate`.
 */
export interface Deal {
  /** Stable identifier of the deal (1–200 characters), unique in a dataset (e.g. the CRM's opportunity id). */
  id: string;
  /** Display name of the deal, non-empty (e.g. `"Acme renewal"`). */
  name: string;
  /** The customer or prospect company (an account id). */
  accountId: string;
  /** The account executive who owns the deal (a member id); credited as `owner`. */
  ownerId: string;
  /** The SDR or BDR who created the opportunity, credited as its source (a member id). Absent: none. */
  sourceMemberId?: string | undefined;
  /** The lead this deal was converted from (a lead id). Absent: not from a lead. */
  leadId?: string | undefined;
  /** `'new'` (a new customer), `'renewal'` (an existing contract renewed) or `'expansion'` (upsell, cross-sell). */
  type: DealType;
  /**
   * The deal's value: total contract value in one currency, as canonical money
   * (`{ amount: '24000.00', currency: 'USD' }`, amount at the currency's minor unit).
   */
  amount: Money;
  /** Current stage: a stage id of the deal pipeline, whose kind decides open, won or lost. */
  stage: string;
  /**
   * Chance of winning, a fraction in [0, 1] (0.2 for 20 %, never percent). Default: the stage's
   * probability (1 in a won stage, 0 in a lost one).
   */
  probability: number;
  /**
   * Where `probability` comes from: `'stage'` (the stage's default; the default when absent),
   * `'manual'` (a rep's override) or `'model'` (a scoring model).
   */
  probabilitySource: 'stage' | 'manual' | 'model';
  /**
   * A rep's judgement of the deal: `'pipeline'`, `'bestCase'`, `'commit'`, `'closed'` (won) or
   * `'omitted'` (lost). Default: the stage's forecast category.
   */
  forecastCategory: ForecastCategory;
  /**
   * Whether the forecast category is the stage's default (`'stage'`) or a rep's judgement
   * (`'manual'`) that survives moves between open stages. Absent means `'stage'`.
   */
  forecastCategorySource?: 'stage' | 'manual' | undefined;
  /** The date the deal is expected to close, `YYYY-MM-DD`. */
  expectedCloseDate: string;
  /**
   * The date the deal actually closed (won or lost), `YYYY-MM-DD`; not before the date of
   * `createdAt`. Absent while open. It says when, never whether: the stage decides that.
   */
  closeDate?: string | undefined;
  /**
   * When the deal was created: an ISO-8601 instant with an offset. A date `YYYY-MM-DD` on input is
   * read as the start of that day in UTC (`'2026-01-24'` becomes `'2026-01-24T00:00:00Z'`).
   */
  createdAt: string;
  /** Why the deal was lost (free text, non-empty), for a deal in a lost stage. Absent: not given. */
  lostReason?: string | undefined;
  /** Why the deal was lost, as a code of the pipeline's `lostReasons` catalogue. Absent: not given. */
  lostReasonCode?: string | undefined;
  /** Market segment: `'b2c'`, `'b2b'`, `'enterprise'` or `'saas'`. Absent: unsegmented. */
  segment?: Segment | undefined;
  /** The territory the deal belongs to (a territory id). Absent: none. */
  territoryId?: string | undefined;
  /** The owner's team (a team id), for grouping. Absent: none. */
  teamId?: string | undefined;
  /** Product names or SKUs on the deal (each non-empty), matched by plan credit filters. Absent: none listed. */
  products?: string[] | undefined;
  /** Contract length in whole months (a positive integer), for multi-year multipliers. Absent: unknown. */
  termMonths?: number | undefined;
  /** Credit splits between members; the owner keeps the remainder of the `revenue` shares. Absent: owner only. */
  splits?: DealSplit[] | undefined;
  /** The deal's stage moves, oldest first (the first has `from: null`). Default `[]` (no history, a snapshot). */
  history: StageEvent[];
  /** Custom fields from the CRM: name → string, number, boolean or null. Absent: none. */
  fields?: CustomFields | undefined;
}
/** The input form of a deal (amount may be a number; defaults not yet applied). */
export interface DealInput extends Documented<Deal, z.input<typeof DealSchema>> {}

/** Options of {@link parseDeal} and {@link safeParseDeal}. */
export interface ParseDealOptions {
  /**
   * The deal pipeline whose stages supply the defaults and the checks. With it, a stage it
   * lacks is refused. Default: the default deal pipeline (`defaultDealPipelineSpec`), used
   * for the stages it has; another stage is then accepted as given, with `probability` and
   * `forecastCategory` required.
   */
  readonly pipeline?: Pipeline;
}

interface Problem {
  readonly path: (string | number)[];
  readonly message: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function findStage(pipeline: Pipeline, stage: unknown): PipelineStage | undefined {
  if (typeof stage !== 'string') return undefined;
  for (const s of pipeline.stages) if (s.id === stage) return s;
  return undefined;
}

function refuse(input: unknown, problems: readonly Problem[]): RevopsError {
  const issues = problems.map((p) => ({ path: p.path, message: p.message, code: 'custom' }));
  const paths = problems.map((p) => p.path.join('.'));
  return new RevopsError('INVALID_INPUT', `Invalid Deal: ${listIssues(paths, problems)}`, {
    field: paths[0] ?? 'Deal',
    value: input,
    issues,
  });
}

/** Fills `probability` and `forecastCategory` from the stage when they are absent. */
function withStageDefaults(input: unknown, stage: PipelineStage | undefined): unknown {
  if (stage === undefined || !isRecord(input)) return input;
  const missingProbability = input.probability === undefined;
  const missingCategory = input.forecastCategory === undefined;
  if (!missingProbability && !missingCategory) return input;
  const filled: Record<string, unknown> = { ...input };
  if (missingProbability) {
    filled.probability = stage.probability;
    if (filled.probabilitySource === undefined) filled.probabilitySource = 'stage';
  }
  if (missingCategory) filled.forecastCategory = stage.forecastCategory;
  return filled;
}

/** The checks that need the stage's kind or two fields at once. */
function contradictions(deal: Deal, stage: PipelineStage | undefined): Problem[] {
  const problems: Problem[] = [];
  if (stage !== undefined && stage.kind !== 'open') {
    const [probability, category] = stage.kind === 'won' ? [1, 'closed'] : [0, 'omitted'];
    const where = `a deal in ${stage.kind} stage ${JSON.stringify(stage.id)}`;
    if (deal.probability !== probability) {
      problems.push({ path: ['probability'], message: `must be ${probability} for ${where}, got ${deal.probability}` });
    }
    if (deal.forecastCategory !== category) {
      problems.push({
        path: ['forecastCategory'],
        message: `must be '${category}' for ${where}, got '${deal.forecastCategory}'`,
      });
    }
  }
  const created = deal.createdAt.slice(0, 10);
  if (deal.closeDate !== undefined && deal.closeDate < created) {
    problems.push({
      path: ['closeDate'],
      message: `must not be before the date of createdAt (${created}), got "${deal.closeDate}"`,
    });
  }
  return problems;
}

function parseDealResult(input: unknown, given: ParseDealOptions | number): Result<Deal, RevopsError> {
  return guarded('Deal', input, () => {
    // a number is the index that `rows.map(parseDeal)` passes: no options
    const options: ParseDealOptions = typeof given === 'object' && given !== null ? given : {};
    const pipeline = options.pipeline ?? defaultDealPipelineSpec;
    const stageId = isRecord(input) ? input.stage : undefined;
    const stage = findStage(pipeline, stageId);
    if (stage === undefined && options.pipeline !== undefined && typeof stageId === 'string') {
      // at most 12 ids, each cut to 60 characters: the message stays bounded whatever the pipeline
      const cut = (id: string): string => (id.length > 60 ? `${id.slice(0, 57)}...` : id);
      const shown = pipeline.stages.slice(0, 12).map((st) => cut(String(st.id)));
      const ids = shown.join(', ') + (pipeline.stages.length > 12 ? ', …' : '');
      throw refuse(input, [
        {
          path: ['stage'],
          message: `must be a stage of pipeline ${describeValue(pipeline.id)} (${ids}), got ${got(stageId).slice(4)}`,
        },
      ]);
    }
    const r = DealSchema.safeParse(withStageDefaults(input, stage));
    if (!r.success) throw toRevopsError('Deal', r.error, input);
    const problems = contradictions(r.data, stage);
    if (problems.length > 0) throw refuse(input, problems);
    return r.data;
  });
}

/**
 * Parses a deal, throwing on any problem. Unknown keys are rejected.
 *
 * Defaults from the pipeline, as the schema promises: when `probability` is absent it is the
 * stage's (with `probabilitySource: 'stage'`), and when `forecastCategory` is absent it is the
 * stage's (a won stage gives 1 and `'closed'`, a lost stage 0 and `'omitted'`). A date-only
 * `createdAt` (`'2026-01-24'`) is read as the start of that day in UTC.
 *
 * Types stay strict: a probability is a number in [0, 1], never the text `"0.2"` or a percent
 * (`revops/import` converts the text of a CRM export). Refused as contradictions: a deal in a
 * won stage whose probability is not 1 or whose category is not `'closed'`, in a lost stage not
 * 0 and `'omitted'`, and a `closeDate` before the (calendar) date of `createdAt`.
 *
 * @param input - the deal, e.g. from JSON.
 * @param options - `pipeline` (default: the default deal pipeline). A number in its place (the
 *   index that `rows.map(parseDeal)` passes) is ignored.
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path, for a malformed
 *   field, an unknown key, a stage the given pipeline lacks, a contradiction above, or an input
 *   that cannot be read (a getter or a proxy that throws).
 * @example
 * ```ts
 * import { parseDeal } from 'revops/model';
 * const deal = parseDeal({
 *   id: 'd1', name: 'Acme renewal', accountId: 'a1', ownerId: 'ae1', type: 'renewal',
 *   amount: { amount: 24000, currency: 'USD' }, stage: 'proposal',
 *   expectedCloseDate: '2026-03-31', createdAt: '2026-01-10',
 * });
 * [deal.amount.amount, deal.probability, deal.probabilitySource, deal.forecastCategory, deal.createdAt];
 * //=> ['24000.00', 0.5, 'stage', 'bestCase', '2026-01-10T00:00:00Z']
 * ```
 */
export function parseDeal(input: unknown, options: ParseDealOptions | number = {}): Deal {
  const r = parseDealResult(input, options);
  if (!r.ok) throw r.error;
  return r.value;
}

/**
 * Parses a deal as {@link parseDeal} does, returning a Result instead of throwing. It never
 * throws, whatever the input.
 *
 * @param input - the deal, e.g. from JSON.
 * @param options - `pipeline` (default: the default deal pipeline).
 * @example
 * ```ts
 * import { safeParseDeal } from 'revops/model';
 * const r = safeParseDeal({ id: 'd1', probability: 40 });
 * r.ok ? 'parsed' : r.error.code;
 * //=> 'INVALID_INPUT'
 * ```
 */
export function safeParseDeal(input: unknown, options: ParseDealOptions | number = {}): Result<Deal, RevopsError> {
  return parseDealResult(input, options);
}
