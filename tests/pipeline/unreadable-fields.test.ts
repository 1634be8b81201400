/**
 * A read of the caller's data that throws becomes a RevopsError naming the field's path, with
 * the caller's exception as `cause` (docs/conventions.md, "Errors and refusals"; issue 14).
 * Inputs: the @example of `stageVisits` (src/pipeline/time-in-stage.ts) and of `convertLead`
 * (src/pipeline/convert-lead.ts) with one field replaced.
 */
import { describe, expect, it } from 'vitest';
import { convertLead, stageVisits, timeInStage } from '../../src/pipeline/index.js';
import { throwingGetterAt, throwingProxyAt, unreadableFacts } from '../thrown.js';

const boom = new Error('locked');
const history = [
  { from: null, to: 'new', at: '2026-01-01T00:00:00Z', actorId: 's1', roleId: 'sdr' },
  { from: 'new', to: 'working', at: '2026-01-01T12:00:00Z', actorId: 's1', roleId: 'sdr' },
];

describe('pipeline: a throwing read of the caller’s data is named, with cause', () => {
  it('stageVisits: history[1].at a getter that throws', () => {
    const h = [history[0], throwingGetterAt(history[1] as object, 'at', boom)];
    expect(unreadableFacts(() => stageVisits(h as never))).toEqual([
      'INVALID_INPUT',
      'history[1].at could not be read (reading it threw Error: locked)',
      'history[1].at',
      boom,
    ]);
  });

  it('timeInStage: history[0].to behind a proxy that throws', () => {
    const h = [throwingProxyAt(history[0] as object, 'to', boom), history[1]];
    expect(unreadableFacts(() => timeInStage(h as never, { asOf: '2026-01-02' }))).toEqual([
      'INVALID_INPUT',
      'history[0].to could not be read (reading it threw Error: locked)',
      'history[0].to',
      boom,
    ]);
  });

  it('convertLead: a lead’s history event whose actorId throws', () => {
    const event = { from: 'working', to: 'qualified', at: '2026-02-01T10:00:00Z', actorId: 'sdr1', roleId: 'sdr' };
    const lead = {
      id: 'l1',
      name: 'Jo',
      company: 'Acme',
      ownerId: 'sdr1',
      accountId: 'a1',
      stage: 'qualified',
      history: [throwingGetterAt(event, 'at', boom)],
    };
    const options = {
      actor: { id: 'sdr1', roleId: 'sdr' },
      at: '2026-02-03T15:00:00Z',
      deal: { id: 'd9', ownerId: 'ae1', amount: { amount: 18000, currency: 'USD' }, expectedCloseDate: '2026-05-29' },
    };
    expect(unreadableFacts(() => convertLead(lead, options as never))).toEqual([
      'INVALID_INPUT',
      'lead.history[0].at could not be read (reading it threw Error: locked)',
      'lead.history[0].at',
      boom,
    ]);
  });
});
