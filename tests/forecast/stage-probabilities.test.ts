import { describe, expect, it } from 'vitest';
import { stageProbabilities } from '../../src/forecast/index.js';
import type { Deal } from '../../src/model/deal.js';
import { codeOf, deal, ev, pipeline } from './helpers.js';

/** A closed deal that went through `path` (stage ids) and ended in `end`. */
function closed(path: string[], end: 'won' | 'lost', extra: Parameters<typeof deal>[0] = {}): Deal {
  const history = [ev(null, path[0] as string)];
  for (let i = 1; i < path.length; i++) history.push(ev(path[i - 1] as string, path[i] as string));
  history.push(ev(path[path.length - 1] as string, end));
  return deal({ stage: end, closeDate: '2026-02-15', history, ...extra });
}

const times = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);

describe('stageProbabilities', () => {
  it('SaaSGrid funnel (research E4): 100 → 85 → 64 reached, 28 won', () => {
    // Oracle: SaaSGrid "Stage Conversion Rate": 100 deals in Stage 1, 85 advanced to Stage 2, 64 to Stage 3,
    // 28 Closed Won, 72 Closed Lost ⇒ c₁ = 0.85, c₂ = 64/85, overall 0.28.
    const deals = [
      ...times(28, () => closed(['stage1', 'stage2', 'stage3'], 'won')),
      ...times(36, () => closed(['stage1', 'stage2', 'stage3'], 'lost')),
      ...times(21, () => closed(['stage1', 'stage2'], 'lost')),
      ...times(15, () => closed(['stage1'], 'lost')),
    ];
    const r = stageProbabilities(deals, { pipeline });
    const [s1, s2, s3] = r.stages;
    expect(s1?.probability).toBe(0.28);
    expect(s2?.probability).toBe(28 / 85);
    expect(s3?.probability).toBe(28 / 64);
    expect((s2?.reachedCount as number) / (s1?.reachedCount as number)).toBe(0.85);
    expect((s3?.reachedCount as number) / (s2?.reachedCount as number)).toBe(64 / 85);
    expect(r.closedDeals).toBe(100);
    expect(r.probabilities).toEqual({ stage1: 0.28, stage2: 28 / 85, stage3: 28 / 64, won: 1, lost: 0 });
  });

  it('SaaSGrid "Stage Win Rate": 16 won of 40 that reached Stage 2 = 40 %', () => {
    // Oracle: SaaSGrid "Stage Win Rate" example.
    const deals = [
      ...times(16, () => closed(['stage1', 'stage2', 'stage3'], 'won')),
      ...times(24, () => closed(['stage1', 'stage2'], 'lost')),
    ];
    expect(stageProbabilities(deals, { pipeline }).stages[1]?.probability).toBe(0.4);
  });

  it('counts skipped stages as passed and uses the furthest stage after backward moves', () => {
    const skipped = closed(['stage3'], 'won'); // created in Stage 3: passed 1 and 2
    const backAndForth = closed(['stage1', 'stage3', 'stage2'], 'lost'); // furthest: Stage 3
    const lostAtCreation = deal({ stage: 'lost', closeDate: '2026-01-02', history: [] }); // first open stage only
    // By hand: Stage 1 reached by all 3; Stages 2 and 3 by `skipped` and `backAndForth` (furthest 3); won: `skipped`
    // only.
    const r = stageProbabilities([skipped, backAndForth, lostAtCreation], { pipeline });
    expect(r.stages.map((s) => s.reachedCount)).toEqual([3, 2, 2]);
    expect(r.stages.map((s) => s.wonCount)).toEqual([1, 1, 1]);
  });

  it('ignores open deals (right-censored); null where no closed deal reached a stage', () => {
    // By hand: the one closed deal lost after Stage 1 ⇒ 0/1 = 0; no closed deal reached Stage 2 ⇒ null (empty
    // denominator).
    const r = stageProbabilities([closed(['stage1'], 'lost'), deal({ stage: 'stage2' })], { pipeline });
    expect(r.ignoredDeals).toBe(1);
    expect(r.stages[0]?.probability).toBe(0);
    expect(r.stages[1]?.probability).toBeNull();
    expect('stage2' in r.probabilities).toBe(false);
  });

  it('by value weighs each deal by its amount', () => {
    // By hand: reached Stage 1 = 300 + 100, won 300 → 0.75.
    const r = stageProbabilities(
      [closed(['stage1'], 'won', { amount: '300' }), closed(['stage1'], 'lost', { amount: '100' })],
      {
        pipeline,
        by: 'value',
      },
    );
    expect(r.stages[0]?.probability).toBe(0.75);
  });

  it('recency weights halve every half-life of quarters', () => {
    // By hand: asOf 2026-06-30 (2026 Q2). A win closed 2026-05-01 (0 quarters old, weight 1); a loss closed
    // 2025-06-01 (2025 Q2, 4 quarters old, half-life 4 → weight 0.5): p = 1 / 1.5 = 2/3.
    const win = closed(['stage1'], 'won', { closeDate: '2026-05-01' });
    const loss = closed(['stage1'], 'lost', { closeDate: '2025-06-01' });
    const future = closed(['stage1'], 'lost', { closeDate: '2026-07-01' });
    const r = stageProbabilities([win, loss, future], { pipeline, halfLifeQuarters: 4, asOf: '2026-06-30' });
    expect(r.stages[0]?.probability).toBeCloseTo(2 / 3, 15);
    expect(r.stages[0]?.reached).toBe(1.5);
    expect(r.ignoredDeals).toBe(1);
    // Without a close date, the last stage event's date is used (2026-01-10 is in 2026 Q1, one quarter before Q2 →
    // weight 2^(−1/4)).
    const undated = { ...closed(['stage1'], 'lost'), closeDate: undefined } as unknown as Deal;
    const r2 = stageProbabilities([win, undated], { pipeline, halfLifeQuarters: 4, asOf: '2026-06-30' });
    expect(r2.stages[0]?.reached).toBeCloseTo(1 + 2 ** -0.25, 15);
  });

  it('rejects bad input', () => {
    expect(codeOf(() => stageProbabilities([], {} as never))).toBe('INVALID_OPTION');
    expect(codeOf(() => stageProbabilities([deal({ stage: 'nowhere' })], { pipeline }))).toBe('INVALID_INPUT');
    expect(codeOf(() => stageProbabilities([], { pipeline, halfLifeQuarters: 4 }))).toBe('INVALID_OPTION');
    expect(codeOf(() => stageProbabilities([], { pipeline, halfLifeQuarters: 0, asOf: '2026-01-01' }))).toBe(
      'INVALID_OPTION',
    );
    expect(codeOf(() => stageProbabilities([], { pipeline, by: 'amount' as never }))).toBe('INVALID_OPTION');
    expect(codeOf(() => stageProbabilities([], { pipeline, asOf: '2026-13-01' }))).toBe('INVALID_DATE');
    const eur = closed(['stage1'], 'won', { currency: 'EUR' });
    expect(codeOf(() => stageProbabilities([closed(['stage1'], 'won'), eur], { pipeline, by: 'value' }))).toBe(
      'CURRENCY_MISMATCH',
    );
  });
});

describe("stageProbabilities dates an undated deal by its last event in that event's own offset", () => {
  it('2026-03-31T23:30:00-08:00 is in Q1 (in UTC it would already be Q2)', () => {
    // Computed by hand: asOf 2026-04-15 is Q2; the win (closed 2026-04-10, Q2) weighs 1; the undated loss's last
    // event is dated 2026-03-31 (Q1), one quarter old at half-life 1 ⇒ weight 0.5; reached = 1.5, p = 1/1.5.
    const win = closed(['stage1'], 'won', { closeDate: '2026-04-10' });
    const loss = {
      ...deal({ stage: 'lost', history: [ev(null, 'stage1'), ev('stage1', 'lost', '2026-03-31T23:30:00-08:00')] }),
    };
    const r = stageProbabilities([win, loss], { pipeline, halfLifeQuarters: 1, asOf: '2026-04-15' });
    expect(r.stages[0]?.reached).toBe(1.5);
    expect(r.stages[0]?.probability).toBeCloseTo(2 / 3, 15);
  });
});

describe('stageProbabilities intervals (issue 13: learned probabilities with intervals)', () => {
  it('SaaSGrid "Stage Win Rate" 16 of 40: the Wilson interval statsmodels gives', () => {
    // Oracle: statsmodels 0.13.5 proportion_confint(16, 40, method='wilson') = (0.2634832568429192,
    // 0.5540410633965382); proportion_confint(16, 16, method='wilson') for Stage 3 (every deal that reached it won)
    // has upper bound exactly 1.
    const deals = [
      ...times(16, () => closed(['stage1', 'stage2', 'stage3'], 'won')),
      ...times(24, () => closed(['stage1', 'stage2'], 'lost')),
    ];
    const r = stageProbabilities(deals, { pipeline });
    const s2 = r.stages[1];
    expect(r.confidence).toBe(0.95);
    expect(s2?.effectiveCount).toBe(40);
    expect(s2?.lower).toBeCloseTo(0.2634832568429192, 12);
    expect(s2?.upper).toBeCloseTo(0.5540410633965382, 12);
    expect(r.stages[2]?.upper).toBe(1);
    expect(r.stages[2]?.probability).toBe(1);
  });

  it('confidence 0.8 on SaaSGrid Stage 3 (28 won of 64 reached)', () => {
    // Oracle: statsmodels proportion_confint(28, 64, alpha=0.2, method='wilson') = (0.3605798733700282,
    // 0.517547630833207).
    const deals = [
      ...times(28, () => closed(['stage1', 'stage2', 'stage3'], 'won')),
      ...times(36, () => closed(['stage1', 'stage2', 'stage3'], 'lost')),
      ...times(21, () => closed(['stage1', 'stage2'], 'lost')),
      ...times(15, () => closed(['stage1'], 'lost')),
    ];
    const s3 = stageProbabilities(deals, { pipeline, confidence: 0.8 }).stages[2];
    expect(s3?.lower).toBeCloseTo(0.3605798733700282, 12);
    expect(s3?.upper).toBeCloseTo(0.517547630833207, 12);
  });

  it('weighted deals: Kish effective count (Σw)²/Σw²', () => {
    // By hand: by value, a win of 300 and a loss of 100 reached Stage 1: p = 300/400 = 0.75, n = 400²/(300² + 100²)
    // = 160000/100000 = 1.6 deals.
    const r = stageProbabilities(
      [closed(['stage1'], 'won', { amount: '300' }), closed(['stage1'], 'lost', { amount: '100' })],
      { pipeline, by: 'value' },
    );
    expect(r.stages[0]?.effectiveCount).toBeCloseTo(1.6, 14);
    expect(r.stages[0]?.lower as number).toBeLessThan(0.75);
    expect(r.stages[0]?.upper as number).toBeGreaterThan(0.75);
    // A won deal reached every open stage (documented rule); a lone loss at Stage 1 leaves Stage 2 without data.
    const none = stageProbabilities([closed(['stage1'], 'lost')], { pipeline }).stages[1];
    expect([none?.lower, none?.upper, none?.effectiveCount]).toEqual([null, null, 0]);
  });

  it('refuses a pipeline whose stages repeat an id, null options, a bad confidence and repeated deal ids', () => {
    const twice = { ...pipeline, stages: [...pipeline.stages, pipeline.stages[0]!] };
    expect(codeOf(() => stageProbabilities([], { pipeline: twice }))).toBe('INVALID_OPTION');
    expect(codeOf(() => stageProbabilities([], null as never))).toBe('INVALID_OPTION');
    expect(codeOf(() => stageProbabilities([], { pipeline, confidence: 1 }))).toBe('INVALID_RATE');
    const d = closed(['stage1'], 'won');
    expect(codeOf(() => stageProbabilities([d, d], { pipeline }))).toBe('DUPLICATE_ID');
  });
});
