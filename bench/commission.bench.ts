/**
 * Commission statements at scale: 10,000 members, 1,000,000 credits (100 each, one quarter),
 * a plan with a flat rate, marginal accelerator tiers on attainment and a 100 % bonus gate.
 * The library computes exact statements with the data of every line; the reference does the
 * same plan arithmetic with plain floats, each line rounded to cents (Math.round, as the library
 * rounds half away from zero on these positive lines) and summed. Its details report how many
 * statements the float reference gets wrong, and by how many cents at most.
 */
import { createRng } from '../src/core/index.js';
import { calculateStatement, definePlan } from '../src/commission/index.js';
import type { Credit } from '../src/model/credit.js';
import type { Member } from '../src/model/member.js';
import type { BenchCase } from './harness.js';

const MEMBERS = 10_000;
const PER_MEMBER = 100;
const period = { start: '2026-01-01', end: '2026-03-31' };
const quota = { amount: '500000.00', currency: 'USD' };
const QUOTA = 500_000;

const plan = definePlan({
  id: 'ae-2026',
  currency: 'USD',
  periodLength: 'quarter',
  versions: [
    {
      id: 'v1',
      effectiveFrom: '2026-01-01',
      components: [
        { id: 'base', kind: 'rate', rate: '0.02' },
        {
          id: 'acc',
          kind: 'tiered',
          basis: 'attainment',
          split: 'marginal',
          scope: 'periodToDate',
          boundary: 'higher',
          tiers: [
            { from: '0', to: '1', rate: '0.03' },
            { from: '1', to: '1.5', rate: '0.05' },
            { from: '1.5', rate: '0.08' },
          ],
        },
        { id: 'gate', kind: 'bonus', steps: [{ atLeast: '1', amount: '5000' }] },
      ],
    },
  ],
});

const next = createRng(7).next;
const members: Member[] = [];
const byMember: Credit[][] = [];
for (let m = 0; m < MEMBERS; m++) {
  const id = `m${m}`;
  members.push({ id, name: id, roleId: 'ae', startDate: '2020-01-01', territoryIds: [] });
  const list: Credit[] = [];
  for (let k = 0; k < PER_MEMBER; k++) {
    const cents = Math.floor(next() * 1_000_000); // up to 10,000.00, around 100 % of quota in sum
    const day = 1 + Math.floor(next() * 28);
    list.push({
      id: `${id}-${k}`,
      dealId: `d${m}-${k}`,
      memberId: id,
      kind: 'owner',
      measure: 'bookings',
      date: `2026-0${1 + (k % 3)}-${String(day).padStart(2, '0')}`,
      amount: { amount: (cents / 100).toFixed(2), currency: 'USD' },
    });
  }
  byMember.push(list);
}

function library(): unknown {
  let last: unknown;
  for (let m = 0; m < MEMBERS; m++) {
    last = calculateStatement({ plan, member: members[m] as Member, period, quota, credits: byMember[m] as Credit[] });
  }
  return last;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** One member's payable in plain floats: each line rounded to cents as the library rounds it, then summed. */
function floatPayable(m: number): number {
  const list = byMember[m] as Credit[];
  const id = (members[m] as Member).id;
  let credited = 0;
  for (let k = 0; k < list.length; k++) {
    const c = list[k] as Credit;
    if (c.memberId !== id || c.date < period.start || c.date > period.end) continue;
    credited += Number(c.amount.amount);
  }
  const base = round2(credited * 0.02);
  const t1 = round2(Math.min(credited, QUOTA) * 0.03);
  const t2 = round2(Math.max(0, Math.min(credited, 1.5 * QUOTA) - QUOTA) * 0.05);
  const t3 = round2(Math.max(0, credited - 1.5 * QUOTA) * 0.08);
  const bonus = credited >= QUOTA ? 5000 : 0;
  return base + t1 + t2 + t3 + bonus;
}

function reference(): number {
  let total = 0;
  for (let m = 0; m < MEMBERS; m++) total += floatPayable(m);
  return total;
}

/** What the float reference gets wrong: statements whose payable differs from the exact one, and by how much. */
function centErrors(): Readonly<Record<string, number>> {
  let statements = 0;
  let maxCents = 0;
  for (let m = 0; m < MEMBERS; m++) {
    const exact = calculateStatement({
      plan,
      member: members[m] as Member,
      period,
      quota,
      credits: byMember[m] as Credit[],
    });
    const cents = Math.abs(Math.round(floatPayable(m) * 100) - Math.round(Number(exact.payable.amount) * 100));
    if (cents > 0) statements++;
    if (cents > maxCents) maxCents = cents;
  }
  return { statementsOffByACentOrMore: statements, maxCentsOff: maxCents };
}

export const cases: BenchCase[] = [
  {
    name:
      `statements for ${MEMBERS.toLocaleString('en-US')} members from ` +
      `${(MEMBERS * PER_MEMBER).toLocaleString('en-US')} credits (rate + marginal tiers + gate bonus)`,
    size: MEMBERS * PER_MEMBER,
    library,
    reference,
    details: centErrors,
  },
];
