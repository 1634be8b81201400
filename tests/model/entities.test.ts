/**
 * Every entity of revops/model: a valid example parses to the documented output, object
 * schemas are strict (unknown keys are REJECTED, not stripped), a `__proto__` key from
 * JSON.parse is rejected and pollutes nothing, parse errors are RevopsError('INVALID_INPUT')
 * listing every problem with its path, and safeParse returns a Result.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as model from '../../src/model/index.js';
import { CASES, formatPath } from './fixtures.js';

const probe = (): unknown => (({}) as Record<string, unknown>).polluted;

afterEach(() => {
  // nothing may ever reach Object.prototype
  expect(probe()).toBeUndefined();
  expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
});

describe.each(CASES)('$name', (c) => {
  it('a valid example parses to the documented output (defaults applied, money canonical)', () => {
    expect(c.parse(c.valid)).toEqual(c.parsed);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(c.valid);
    c.parse(c.valid);
    expect(c.valid).toEqual(copy);
  });

  it('is idempotent: parsing the output gives the output', () => {
    expect(c.parse(c.parsed)).toEqual(c.parsed);
  });

  it('strict: an unknown key is rejected, not stripped', () => {
    const r = c.safeParse({ ...c.valid, ammount: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('INVALID_INPUT');
    expect(r.error.issues).toEqual([expect.objectContaining({ path: [], code: 'unrecognized_keys' })]);
    expect(r.error.message).toContain('ammount');
  });

  if (c.nested) {
    const { key, value } = c.nested;
    it(`strict: an unknown key inside ${key} is rejected`, () => {
      const current = c.valid[key];
      const bad = Array.isArray(current) ? [{ ...value, extra: true }] : { ...value, extra: true };
      const r = c.safeParse({ ...c.valid, [key]: bad });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.issues.some((i) => i.path[0] === key && i.code === 'unrecognized_keys')).toBe(true);
    });

    it(`a __proto__ key inside ${key} (from JSON.parse) is rejected and pollutes nothing`, () => {
      const inner = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(value).slice(1)}`) as Record<
        string,
        unknown
      >;
      expect(Object.keys(inner)).toContain('__proto__');
      const current = c.valid[key];
      const r = c.safeParse({ ...c.valid, [key]: Array.isArray(current) ? [inner] : inner });
      expect(r.ok).toBe(false);
      expect(probe()).toBeUndefined();
    });
  }

  it('a __proto__ key in JSON input is rejected and ({}).polluted stays undefined', () => {
    const json = `{"__proto__": {"polluted": true}, ${JSON.stringify(c.valid).slice(1)}`;
    const input = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(input)).toContain('__proto__'); // JSON.parse makes it an own key
    const r = c.safeParse(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.message).toContain('__proto__');
    }
    expect(() => c.parse(input)).toThrow();
    expect(probe()).toBeUndefined();
  });

  it('parse throws RevopsError(INVALID_INPUT) listing every problem with its path', () => {
    const input = { ...c.valid, ...c.problems.patch };
    let caught: unknown;
    try {
      c.parse(input);
    } catch (e) {
      caught = e;
    }
    const e = caught as model.Role & {
      code: string;
      name: string;
      issues: { path: (string | number)[]; message: string; code: string }[];
      message: string;
      field: string;
      value: unknown;
    };
    expect(e.name).toBe('RevopsError');
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.value).toBe(input);
    expect(e.message.startsWith(`Invalid ${c.name}: `)).toBe(true);
    const paths = e.issues.map((i) => JSON.stringify(i.path));
    for (const p of c.problems.paths) {
      expect(paths).toContain(JSON.stringify(p));
      expect(e.message).toContain(`${formatPath(p)}: `);
    }
    expect(e.field).toBe(formatPath(e.issues[0]!.path));
    for (const i of e.issues) expect(i.message.length).toBeGreaterThan(0);
  });

  it('safeParse returns { ok: true, value } or { ok: false, error }', () => {
    expect(c.safeParse(c.valid)).toEqual({ ok: true, value: c.parsed });
    const r = c.safeParse({ ...c.valid, ...c.problems.patch });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_INPUT');
      expect(r.error.issues.length).toBeGreaterThanOrEqual(c.problems.paths.length);
    }
  });

  it('non-objects are INVALID_INPUT at the root', () => {
    for (const bad of [null, undefined, 'x', 42, [], true]) {
      const r = c.safeParse(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_INPUT');
        expect(r.error.field).toBe('(root)');
        expect(r.error.message).toContain('(root): ');
      }
    }
  });
});

describe('refinements across fields', () => {
  const member = CASES.find((c) => c.name === 'Member')!;
  const quota = CASES.find((c) => c.name === 'Quota')!;
  const sub = CASES.find((c) => c.name === 'Subscription')!;
  const deal = CASES.find((c) => c.name === 'Deal')!;
  const pipeline = CASES.find((c) => c.name === 'Pipeline')!;

  it('Member: endDate must not be before startDate', () => {
    const r = member.safeParse({ ...member.valid, startDate: '2026-01-02', endDate: '2026-01-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues.map((i) => i.path)).toEqual([['endDate']]);
    expect(member.safeParse({ ...member.valid, startDate: '2026-01-01', endDate: '2026-01-01' }).ok).toBe(true);
  });

  it('Quota: exactly one of memberId and teamId', () => {
    const { memberId: _m, ...noOwner } = quota.valid;
    const none = quota.safeParse(noOwner);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.issues.map((i) => i.path)).toEqual([['memberId']]);
    expect(quota.safeParse({ ...quota.valid, teamId: 't1' }).ok).toBe(false);
    expect(quota.safeParse({ ...noOwner, teamId: 't1' }).ok).toBe(true);
  });

  it('Subscription and Quota: a period must not end before it starts', () => {
    const r = sub.safeParse({ ...sub.valid, period: { start: '2026-02-01', end: '2026-01-01' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues.map((i) => i.path)).toEqual([['period', 'end']]);
    expect(quota.safeParse({ ...quota.valid, period: { start: '2026-02-01', end: '2026-01-31' } }).ok).toBe(false);
  });

  it('Deal: probability is a fraction, termMonths a positive integer, probabilitySource kept when given', () => {
    for (const p of [-0.01, 1.01, 40, Number.NaN, Infinity])
      expect(deal.safeParse({ ...deal.valid, probability: p }).ok).toBe(false);
    for (const p of [0, 1, 0.35]) expect(deal.safeParse({ ...deal.valid, probability: p }).ok).toBe(true);
    for (const t of [0, -12, 1.5]) expect(deal.safeParse({ ...deal.valid, termMonths: t }).ok).toBe(false);
    expect((model.parseDeal({ ...deal.valid, probabilitySource: 'manual' }) as model.Deal).probabilitySource).toBe(
      'manual',
    );
    const { history: _h, ...noHistory } = deal.valid;
    expect(model.parseDeal(noHistory).history).toEqual([]);
    const fr = deal.safeParse({ ...deal.valid, probability: 25 });
    if (!fr.ok) expect(fr.error.message).toContain('percent');
  });

  it('Pipeline: at least one stage; a transition names at least one role', () => {
    expect(pipeline.safeParse({ ...pipeline.valid, stages: [] }).ok).toBe(false);
    expect(pipeline.safeParse({ ...pipeline.valid, reopen: { roles: [], toStage: 'open' } }).ok).toBe(false);
  });
});

describe('revops/model exports', () => {
  it('exports the enumerations of the domain', () => {
    expect(model.SEGMENTS).toEqual(['b2c', 'b2b', 'enterprise', 'saas']);
    expect(model.DEAL_TYPES).toEqual(['new', 'renewal', 'expansion']);
    expect(model.ACTIVITY_KINDS).toEqual(['call', 'email', 'meeting', 'demo']);
    // Salesforce standard forecast categories: Pipeline, Best Case, Commit, Closed, Omitted
    expect(model.FORECAST_CATEGORIES).toEqual(['pipeline', 'bestCase', 'commit', 'closed', 'omitted']);
  });

  it('exports a schema, parse and safeParse for every entity (DESIGN.md public API)', () => {
    for (const name of [
      'Role',
      'Member',
      'Team',
      'Territory',
      'Account',
      'Lead',
      'Deal',
      'Activity',
      'Quota',
      'Credit',
      'Plan',
      'Subscription',
      'Pipeline',
    ]) {
      expect(model).toHaveProperty(`${name}Schema`);
      expect(typeof (model as Record<string, unknown>)[`parse${name}`]).toBe('function');
      expect(typeof (model as Record<string, unknown>)[`safeParse${name}`]).toBe('function');
    }
  });
});
