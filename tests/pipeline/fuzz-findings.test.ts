/**
 * Regression tests for the pipeline findings of the long fuzz run (issue 14), each with the input
 * the run reported: a `TypeError`, a NaN copied into a result or a hole read as NaN must become a
 * `RevopsError` naming the field, or the exact answer.
 */
import { describe, expect, it } from 'vitest';
import {
  convertLead,
  finalizeStageDurations,
  mergeStageDurations,
  stageVisits,
  transition,
  defaultLeadPipeline,
} from '../../src/pipeline/index.js';
import { arrayWithConstructor, bottomlessProxy } from '../fuzz/values.js';
import { thrown } from '../thrown.js';

describe('stageVisits', () => {
  it('options null is INVALID_OPTION naming options (was a TypeError reading asOf)', () => {
    const history = [
      { from: null, to: 'new', at: '2026-01-01T00:00:00Z', actorId: 's1', roleId: 'sdr' },
      { from: 'new', to: 'working', at: '2026-01-01T12:00:00Z', actorId: 's1', roleId: 'sdr' },
    ];
    expect(thrown(() => stageVisits(history, null as never))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_OPTION',
      field: 'options',
    });
  });
});

describe('convertLead reads the lead’s history and the fields it copies', () => {
  const event = { from: 'working', to: 'qualified', at: '2026-02-01T10:00:00Z', actorId: 'sdr1', roleId: 'sdr' };
  const lead = {
    id: 'l1',
    name: 'Jo',
    company: 'Acme',
    ownerId: 'sdr1',
    accountId: 'a1',
    stage: 'qualified',
    history: [event],
  };
  const options = {
    actor: { id: 'sdr1', roleId: 'sdr' },
    at: '2026-02-03T15:00:00Z',
    deal: { id: 'd9', ownerId: 'ae1', amount: { amount: 18000, currency: 'USD' }, expectedCloseDate: '2026-05-29' },
  };
  const convert = (l: unknown) => thrown(() => convertLead(l as never, options));

  it('history[0].at Object.create(null) or a proxy: INVALID_DATE naming lead.history[0].at (was a TypeError)', () => {
    for (const at of [Object.create(null), bottomlessProxy('1'), undefined]) {
      expect(convert({ ...lead, history: [{ ...event, at }] })).toMatchObject({
        name: 'RevopsError',
        code: 'INVALID_DATE',
        field: 'lead.history[0].at',
      });
    }
  });

  it('a history with null appended: INVALID_INPUT naming lead.history[1] (was a TypeError reading to)', () => {
    expect(convert({ ...lead, history: [event, null] })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'lead.history[1]',
    });
  });

  it('roleId NaN and actorId ±Infinity are refused, not copied into the converted lead', () => {
    expect(convert({ ...lead, history: [{ ...event, roleId: Number.NaN }] })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'lead.history[0].roleId',
    });
    expect(convert({ ...lead, history: [{ ...event, actorId: Number.POSITIVE_INFINITY }] })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'lead.history[0].actorId',
    });
  });

  it('lead.name NaN, lead.id -Infinity or Object.create(null): INVALID_INPUT naming the field', () => {
    expect(convert({ ...lead, name: Number.NaN })).toMatchObject({ code: 'INVALID_INPUT', field: 'lead.name' });
    expect(convert({ ...lead, id: Number.NEGATIVE_INFINITY })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'lead.id',
    });
    expect(convert({ ...lead, id: Object.create(null) })).toMatchObject({ code: 'INVALID_INPUT', field: 'lead.id' });
  });

  it('the worked example still converts: converted lead, deal in discovery owned by ae1, sourced by sdr1', () => {
    const r = convertLead(lead, options);
    expect(r.ok && [r.value.lead.stage, r.value.deal.stage, r.value.deal.ownerId, r.value.deal.sourceMemberId]).toEqual(
      ['converted', 'discovery', 'ae1', 'sdr1'],
    );
  });

  it('transition reads the history the same way (entity.history[0].at)', () => {
    const e = thrown(() =>
      transition(
        { ...lead, stage: 'qualified', history: [{ ...event, at: Object.create(null) }] } as never,
        'converted',
        {
          pipeline: defaultLeadPipeline,
          actor: { id: 'sdr1', roleId: 'sdr' },
          at: '2026-02-03T15:00:00Z',
          changes: { convertedDealId: 'd9' },
        },
      ),
    );
    expect(e).toMatchObject({ code: 'INVALID_DATE', field: 'entity.history[0].at' });
  });
});

describe('stage-duration summaries', () => {
  const s = (stages: unknown, a: unknown) => ({
    kind: 'stageDurations' as const,
    version: 1 as const,
    pipelineId: 'p',
    mode: 'visit' as const,
    stages,
    samples: { a },
  });

  it('mergeStageDurations with stages carrying their own constructor: read as plain arrays', () => {
    const merged = mergeStageDurations(s(['a'], [1, 5]) as never, s(arrayWithConstructor(['a'], 7), [3]) as never);
    expect(merged.samples).toEqual({ a: [1, 3, 5] });
  });

  it('finalizeStageDurations with a sparse sample array: INVALID_SUMMARY naming the hole (was a p90 of NaN)', () => {
    const summary = {
      kind: 'stageDurations',
      version: 1,
      pipelineId: 'p',
      mode: 'visit',
      stages: ['a', 'b'],
      // biome-ignore lint/suspicious/noSparseArray: the hole the fuzz run put there
      samples: { a: [86_400_000, 172_800_000, 432_000_000], b: [1, , 3] },
    };
    expect(thrown(() => finalizeStageDurations(summary as never))).toMatchObject({
      name: 'RevopsError',
      code: 'INVALID_SUMMARY',
      field: 'summary.samples["b"][1]',
    });
  });
});
