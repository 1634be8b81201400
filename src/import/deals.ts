/**
 * `importDeals`: deals from a CRM export, with probability and forecast category defaulted from
 * the stage and the deal checks of the import (unknown stage, closed stage contradictions,
 * close before created, negative amount, missing close date or lost reason).
 * @module
 */
import type { Deal } from '../model/deal.js';
import { defaultDealPipelineSpec } from '../model/default-pipelines.js';
import type { Pipeline, PipelineStage } from '../model/pipeline.js';
import { DEAL_TYPES, FORECAST_CATEGORIES, SEGMENTS } from '../model/segment.js';
import { type FieldSpec, type KindSpec, type RowContext, importAll, moneyField } from './engine.js';
import { checkLostReason, readLostReasonCode } from './lost-reasons.js';
import { quoteText } from './quote.js';
import type { ImportArrayOptions, ImportResult } from './types.js';
import { readFailure } from '../core/read.js';

const FIELDS: readonly FieldSpec[] = [
  { field: 'id', type: 'id' },
  { field: 'name', type: 'text' },
  { field: 'accountId', type: 'id' },
  { field: 'ownerId', type: 'id' },
  { field: 'sourceMemberId', type: 'id' },
  { field: 'leadId', type: 'id' },
  // Salesforce's standard Type picklist writes new business as "New Business"
  { field: 'type', type: 'enum', values: DEAL_TYPES, synonyms: { newbusiness: 'new' } },
  { field: 'amount', type: 'amount' },
  { field: 'currency', type: 'currency' },
  { field: 'stage', type: 'text' },
  { field: 'status', type: 'enum', values: ['open', 'won', 'lost'] },
  { field: 'probability', type: 'probability' },
  { field: 'probabilitySource', type: 'enum', values: ['stage', 'manual', 'model'] },
  { field: 'forecastCategory', type: 'enum', values: FORECAST_CATEGORIES },
  { field: 'expectedCloseDate', type: 'date' },
  { field: 'closeDate', type: 'date' },
  { field: 'createdAt', type: 'instant' },
  { field: 'lostReason', type: 'text' },
  { field: 'lostReasonCode', type: 'id' },
  { field: 'segment', type: 'enum', values: SEGMENTS },
  { field: 'territoryId', type: 'id' },
  { field: 'teamId', type: 'id' },
  { field: 'products', type: 'list' },
  { field: 'termMonths', type: 'integer' },
];

function firstOfKind(pipeline: Pipeline, kind: 'won' | 'lost'): PipelineStage | undefined {
  return pipeline.stages.find((s) => s.kind === kind);
}

/** The stage of a row: its label looked up in the pipeline, or its status (won, lost) when it has one. */
function stageOf(v: Readonly<Record<string, unknown>>, ctx: RowContext): PipelineStage | undefined {
  const o = ctx.options;
  const pipeline = o.pipeline as Pipeline;
  const label = v.stage as string | undefined;
  const status = v.status as 'open' | 'won' | 'lost' | undefined;
  const byLabel =
    label === undefined ? undefined : (o.stageByLabel.get(label) ?? o.stageByLabel.get(label.toLowerCase()));
  if (label !== undefined && byLabel === undefined && status !== 'won' && status !== 'lost') {
    const known = pipeline.stages.map((s) => s.id).join(', ');
    ctx.reject(
      'stage',
      'UNKNOWN_STAGE',
      `must be a stage of pipeline ${quoteText(pipeline.id)} (${known}) or a label in options.stages`,
      ctx.cell('stage'),
    );
    return undefined;
  }
  if (status === 'won' || status === 'lost') {
    if (byLabel !== undefined && byLabel.kind === status) return byLabel;
    const closed = firstOfKind(pipeline, status);
    if (closed === undefined) {
      ctx.reject('status', 'CLOSED_STAGE_CONFLICT', `has no ${status} stage in pipeline ${quoteText(pipeline.id)}`);
    }
    return closed;
  }
  if (byLabel === undefined) {
    ctx.missing('stage');
    return undefined;
  }
  if (status === 'open' && byLabel.kind !== 'open') {
    ctx.reject('status', 'CLOSED_STAGE_CONFLICT', `must agree with the ${byLabel.kind} stage "${byLabel.id}"`);
    return undefined;
  }
  return byLabel;
}

const LOST_REASON_FIELDS = { code: 'lostReasonCode', reason: 'lostReason', what: 'lost deal' } as const;

const REQUIRED = ['id', 'name', 'accountId', 'ownerId', 'amount', 'createdAt'] as const;

function build(v: Readonly<Record<string, unknown>>, ctx: RowContext): Deal | undefined {
  const complete =
    v.id !== undefined &&
    v.name !== undefined &&
    v.accountId !== undefined &&
    v.ownerId !== undefined &&
    v.amount !== undefined &&
    v.createdAt !== undefined;
  if (!complete) for (const f of REQUIRED) if (v[f] === undefined) ctx.missing(f);
  const stage = stageOf(v, ctx);
  const amount = moneyField(v, 'amount', ctx);
  if (amount?.amount.startsWith('-')) {
    ctx.reject('amount', 'NEGATIVE_AMOUNT', 'must not be negative (a deal amount)');
  }
  if (stage === undefined) return undefined;

  let probability = v.probability as number | undefined;
  let probabilitySource = v.probabilitySource as Deal['probabilitySource'] | undefined;
  if (probability === undefined) {
    probability = stage.probability;
    probabilitySource ??= 'stage';
  } else {
    probabilitySource ??= probability === stage.probability ? 'stage' : 'manual';
  }
  const forecastCategory = (v.forecastCategory as Deal['forecastCategory'] | undefined) ?? stage.forecastCategory;
  if (stage.kind !== 'open') {
    const won = stage.kind === 'won';
    const p = won ? 1 : 0;
    const c = won ? 'closed' : 'omitted';
    if (probability !== p) {
      ctx.reject(
        'probability',
        'CLOSED_STAGE_CONFLICT',
        `must be ${p} in the ${stage.kind} stage "${stage.id}"`,
        probability,
      );
    }
    if (forecastCategory !== c) {
      ctx.reject(
        'forecastCategory',
        'CLOSED_STAGE_CONFLICT',
        `must be '${c}' in the ${stage.kind} stage "${stage.id}"`,
        forecastCategory,
      );
    }
  }

  // Close Date in Salesforce and HubSpot exports is the expected date while a deal is open and
  // the close date once it is closed: `closeDate` says when, never whether.
  const closeColumn = v.closeDate as string | undefined;
  const expectedCloseDate = (v.expectedCloseDate as string | undefined) ?? closeColumn;
  const closeDate = stage.kind === 'open' ? undefined : closeColumn;
  if (expectedCloseDate === undefined) ctx.missing(v.closeDate === undefined ? 'expectedCloseDate' : 'closeDate');
  const createdAt = v.createdAt as string | undefined;
  // createdAt starts with its calendar date: before it unless the same day (a prefix)
  if (closeDate !== undefined && createdAt !== undefined && closeDate < createdAt && !createdAt.startsWith(closeDate)) {
    ctx.reject(
      'closeDate',
      'CLOSE_BEFORE_CREATED',
      `must not be before the created date ${createdAt.slice(0, 10)}`,
      ctx.cell('closeDate'),
    );
  }
  if (!complete || amount === undefined || expectedCloseDate === undefined || createdAt === undefined) return undefined;

  if (stage.kind !== 'open' && closeDate === undefined) {
    ctx.warn(
      'closeDate',
      'MISSING_CLOSE_DATE',
      `the ${stage.kind} deal has no close date: it cannot be placed in a period`,
    );
  }
  const lostReason = v.lostReason as string | undefined;
  const lostReasonCode = readLostReasonCode(
    v.lostReasonCode as string | undefined,
    lostReason,
    stage,
    'lostReasonCode',
    ctx,
  );
  checkLostReason(stage, lostReasonCode, lostReason, LOST_REASON_FIELDS, ctx);

  // the fields in the schema's order (as parseDeal gives them); the common deal (no source member,
  // lead, lost-reason code, segment, territory, team, products or term) is one literal of its own
  // fields, so that it is made at once with its properties inside the object
  if (
    v.sourceMemberId === undefined &&
    v.leadId === undefined &&
    lostReasonCode === undefined &&
    v.segment === undefined &&
    v.territoryId === undefined &&
    v.teamId === undefined &&
    v.products === undefined &&
    v.termMonths === undefined
  ) {
    const { id, name, accountId, ownerId } = v;
    const type = v.type ?? 'new';
    const stageId = stage.id;
    const common =
      closeDate === undefined
        ? lostReason === undefined
          ? {
              id,
              name,
              accountId,
              ownerId,
              type,
              amount,
              stage: stageId,
              probability,
              probabilitySource,
              forecastCategory,
              expectedCloseDate,
              createdAt,
              history: [],
            }
          : {
              id,
              name,
              accountId,
              ownerId,
              type,
              amount,
              stage: stageId,
              probability,
              probabilitySource,
              forecastCategory,
              expectedCloseDate,
              createdAt,
              lostReason,
              history: [],
            }
        : lostReason === undefined
          ? {
              id,
              name,
              accountId,
              ownerId,
              type,
              amount,
              stage: stageId,
              probability,
              probabilitySource,
              forecastCategory,
              expectedCloseDate,
              closeDate,
              createdAt,
              history: [],
            }
          : {
              id,
              name,
              accountId,
              ownerId,
              type,
              amount,
              stage: stageId,
              probability,
              probabilitySource,
              forecastCategory,
              expectedCloseDate,
              closeDate,
              createdAt,
              lostReason,
              history: [],
            };
    return common as unknown as Deal;
  }
  let deal: Record<string, unknown>;
  if (v.sourceMemberId === undefined && v.leadId === undefined) {
    deal = {
      id: v.id,
      name: v.name,
      accountId: v.accountId,
      ownerId: v.ownerId,
      type: v.type ?? 'new',
      amount,
      stage: stage.id,
      probability,
      probabilitySource,
      forecastCategory,
      expectedCloseDate,
    };
  } else {
    deal = { id: v.id, name: v.name, accountId: v.accountId, ownerId: v.ownerId };
    if (v.sourceMemberId !== undefined) deal.sourceMemberId = v.sourceMemberId;
    if (v.leadId !== undefined) deal.leadId = v.leadId;
    deal.type = v.type ?? 'new';
    deal.amount = amount;
    deal.stage = stage.id;
    deal.probability = probability;
    deal.probabilitySource = probabilitySource;
    deal.forecastCategory = forecastCategory;
    deal.expectedCloseDate = expectedCloseDate;
  }
  if (closeDate !== undefined) deal.closeDate = closeDate;
  deal.createdAt = createdAt;
  if (lostReason !== undefined) deal.lostReason = lostReason;
  if (lostReasonCode !== undefined) deal.lostReasonCode = lostReasonCode;
  if (v.segment !== undefined) deal.segment = v.segment;
  if (v.territoryId !== undefined) deal.territoryId = v.territoryId;
  if (v.teamId !== undefined) deal.teamId = v.teamId;
  if (v.products !== undefined) deal.products = v.products;
  if (v.termMonths !== undefined) {
    if ((v.termMonths as number) < 1) {
      ctx.reject('termMonths', 'INVALID_NUMBER', 'must be a whole number of months, at least 1');
      return undefined;
    }
    deal.termMonths = v.termMonths;
  }
  deal.history = [];
  return deal as unknown as Deal;
}

/** The deal import. @internal */
export const DEALS: KindSpec<Deal> = {
  kind: 'deals',
  fields: FIELDS,
  idField: 'id',
  memberField: 'ownerId',
  defaultPipeline: defaultDealPipelineSpec,
  build,
  currencyOf: (d) => d.amount.currency,
};

/**
 * Imports deals from rows as a CSV parser or a spreadsheet gives them: an array of records
 * (column → cell), or a 2-D array whose first row is the header. The library does not parse
 * CSV text itself.
 *
 * Each field comes from `options.columns`, else the preset's columns, else a column named as
 * the field. Stages are looked up in `options.pipeline` (ids or names, any case, and the labels
 * of `options.stages`); a `status` column (`open`/`won`/`lost`, as Pipedrive writes it) puts a
 * won or lost deal in the pipeline's won or lost stage. Probability and forecast category
 * default from the stage (`probabilitySource: 'stage'`); a given probability different from
 * the stage's is `'manual'`. The close-date column is the expected close date of an open deal
 * and the close date of a closed one (as Salesforce and HubSpot write Close Date); an
 * `expectedCloseDate` column, when there is one, gives the expected date. `type` defaults to
 * `'new'`. Dates are read in `options.dateFormat`; a date-only `createdAt` is the start of that
 * day in UTC, a date-time without an offset is read in UTC.
 *
 * Lost reasons: a `lostReasonCode` column is read against the pipeline's `lostReasons` catalogue
 * (a code or a label, in any case and punctuation, or a label mapped by
 * `options.values.lostReasonCode`; anything else is rejected, `UNKNOWN_LOST_REASON`), and kept as
 * written when the pipeline has no catalogue. A lost deal without a code whose `lostReason` is
 * one of the catalogue's codes or labels gets that code. No vendor's standard export has a code
 * column (their lost reason is text), so no preset maps it. A lost deal without the reason its
 * pipeline requires is a warning (`MISSING_LOST_REASON`): with a catalogue, a code; without one,
 * a reason or a code when a transition into its stage `requiresReason`.
 *
 * Every data row ends in exactly one of `records` and `rejected` (row numbers as a
 * spreadsheet shows them: the header is row 1). Rejected: see `REJECTION_CODES`. Warnings:
 * see `WARNING_CODES`. Each record is a valid `Deal` (what `parseDeal` with the same pipeline
 * returns for it).
 *
 * @param rows - records, or a 2-D array with a header row.
 * @param options - {@link ImportArrayOptions}.
 * @returns `{ records, recordRows, rejected, warnings }`.
 * @throws {RevopsError} `INVALID_OPTION` for a malformed option (an unknown preset or date
 *   format, a stage label mapped to a stage the pipeline lacks); `INVALID_INPUT` when `rows`
 *   is not an array; `TOO_MANY_REJECTED` when more rows are rejected than `options.maxRejected`
 *   (default 100,000). A row on its own never throws: it is rejected.
 * @example
 * ```ts
 * import { importDeals } from 'revops/import';
 * const { records, rejected } = importDeals(
 *   [
 *     ['Id', 'Name', 'Account', 'Owner', 'Amount', 'Stage', 'Close Date', 'Created'],
 *     ['D-1', 'Acme', 'Acme Inc', 'ana', '12,000.00', 'Proposal', '03/31/2026', '01/24/2026'],
 *     ['D-2', 'Globex', 'Globex', 'ana', '5000', 'Verbal Commit', '03/15/2026', '01/30/2026'],
 *   ],
 *   {
 *     currency: 'USD', dateFormat: 'MM/DD/YYYY',
 *     columns: { accountId: 'Account', ownerId: 'Owner', id: 'Id', name: 'Name', amount: 'Amount',
 *       stage: 'Stage', closeDate: 'Close Date', createdAt: 'Created' },
 *   },
 * );
 * const d = records[0];
 * [d?.amount.amount, d?.probability, d?.expectedCloseDate, rejected[0]?.code, rejected[0]?.row];
 * //=> ['12000.00', 0.5, '2026-03-31', 'UNKNOWN_STAGE', 3]
 * ```
 */
export function importDeals(rows: readonly unknown[], options: ImportArrayOptions = {}): ImportResult<Deal> {
  try {
    return importAll(DEALS, rows, options);
  } catch (thrown) {
    throw readFailure(thrown, { rows, options });
  }
}
