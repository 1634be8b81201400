/**
 * `importLeads`: leads from a CRM export, stages looked up in the lead pipeline.
 * @module
 */
import { defaultLeadPipelineSpec } from '../model/default-pipelines.js';
import { LEAD_SOURCES, type Lead, safeParseLead } from '../model/lead.js';
import type { Pipeline } from '../model/pipeline.js';
import { SEGMENTS } from '../model/segment.js';
import { type FieldSpec, type KindSpec, type RowContext, importAll, verified } from './engine.js';
import { fastLead } from './fast-verify.js';
import { checkLostReason, readLostReasonCode } from './lost-reasons.js';
import { quoteText } from './quote.js';
import type { ImportArrayOptions, ImportResult } from './types.js';
import { readFailure } from '../core/read.js';

const FIELDS: readonly FieldSpec[] = [
  { field: 'id', type: 'id' },
  { field: 'name', type: 'text' },
  { field: 'company', type: 'text' },
  { field: 'email', type: 'text' },
  { field: 'source', type: 'enum', values: LEAD_SOURCES },
  { field: 'ownerId', type: 'id' },
  { field: 'accountId', type: 'id' },
  { field: 'segment', type: 'enum', values: SEGMENTS },
  { field: 'stage', type: 'text' },
  { field: 'createdAt', type: 'instant' },
  { field: 'disqualifyReason', type: 'text' },
  { field: 'disqualifyReasonCode', type: 'id' },
  { field: 'convertedDealId', type: 'id' },
  { field: 'score', type: 'number' },
];

const CODE = 'disqualifyReasonCode';
const LOST_REASON_FIELDS = { code: CODE, reason: 'disqualifyReason', what: 'disqualified lead' } as const;

const OPTIONAL = ['company', 'email', 'accountId', 'segment', 'disqualifyReason', 'convertedDealId', 'score'];

function build(v: Readonly<Record<string, unknown>>, ctx: RowContext): Lead | undefined {
  const pipeline = ctx.options.pipeline as Pipeline;
  for (const f of ['id', 'name', 'source', 'ownerId', 'stage', 'createdAt']) if (v[f] === undefined) ctx.missing(f);
  const label = v.stage as string | undefined;
  const stage =
    label === undefined
      ? undefined
      : (ctx.options.stageByLabel.get(label) ?? ctx.options.stageByLabel.get(label.toLowerCase()));
  if (label !== undefined && stage === undefined) {
    const known = pipeline.stages.map((s) => s.id).join(', ');
    ctx.reject(
      'stage',
      'UNKNOWN_STAGE',
      `must be a stage of pipeline ${quoteText(pipeline.id)} (${known}) or a label in options.stages`,
    );
  }
  if (stage === undefined || v.id === undefined || v.name === undefined) return undefined;
  if (v.source === undefined || v.ownerId === undefined || v.createdAt === undefined) return undefined;
  const reason = v.disqualifyReason as string | undefined;
  const code = readLostReasonCode(v.disqualifyReasonCode as string | undefined, reason, stage, CODE, ctx);
  const fast = ctx.options.fast ? fastLead(v, stage.id, code) : undefined;
  if (fast !== undefined) {
    checkLostReason(stage, code, reason, LOST_REASON_FIELDS, ctx);
    return fast;
  }
  const lead: Record<string, unknown> = {
    id: v.id,
    name: v.name,
    source: v.source,
    ownerId: v.ownerId,
    stage: stage.id,
    createdAt: v.createdAt,
  };
  for (const f of OPTIONAL) if (v[f] !== undefined) lead[f] = v[f];
  if (code !== undefined) lead.disqualifyReasonCode = code;
  const record = verified(safeParseLead(lead), ctx);
  if (record !== undefined) checkLostReason(stage, code, reason, LOST_REASON_FIELDS, ctx);
  return record;
}

/** The lead import. @internal */
export const LEADS: KindSpec<Lead> = {
  kind: 'leads',
  fields: FIELDS,
  idField: 'id',
  memberField: 'ownerId',
  defaultPipeline: defaultLeadPipelineSpec,
  build,
};

/**
 * Imports leads from records or a 2-D array with a header row, as {@link importDeals} does
 * for deals. Stages are looked up in `options.pipeline` (default: the default lead pipeline)
 * by id, name or an `options.stages` label; `source` takes the values of `LEAD_SOURCES` (map
 * a CRM's labels with `options.values.source`). A date-only `createdAt` is the start of that
 * day in UTC. A `disqualifyReasonCode` column is read against the pipeline's `lostReasons`
 * catalogue (its codes or labels; `UNKNOWN_LOST_REASON` otherwise), and a disqualified lead's
 * reason that is one of them gives the code. Checks: unknown stage, duplicate id, owner among
 * `members`, a disqualified lead without the reason its pipeline requires (a catalogue code, or
 * a reason where a transition `requiresReason`; warning).
 *
 * @param rows - records, or a 2-D array with a header row.
 * @param options - {@link ImportArrayOptions}.
 * @returns `{ records, recordRows, rejected, warnings }`.
 * @throws {RevopsError} `INVALID_OPTION` for a malformed option; `INVALID_INPUT` when `rows`
 *   is not an array; `TOO_MANY_REJECTED` when more rows are rejected than `options.maxRejected`
 *   (default 100,000). A row on its own never throws: it is rejected.
 * @example
 * ```ts
 * import { importLeads } from 'revops/import';
 * const { records } = importLeads(
 *   [
 *     {
 *       id: 'L-1', name: 'Ada', source: 'Web', ownerId: 'sdr1', stage: 'Working (contacted)',
 *       createdAt: '2026-01-24',
 *     },
 *   ],
 *   { values: { source: { Web: 'inbound' } } },
 * );
 * [records[0]?.source, records[0]?.stage, records[0]?.createdAt];
 * //=> ['inbound', 'working', '2026-01-24T00:00:00Z']
 * ```
 */
export function importLeads(rows: readonly unknown[], options: ImportArrayOptions = {}): ImportResult<Lead> {
  try {
    return importAll(LEADS, rows, options);
  } catch (thrown) {
    throw readFailure(thrown, { rows, options });
  }
}
