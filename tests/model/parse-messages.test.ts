/**
 * A refusal of a parse lists at most 10 issues in its message (each cut to 160 characters) and
 * counts the rest; `error.issues` keeps them all. The fuzz suite found messages of 3,000–4,000
 * characters for 50 bad items (issue 14).
 */
import { describe, expect, it } from 'vitest';
import { parsePipeline, parsePlan, parseTeam, safeParseTeam } from '../../src/model/index.js';
import { thrown } from '../core/helpers.js';

describe('parse messages are bounded', () => {
  it('parseTeam with 50 member ids that are numbers: 50 issues, 10 in the message', () => {
    const e = thrown(
      () => parseTeam({ id: 't1', name: 'West', memberIds: Array.from({ length: 50 }, (_, i) => i) }),
      'INVALID_INPUT',
    );
    expect(e.issues).toHaveLength(50);
    expect(e.message).toMatch(/; and 40 more issues \(see error\.issues\)$/);
    expect(e.message.split('; ')).toHaveLength(11);
    expect(e.message.length).toBeLessThan(1000);
    expect(e.field).toBe('memberIds[0]');
  });

  it('parsePlan with 50 versions without components', () => {
    const versions = Array.from({ length: 50 }, (_, i) => ({ id: `v${i}`, effectiveFrom: 7 }));
    const e = thrown(() => parsePlan({ id: 'p', currency: 'USD', periodLength: 'quarter', versions }), 'INVALID_INPUT');
    expect(e.issues.length).toBeGreaterThanOrEqual(50);
    expect(e.message.length).toBeLessThan(3000);
    expect(e.message).toMatch(/more issues \(see error\.issues\)$/);
  });

  it('parsePipeline with 50 stages of an unknown kind', () => {
    const stages = Array.from({ length: 50 }, (_, i) => ({ id: `s${i}`, name: 'S', kind: 'maybe' }));
    const e = thrown(
      () => parsePipeline({ id: 'p', name: 'P', entity: 'deal', stages, transitions: [] }),
      'INVALID_INPUT',
    );
    expect(e.issues.length).toBeGreaterThanOrEqual(50);
    expect(e.message.length).toBeLessThan(3000);
  });

  it('a key of 10,000 characters is cut in the message (unknown keys are named by zod)', () => {
    const key = 'k'.repeat(10_000);
    const r = safeParseTeam({ id: 't1', name: 'West', memberIds: [], [key]: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.length).toBeLessThan(300);
  });

  it('one issue: no count of the rest', () => {
    const e = thrown(() => parseTeam({ id: 't1', name: 'West', memberIds: [1] }), 'INVALID_INPUT');
    expect(e.message).not.toMatch(/more issue/);
    expect(e.message.startsWith('Invalid Team: memberIds[0]: ')).toBe(true);
  });
});
