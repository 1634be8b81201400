/**
 * Laws of the stage machine, on random sequences of attempted moves by random roles at random
 * (sometimes earlier) times, in each default pipeline:
 * - every resulting history is one the pipeline definition allows (checked against the plain
 *   definition data, not the precomputed index);
 * - replaying the history through the transition functions rebuilds the entity exactly;
 * - history timestamps never go backwards;
 * - time in stage, summed over stages, is the entity's age.
 * Plus a model-based test (fc.commands) predicting each attempt's outcome from a small model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StageEvent } from '../../src/model/index.js';
import {
  defaultCustomerPipeline,
  defaultDealPipeline,
  defaultLeadPipeline,
  enterPipeline,
  reopen,
  replayHistory,
  timeInStage,
  transition,
  type DefinedPipeline,
  type StagedEntity,
} from '../../src/pipeline/index.js';
import type { Result, RevopsError } from '../../src/core/index.js';

const ROLES = [
  'sdr',
  'bdr',
  'account-executive',
  'sales-specialist',
  'customer-success',
  'customer-service',
  'sales-manager',
  'assistant-sales-manager',
  'sales-operations',
];
const OFFSETS: [string, number][] = [
  ['Z', 0],
  ['+05:30', 330],
  ['-08:00', -480],
  ['+14:00', 840],
];
const T0 = Date.parse('2026-01-01T00:00:00Z');
const DAY = 86_400_000;

/** An instant for epoch ms, written in the given offset. */
function instant(ms: number, [suffix, minutes]: [string, number]): string {
  return new Date(ms + minutes * 60_000).toISOString().slice(0, 19) + suffix;
}

interface Attempt {
  readonly reopen: boolean;
  readonly to: number; // index into the pipeline's stages
  readonly role: string;
  readonly dtMinutes: number; // may be negative: an attempt in the past
  readonly offset: [string, number];
  readonly reason: boolean;
  readonly setCloseDate: boolean;
  readonly probability: number | null;
  /** Pick a move the definition has from the current stage (by `pick`), with one of its roles. */
  readonly plausible: boolean;
  readonly pick: number;
}

const attemptArb: fc.Arbitrary<Attempt> = fc.record({
  reopen: fc.boolean(),
  to: fc.nat(10),
  role: fc.constantFrom(...ROLES),
  dtMinutes: fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 20 * 24 * 60 }), weight: 9 },
    { arbitrary: fc.integer({ min: -3 * 24 * 60, max: -1 }), weight: 1 },
  ),
  offset: fc.constantFrom(...OFFSETS),
  reason: fc.boolean(),
  setCloseDate: fc.boolean(),
  probability: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  plausible: fc.boolean(),
  pick: fc.nat(1000),
});

const PIPELINES = [defaultLeadPipeline, defaultDealPipeline, defaultCustomerPipeline];

function baseEntity(p: DefinedPipeline): StagedEntity & Record<string, unknown> {
  if (p.entity === 'deal') return { id: 'd', stage: '', history: [], amount: { amount: '100.00', currency: 'USD' } };
  if (p.entity === 'lead') return { id: 'l', stage: '', history: [], ownerId: 'm-sdr' };
  return { id: 'c', stage: '', history: [] };
}

/** Applies an attempt; returns the result and the instant used. */
function attempt(p: DefinedPipeline, e: StagedEntity, a: Attempt, lastMs: number): Result<StagedEntity, RevopsError> {
  const candidates = p.transitions.filter((t) => t.from === e.stage);
  const t = a.plausible && candidates.length > 0 ? candidates[a.pick % candidates.length]! : undefined;
  const stage = t ? p.stages.find((s) => s.id === t.to)! : p.stages[a.to % p.stages.length]!;
  const role = t ? t.roles[Math.floor(a.pick / 7) % t.roles.length]! : a.role;
  const at = instant(lastMs + a.dtMinutes * 60_000, a.offset);
  const actor = { id: `m-${role}`, roleId: role };
  const reason = a.reason ? 'because' : undefined;
  const changes: Record<string, string | number> = {};
  if (a.setCloseDate) {
    changes['expectedCloseDate'] = '2026-12-31';
    if (p.entity === 'lead') changes['convertedDealId'] = 'd-x';
    if (p.entity === 'lead') changes['accountId'] = 'a-x';
  }
  const target = a.reopen ? p.stages.find((s) => s.id === p.reopen?.toStage) : stage;
  if (a.probability !== null && p.entity === 'deal' && target?.kind === 'open') changes['probability'] = a.probability;
  return a.reopen
    ? reopen(e, { pipeline: p, actor, at, reason, changes })
    : transition(e, stage.id, { pipeline: p, actor, at, reason, changes });
}

/** Whether a history is allowed by the plain definition (no use of the library's index). */
function allowedByDefinition(p: DefinedPipeline, h: readonly StageEvent[]): string | null {
  const kind = (id: string) => p.stages.find((s) => s.id === id)?.kind;
  if (h.length === 0) return 'empty';
  if (h[0]!.from !== null || !p.startStages.includes(h[0]!.to)) return 'bad start';
  for (let i = 1; i < h.length; i++) {
    const ev = h[i]!;
    if (ev.from !== h[i - 1]!.to) return `event ${i} does not continue`;
    if (Date.parse(ev.at) < Date.parse(h[i - 1]!.at)) return `event ${i} goes back in time`;
    if (kind(ev.from) !== 'open') {
      const r = p.reopen;
      if (
        !r ||
        r.toStage !== ev.to ||
        !(r.fromStages ?? []).includes(ev.from) ||
        !r.roles.includes(ev.roleId) ||
        (r.requiresReason && !ev.reason)
      )
        return `event ${i} bad reopen`;
      continue;
    }
    const t = p.transitions.find((x) => x.from === ev.from && x.to === ev.to);
    if (!t) return `event ${i} no transition`;
    if (!t.roles.includes(ev.roleId)) return `event ${i} role`;
    if ((t.requiresReason || kind(ev.to) === 'lost') && !ev.reason) return `event ${i} reason`;
  }
  return null;
}

describe('random sequences of attempted moves', () => {
  it('yield only allowed histories, replay exactly, never go back in time, and time in stage sums to age', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PIPELINES),
        fc.constantFrom(...ROLES),
        fc.array(attemptArb, { maxLength: 40, size: 'medium' }),
        fc.nat(30 * 86_400),
        (p, creator, attempts, extraSeconds) => {
          const extraMs = extraSeconds * 1000; // instants are written to the second
          const started = enterPipeline(baseEntity(p), {
            pipeline: p,
            actor: { id: 'm-c', roleId: creator },
            at: instant(T0, ['Z', 0]),
          });
          if (!started.ok) throw new Error(started.error.message);
          let e: StagedEntity = started.value;
          let lastMs = T0;
          for (const a of attempts) {
            const before = JSON.stringify(e);
            const r = attempt(p, e, a, lastMs);
            expect(JSON.stringify(e)).toBe(before); // the input is never mutated
            if (r.ok) {
              expect(r.value.history).toHaveLength(e.history.length + 1);
              e = r.value;
              lastMs = Date.parse(e.history.at(-1)!.at);
            } else {
              expect(r.error.details.entityId).toBe(e.id);
            }
          }
          expect(allowedByDefinition(p, e.history)).toBeNull();
          expect(e.stage).toBe(e.history.at(-1)!.to);
          const times = e.history.map((x) => Date.parse(x.at));
          for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThanOrEqual(times[i - 1]!);
          // replay from the entity as created
          expect(replayHistory(baseEntity(p), e.history, { pipeline: p })).toEqual({ ok: true, value: e });
          // time in stage sums to the age
          const asOf = instant(lastMs + extraMs, ['Z', 0]);
          const total = Object.values(timeInStage(e.history, { asOf: asOf })).reduce((s, x) => s + x, 0);
          const age = (lastMs + extraMs - T0) / DAY;
          expect(Math.abs(total - age)).toBeLessThanOrEqual(1e-9 * Math.max(1, age));
          // deal invariants: won ⇒ 1/closed, lost ⇒ 0/omitted with its reason, open stage ⇒ probability in [0, 1]
          if (p.entity === 'deal') {
            const d = e as StagedEntity & { probability: number; forecastCategory: string; lostReason?: string };
            const k = p.stages.find((s) => s.id === e.stage)!.kind;
            if (k === 'won') expect([d.probability, d.forecastCategory]).toEqual([1, 'closed']);
            if (k === 'lost')
              expect([d.probability, d.forecastCategory, d.lostReason]).toEqual([
                0,
                'omitted',
                e.history.at(-1)!.reason,
              ]);
            expect(d.probability >= 0 && d.probability <= 1).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- model-based (fc.commands)

interface Model {
  stage: string;
  lastMs: number;
  hasCloseDate: boolean;
}
interface Real {
  deal: StagedEntity;
}
const P = defaultDealPipeline;
const kindOf = (id: string) => P.stages.find((s) => s.id === id)!.kind;

/** The outcome the model predicts for a move: the refusal code, or 'ok'. */
function predict(m: Model, to: string, role: string, atMs: number, reason: boolean, isReopen: boolean): string {
  if (atMs < m.lastMs) return 'TIME_TRAVEL';
  if (isReopen) {
    if (kindOf(m.stage) === 'open') return 'NOT_CLOSED';
    if (role !== 'sales-manager') return 'ROLE_NOT_PERMITTED';
    return reason ? 'ok' : 'REASON_REQUIRED';
  }
  if (kindOf(m.stage) !== 'open') return 'CLOSED';
  const t = P.transitions.find((x) => x.from === m.stage && x.to === to);
  if (!t) return 'TRANSITION_NOT_ALLOWED';
  if (!t.roles.includes(role)) return 'ROLE_NOT_PERMITTED';
  if (kindOf(to) === 'lost' && !reason) return 'REASON_REQUIRED';
  if (kindOf(to) === 'won' && !m.hasCloseDate) return 'GUARD_FAILED';
  return 'ok';
}

class MoveCommand implements fc.Command<Model, Real> {
  constructor(
    readonly to: string,
    readonly role: string,
    readonly dtMinutes: number,
    readonly reason: boolean,
    readonly setDate: boolean,
    readonly isReopen: boolean,
  ) {}
  check(): boolean {
    return true;
  }
  run(m: Model, r: Real): void {
    const atMs = m.lastMs + this.dtMinutes * 60_000;
    const opts = {
      pipeline: P,
      actor: { id: 'u', roleId: this.role },
      at: instant(atMs, ['Z', 0]),
      reason: this.reason ? 'r' : undefined,
      changes: this.setDate ? { expectedCloseDate: '2026-12-31' } : undefined,
    };
    const expected = predict(
      { ...m, hasCloseDate: m.hasCloseDate || this.setDate },
      this.to,
      this.role,
      atMs,
      this.reason,
      this.isReopen,
    );
    const res = this.isReopen ? reopen(r.deal, opts) : transition(r.deal, this.to, opts);
    expect(res.ok ? 'ok' : res.error.code).toBe(expected);
    if (res.ok) {
      r.deal = res.value;
      m.stage = res.value.stage;
      m.lastMs = atMs;
      m.hasCloseDate ||= this.setDate;
    }
  }
  toString(): string {
    const extra = `${this.reason ? ' with reason' : ''}${this.setDate ? ' +date' : ''}`;
    return `${this.isReopen ? 'reopen' : `→${this.to}`} by ${this.role} +${this.dtMinutes}m${extra}`;
  }
}

describe('deal pipeline, model-based', () => {
  it('each attempt is accepted or refused exactly as the model predicts', () => {
    const commands = fc
      .record({
        to: fc.constantFrom(...P.stages.map((s) => s.id)),
        role: fc.constantFrom('account-executive', 'sales-specialist', 'sdr', 'sales-manager'),
        dtMinutes: fc.integer({ min: -600, max: 20_000 }),
        reason: fc.boolean(),
        setDate: fc.boolean(),
        isReopen: fc.boolean(),
      })
      .map((c) => new MoveCommand(c.to, c.role, c.dtMinutes, c.reason, c.setDate, c.isReopen));
    fc.assert(
      fc.property(fc.commands([commands], { maxCommands: 60 }), (cmds) => {
        const start = enterPipeline(
          { id: 'd', stage: '', history: [], amount: { amount: '1.00', currency: 'USD' } },
          { pipeline: P, actor: { id: 'u', roleId: 'account-executive' }, at: instant(T0, ['Z', 0]) },
        );
        if (!start.ok) throw new Error('start');
        fc.modelRun(
          () => ({ model: { stage: 'discovery', lastMs: T0, hasCloseDate: false }, real: { deal: start.value } }),
          cmds,
        );
      }),
      { numRuns: 200 },
    );
  });
});
