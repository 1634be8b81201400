/**
 * What the best do differently: the bookings gap between the top performers and the rest,
 * split into the same drivers as a single rep's.
 * @module
 */
import { invalid } from '../core/errors.js';
import { period as readPeriod } from '../core/periods.js';
import type { Period } from '../core/periods.js';
import { readInteger, readFailure } from '../core/read.js';
import type { Pipeline } from '../model/pipeline.js';
import { type DiagnoseData, decomposeGap, type PerformanceDiagnosis } from './diagnose-performance.js';
import { gatherFacts, type RepFacts } from './rep-facts.js';

/** Options of {@link diagnoseTopPerformers}. */
export interface DiagnoseTopPerformersOptions {
  /** The member ids ranked (at least two). */
  readonly members: readonly string[];
  /** How many of them form the top group: 1 … members − 1. Default: a fifth, at least 1. */
  readonly top?: number;
  /** Which close dates and activity dates count (inclusive). */
  readonly period: Period;
  /** Stage order and kinds. */
  readonly pipeline: Pipeline;
  /** Confidence of the rate comparisons. Default 0.95. */
  readonly confidence?: number;
  /** Strength, in trials, of the prior that shrinks the top group's rates. Default 10. */
  readonly priorTrials?: number;
}

/**
 * Ranks `members` by bookings in the period (ties by member id), takes the `top` of them, and
 * explains the gap between the top group's bookings per member and the rest's as an exact sum
 * of drivers, as {@link diagnosePerformance} does for one rep (same identity, same LMDI split,
 * same rate tests, with each side's counts pooled).
 *
 * @param data - deals (and optionally activities and accounts).
 * @param options - the members ranked, the size of the top group, the period and the pipeline.
 * @returns the diagnosis with `subject` = the top group and `comparison` = the rest.
 * @throws {RevopsError} `INVALID_OPTION` for fewer than two members, a `top` out of range or a missing `pipeline`;
 *   the input errors of {@link diagnosePerformance}.
 * @example
 * ```ts
 * import { diagnoseTopPerformers } from 'revops/planning';
 * import { defaultDealPipeline } from 'revops/pipeline';
 * const won = (id: string, ownerId: string, amount: string) => ({ id, ownerId, stage: 'closed-won',
 *   amount: { amount, currency: 'USD' }, closeDate: '2026-05-10' });
 * const deals = [won('a', 'ana', '50000.00'), won('b', 'ben', '20000.00'), won('c', 'cy', '10000.00')];
 * const d = diagnoseTopPerformers({ deals }, { members: ['ana', 'ben', 'cy'], top: 1,
 *   period: { start: '2026-04-01', end: '2026-06-30' }, pipeline: defaultDealPipeline });
 * [d.subject, d.gap.amount];
 * //=> [['ana'], '35000.00']
 * ```
 */
export function diagnoseTopPerformers(data: DiagnoseData, options: DiagnoseTopPerformersOptions): PerformanceDiagnosis {
  try {
    if (typeof options !== 'object' || options === null) {
      throw invalid('INVALID_OPTION', 'options', options, 'must be an object');
    }
    const members = options.members;
    if (!Array.isArray(members) || members.length < 2) {
      throw invalid('INVALID_OPTION', 'options.members', members, 'must list at least two member ids');
    }
    for (let i = 0; i < members.length; i++) {
      const id: unknown = members[i];
      if (typeof id !== 'string') throw invalid('INVALID_OPTION', `options.members[${i}]`, id, 'must be a member id');
    }
    const unique = [...new Set(members)];
    const top = readInteger(options.top ?? Math.max(1, Math.floor(unique.length / 5)), 'options.top', {
      min: 1,
      max: unique.length - 1,
      code: 'INVALID_OPTION',
    });
    const p = readPeriod(options.period?.start, options.period?.end);
    const facts = gatherFacts(data, new Set(unique), p, options.pipeline).byMember;
    const bookings = (id: string): bigint => (facts.get(id) as RepFacts).bookings;
    const ranked = unique.slice().sort((a, b) => {
      const d = bookings(b) - bookings(a);
      return d > 0n ? 1 : d < 0n ? -1 : a < b ? -1 : a > b ? 1 : 0;
    });
    return decomposeGap(
      data,
      { period: p, pipeline: options.pipeline, confidence: options.confidence, priorTrials: options.priorTrials },
      { subject: ranked.slice(0, top), comparison: ranked.slice(top), comparisonName: 'the rest' },
    );
  } catch (thrown) {
    throw readFailure(thrown, { data, options });
  }
}
