/**
 * Lost reasons in an import: the code column of a lost deal (`lostReasonCode`) or disqualified
 * lead (`disqualifyReasonCode`) read against the pipeline's `lostReasons` catalogue, and the
 * check "lost without a reason where the pipeline requires one", with the pipeline's own rule:
 * with a catalogue, a move into a lost stage names one of its codes; without one, a transition
 * that `requiresReason` needs a reason (a code or the free text).
 *
 * No vendor's standard export documents a lost-reason code column: HubSpot's Closed Lost Reason
 * (`closed_lost_reason`, https://knowledge.hubspot.com/crm-deals/hubspots-default-deal-properties)
 * and Pipedrive's `lost_reason` (https://developers.pipedrive.com/docs/api/v1/Deals) are text, and
 * Salesforce's Opportunity has no standard loss-reason field (its object reference:
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunity.htm
 * ). So no preset maps the code; with a catalogue, a lost reason whose text is one of its codes or
 * labels (as a CRM writes a picklist value) gives the code.
 * @module
 */
import type { Pipeline, PipelineStage } from '../model/pipeline.js';
import { quoteText } from './quote.js';

/** What these checks use of the importer's row context (engine.ts's `RowContext`). */
interface LostReasonContext {
  readonly options: {
    readonly pipeline: Pipeline | undefined;
    /** {@link indexLostReasons} of the pipeline. */
    readonly lostReasons: ReadonlyMap<string, string> | undefined;
    readonly values: Readonly<Record<string, Readonly<Record<string, string>>>>;
  };
  reject(field: string, code: 'UNKNOWN_LOST_REASON', expectation: string): void;
  warn(field: string, code: 'MISSING_LOST_REASON', message: string, value?: unknown): void;
}

/** Lower case, letters and digits only: `'Price too high'` → `'pricetoohigh'`. */
function key(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The catalogue of `pipeline` as a look-up: each code, each label and their letters-and-digits
 * forms (`'Price too high'`, `'price-too-high'`) → the code; undefined without a catalogue. Codes
 * win over labels, exact text over its loose form. @internal
 */
export function indexLostReasons(pipeline: Pipeline | undefined): ReadonlyMap<string, string> | undefined {
  const catalogue = pipeline?.lostReasons;
  if (!Array.isArray(catalogue)) return undefined;
  const byText = new Map<string, string>();
  for (const r of catalogue) byText.set(r.code, r.code);
  for (const r of catalogue) if (!byText.has(r.label)) byText.set(r.label, r.code);
  for (const [text, code] of [...byText]) {
    const loose = key(text);
    if (loose !== '' && !byText.has(loose)) byText.set(loose, code);
  }
  return byText;
}

/** The cell, or the code `options.values[codeField]` maps it to. */
function mappedOf(text: string, o: LostReasonContext['options'], codeField: string): string {
  const mapped = o.values[codeField];
  return mapped !== undefined && Object.hasOwn(mapped, text) ? (mapped[text] as string) : text;
}

function codeOf(text: string, o: LostReasonContext['options'], codeField: string): string | undefined {
  const byText = o.lostReasons as ReadonlyMap<string, string>;
  const given = mappedOf(text, o, codeField);
  return byText.get(given) ?? byText.get(key(given));
}

function codeList(pipeline: Pipeline): string {
  const codes = (pipeline.lostReasons ?? []).map((r) => r.code);
  return codes.length > 20 ? `${codes.slice(0, 20).join(', ')}, …` : codes.join(', ');
}

/**
 * The lost-reason code of a row, or undefined. A code cell is looked up in the catalogue (a code,
 * a label, either loosely written, or a label mapped by `options.values[codeField]`); one that is
 * in none is rejected (`UNKNOWN_LOST_REASON`). Without a catalogue the code is kept as written (or as
 * `options.values[codeField]` maps it).
 * A lost entity without a code cell takes the code its free-text reason names, when it names one.
 * @internal
 */
export function readLostReasonCode(
  cell: string | undefined,
  reason: string | undefined,
  stage: PipelineStage,
  codeField: string,
  ctx: LostReasonContext,
): string | undefined {
  const o = ctx.options;
  if (cell !== undefined) {
    if (o.lostReasons === undefined) return mappedOf(cell, o, codeField);
    const code = codeOf(cell, o, codeField);
    if (code === undefined) {
      const pipeline = o.pipeline as Pipeline;
      ctx.reject(
        codeField,
        'UNKNOWN_LOST_REASON',
        `must be a code or label of the lostReasons of pipeline ${quoteText(pipeline.id)} (${codeList(pipeline)})`,
      );
    }
    return code;
  }
  return reason !== undefined && stage.kind === 'lost' && o.lostReasons !== undefined
    ? codeOf(reason, o, codeField)
    : undefined;
}

/**
 * Warns (`MISSING_LOST_REASON`) about a lost entity without the reason its pipeline requires:
 * with a catalogue, a code; without one, a code or a reason when a transition into its stage
 * `requiresReason`. @internal
 */
export function checkLostReason(
  stage: PipelineStage,
  code: string | undefined,
  reason: string | undefined,
  fields: { readonly code: string; readonly reason: string; readonly what: string },
  ctx: LostReasonContext,
): void {
  if (stage.kind !== 'lost' || code !== undefined) return;
  const pipeline = ctx.options.pipeline as Pipeline;
  const name = quoteText(pipeline.id);
  if (ctx.options.lostReasons !== undefined) {
    ctx.warn(
      fields.code,
      'MISSING_LOST_REASON',
      `the ${fields.what} has no lost reason code, which pipeline ${name} requires (${codeList(pipeline)})`,
      reason,
    );
  } else if (reason === undefined && pipeline.transitions.some((t) => t.to === stage.id && t.requiresReason)) {
    ctx.warn(
      fields.reason,
      'MISSING_LOST_REASON',
      `the ${fields.what} has no lost reason, which pipeline ${name} requires`,
    );
  }
}
