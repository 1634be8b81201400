/**
 * Lost-reason codes in revops/import: the `lostReasonCode` (deals) and `disqualifyReasonCode`
 * (leads) columns read against the pipeline's `lostReasons` catalogue, and "lost without the
 * reason the pipeline requires" by the pipeline's own rule (revops/pipeline's `transition`: with a
 * catalogue a move into a lost stage names a code; without one, a `requiresReason` transition
 * needs a reason or a code). Every expected value is read off the rows by hand.
 */
import { describe, expect, it } from 'vitest';
import { importDeals, importLeads } from '../../src/import/index.js';
import { defaultDealPipelineSpec, defaultLeadPipelineSpec } from '../../src/model/index.js';
import { definePipeline, lossReasons } from '../../src/pipeline/index.js';

const CATALOGUE = [
  { code: 'price', label: 'Price too high' },
  { code: 'timing', label: 'Bad timing' },
  { code: 'competitor', label: 'Lost to a competitor' },
];
const coded = definePipeline({ ...defaultDealPipelineSpec, id: 'coded', lostReasons: CATALOGUE });

const lost = {
  id: 'D-1',
  name: 'Acme',
  accountId: 'acme',
  ownerId: 'ana',
  amount: '1000',
  currency: 'USD',
  stage: 'closed-lost',
  closeDate: '2026-03-31',
  createdAt: '2026-01-10',
};

describe('lostReasonCode against the catalogue', () => {
  it('a code, a label, a loosely written code or label, and a label mapped by options.values give the code', () => {
    const rows = [
      { ...lost, id: 'D-1', lostReasonCode: 'price' },
      { ...lost, id: 'D-2', lostReasonCode: 'Bad timing' },
      { ...lost, id: 'D-3', lostReasonCode: 'PRICE' },
      { ...lost, id: 'D-4', lostReasonCode: 'lost-to-a-competitor' },
      { ...lost, id: 'D-5', lostReasonCode: 'Too expensive' },
    ];
    const r = importDeals(rows, { pipeline: coded, values: { lostReasonCode: { 'Too expensive': 'price' } } });
    expect(r.rejected).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.records.map((d) => d.lostReasonCode)).toEqual(['price', 'timing', 'price', 'competitor', 'price']);
    // the codes are the catalogue's, so the pipeline's loss analysis reads them: price 3, timing 1, competitor 1
    expect(lossReasons(r.records, { pipeline: coded }).reasons.map((x) => [x.code, x.count])).toEqual([
      ['price', 3],
      ['timing', 1],
      ['competitor', 1],
    ]);
  });

  it('UNKNOWN_LOST_REASON: a code that is neither a code nor a label of the catalogue rejects the row', () => {
    const r = importDeals([lost, { ...lost, id: 'D-2', lostReasonCode: 'budget' }], { pipeline: coded });
    expect(r.records.map((d) => d.id)).toEqual(['D-1']);
    expect(r.rejected).toMatchObject([
      {
        row: 3,
        code: 'UNKNOWN_LOST_REASON',
        field: 'lostReasonCode',
        column: 'lostReasonCode',
        value: 'budget',
        message:
          'row 3, column "lostReasonCode": lostReasonCode must be a code or label of the lostReasons of pipeline ' +
          '"coded" (price, timing, competitor), got "budget"',
      },
    ]);
  });

  it('a lost reason written as a label of the catalogue gives the code; free text does not', () => {
    const r = importDeals(
      [
        { ...lost, id: 'D-1', lostReason: 'Price too high' },
        { ...lost, id: 'D-2', lostReason: 'They went quiet' },
      ],
      { pipeline: coded },
    );
    expect(r.records.map((d) => [d.lostReason, d.lostReasonCode])).toEqual([
      ['Price too high', 'price'],
      ['They went quiet', undefined],
    ]);
    // D-2 has a reason but no code: with a catalogue the pipeline requires a code
    expect(r.warnings.map((w) => [w.row, w.code, w.field])).toEqual([[3, 'MISSING_LOST_REASON', 'lostReasonCode']]);
  });

  it('a preset lost-reason column (HubSpot Closed Lost Reason) names the code through its label', () => {
    const r = importDeals(
      [
        ['Record ID', 'Deal Name', 'Associated Company ID', 'Deal owner', 'Amount', 'Currency', 'Deal Stage'],
        ['1', 'Acme', 'c1', 'ana', '1000', 'USD', 'closedlost'],
      ].map((row, i) =>
        i === 0
          ? [...row, 'Close Date', 'Create Date', 'Closed Lost Reason']
          : [...row, '2026-03-31', '2026-01-10', 'Bad timing'],
      ),
      { preset: 'hubspot', pipeline: coded, stages: { closedlost: 'closed-lost' } },
    );
    expect(r.rejected).toEqual([]);
    expect(r.records.map((d) => [d.lostReason, d.lostReasonCode])).toEqual([['Bad timing', 'timing']]);
  });
});

describe('MISSING_LOST_REASON takes the code into account', () => {
  it('with a catalogue: a lost deal without a code warns, naming the codes', () => {
    const r = importDeals([lost], { pipeline: coded });
    expect(r.records).toHaveLength(1);
    expect(r.warnings).toMatchObject([
      {
        row: 2,
        code: 'MISSING_LOST_REASON',
        field: 'lostReasonCode',
        message:
          'row 2, column "lostReasonCode": the lost deal has no lost reason code, which pipeline "coded" requires ' +
          '(price, timing, competitor)',
      },
    ]);
  });

  it('without a catalogue (the default pipeline, closing lost requires a reason): a code alone is a reason', () => {
    const r = importDeals([
      { ...lost, id: 'D-1', lostReasonCode: 'price' },
      { ...lost, id: 'D-2', lostReason: 'Price' },
      { ...lost, id: 'D-3' },
    ]);
    // kept as written: without a catalogue there is nothing to check the code against
    expect(r.records.map((d) => [d.lostReason, d.lostReasonCode])).toEqual([
      [undefined, 'price'],
      ['Price', undefined],
      [undefined, undefined],
    ]);
    expect(r.warnings.map((w) => [w.row, w.code, w.field])).toEqual([[4, 'MISSING_LOST_REASON', 'lostReason']]);
  });

  it('without a catalogue, options.values still maps a label to a code', () => {
    const r = importDeals([{ ...lost, lostReasonCode: 'Too expensive' }], {
      values: { lostReasonCode: { 'Too expensive': 'price' } },
    });
    expect(r.records.map((d) => d.lostReasonCode)).toEqual(['price']);
  });

  it('won and open deals need no reason, and keep a code they carry', () => {
    const r = importDeals(
      [
        { ...lost, id: 'D-1', stage: 'closed-won' },
        { ...lost, id: 'D-2', stage: 'proposal', lostReasonCode: 'timing' },
      ],
      { pipeline: coded },
    );
    expect(r.warnings).toEqual([]);
    expect(r.records.map((d) => d.lostReasonCode)).toEqual([undefined, 'timing']);
  });

  it('a malformed catalogue is an option error', () => {
    const broken = { ...defaultDealPipelineSpec, lostReasons: [{ code: '', label: 'x' }] };
    expect(() => importDeals([lost], { pipeline: broken })).toThrow(/options.pipeline.lostReasons/);
  });
});

describe('leads: disqualifyReasonCode', () => {
  const leadPipeline = definePipeline({ ...defaultLeadPipelineSpec, id: 'leads-coded', lostReasons: CATALOGUE });
  const lead = {
    id: 'L-1',
    name: 'Ada',
    source: 'inbound',
    ownerId: 'sdr1',
    stage: 'disqualified',
    createdAt: '2026-01-02',
  };

  it('reads the code against the catalogue, rejects an unknown one and warns about a missing one', () => {
    const r = importLeads(
      [
        { ...lead, id: 'L-1', disqualifyReasonCode: 'Bad timing' },
        { ...lead, id: 'L-2', disqualifyReasonCode: 'budget' },
        { ...lead, id: 'L-3', disqualifyReason: 'no reply' },
      ],
      { pipeline: leadPipeline },
    );
    expect(r.records.map((l) => [l.id, l.disqualifyReasonCode])).toEqual([
      ['L-1', 'timing'],
      ['L-3', undefined],
    ]);
    expect(r.rejected.map((x) => [x.row, x.code, x.field])).toEqual([
      [3, 'UNKNOWN_LOST_REASON', 'disqualifyReasonCode'],
    ]);
    expect(r.warnings.map((w) => [w.row, w.code, w.field])).toEqual([
      [4, 'MISSING_LOST_REASON', 'disqualifyReasonCode'],
    ]);
  });
});
