/** fast-check arbitraries of valid inputs for every entity of revops/model. */
import fc from 'fast-check';
import {
  FORECAST_CATEGORIES,
  PERMISSIONS,
  PHASES,
  SEGMENTS,
  DEAL_TYPES,
  LEAD_SOURCES,
  ACTIVITY_KINDS,
  QUOTA_MEASURES,
  CREDIT_KINDS,
  DRAW_TYPES,
  PIPELINE_ENTITIES,
  STAGE_KINDS,
} from '../../src/model/index.js';
import { ROUNDING_MODES } from '../../src/core/index.js';
import { addDays } from '../../src/core/index.js';
import { decimalStringArb, isoDateArb } from '../core/arbitraries.js';

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);
/** A finite double that is never -0 (JSON cannot write -0; see the -0 test in entities.prop.test.ts). */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);

export const idArb = fc.string({ minLength: 1, maxLength: 12 });
export const textArb = fc.string({ minLength: 1, maxLength: 20 });
export const dateArb = isoDateArb;
const two = (n: number): string => String(n).padStart(2, '0');
/** `:ss` and `.mmm` of an instant, each when drawn. */
const seconds = (s: number | undefined, ms: number | undefined): string =>
  s === undefined ? '' : `:${two(s)}${ms === undefined ? '' : `.${String(ms).padStart(3, '0')}`}`;
export const instantArb = fc
  .record({
    date: isoDateArb,
    h: fc.integer({ min: 0, max: 23 }),
    m: fc.integer({ min: 0, max: 59 }),
    s: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
    ms: fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
    offset: fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45))
        .map(([sg, h, m]) => `${sg}${two(h)}:${two(m)}`),
    ),
  })
  .map(({ date, h, m, s, ms, offset }) => `${date}T${two(h)}:${two(m)}${seconds(s, ms)}${offset}`);
export const currencyArb = fc.constantFrom('USD', 'EUR', 'JPY', 'BHD', 'CLF', 'CHF');
export const decimalInputArb = fc.oneof(decimalStringArb(6), fc.integer(), finite);
export const moneyInputArb = fc.record({ amount: decimalInputArb, currency: currencyArb });
export const fractionArb = fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0);
export const periodArb = fc
  .tuple(isoDateArb, fc.integer({ min: 0, max: 400 }))
  .map(([start, n]) => ({ start, end: addDays(start, n) }));
export const customFieldsArb = fc.dictionary(
  fc.string({ maxLength: 10 }).filter((k) => k !== '__proto__'),
  fc.oneof(fc.string(), fc.integer(), finite, fc.boolean(), fc.constant(null)),
  { maxKeys: 5 },
);
const emailArb = fc.stringMatching(/^[a-z][a-z0-9]{0,8}@[a-z]{1,8}\.(com|org|example)$/);

export const stageEventArb = fc.record(
  {
    from: fc.option(textArb, { nil: null }),
    to: textArb,
    at: instantArb,
    actorId: idArb,
    roleId: idArb,
    reason: textArb,
    changes: customFieldsArb,
  },
  { requiredKeys: ['from', 'to', 'at', 'actorId', 'roleId'] },
);

export const roleArb = fc.record({
  id: idArb,
  name: textArb,
  phase: pick(PHASES),
  responsibilities: fc.array(textArb, { maxLength: 4 }),
  permissions: fc.uniqueArray(pick(PERMISSIONS), { maxLength: 6 }),
});

export const memberArb = fc
  .tuple(
    fc.record(
      {
        id: idArb,
        name: textArb,
        email: emailArb,
        roleId: idArb,
        teamId: idArb,
        managerId: idArb,
        reportingHistory: fc.array(
          fc.record({ managerId: idArb, start: dateArb, end: dateArb }, { requiredKeys: ['managerId', 'start'] }),
          { maxLength: 3 },
        ),
        territoryIds: fc.array(idArb, { maxLength: 3 }),
        startDate: dateArb,
      },
      { requiredKeys: ['id', 'name', 'roleId', 'startDate'] },
    ),
    fc.option(fc.integer({ min: 0, max: 3000 }), { nil: undefined }),
  )
  .map(([m, len]) => (len === undefined ? m : { ...m, endDate: addDays(m.startDate, len) }));

export const teamArb = fc.record(
  { id: idArb, name: textArb, managerId: idArb, memberIds: fc.array(idArb, { maxLength: 5 }), segment: pick(SEGMENTS) },
  { requiredKeys: ['id', 'name', 'memberIds'] },
);

export const territoryArb = fc.record(
  {
    id: idArb,
    name: textArb,
    region: fc.string(),
    segments: fc.array(pick(SEGMENTS), { maxLength: 4 }),
    ownerIds: fc.array(idArb, { maxLength: 3 }),
  },
  { requiredKeys: ['id', 'name'] },
);

export const accountArb = fc.record(
  {
    id: idArb,
    name: textArb,
    segment: pick(SEGMENTS),
    annualSpend: moneyInputArb,
    tier: textArb,
    territoryId: idArb,
    ownerId: idArb,
    industry: fc.string(),
    createdAt: dateArb,
  },
  { requiredKeys: ['id', 'name', 'segment', 'annualSpend'] },
);

export const leadArb = fc.record(
  {
    id: idArb,
    name: textArb,
    company: fc.string(),
    email: emailArb,
    source: pick(LEAD_SOURCES),
    ownerId: idArb,
    accountId: idArb,
    segment: pick(SEGMENTS),
    stage: textArb,
    createdAt: instantArb,
    history: fc.array(stageEventArb, { maxLength: 3 }),
    disqualifyReason: textArb,
    convertedDealId: idArb,
    score: finite,
    fields: customFieldsArb,
  },
  { requiredKeys: ['id', 'name', 'source', 'ownerId', 'stage', 'createdAt'] },
);

export const dealArb = fc
  .record(
    {
      id: idArb,
      name: textArb,
      accountId: idArb,
      ownerId: idArb,
      sourceMemberId: idArb,
      leadId: idArb,
      type: pick(DEAL_TYPES),
      amount: moneyInputArb,
      stage: textArb,
      probability: fractionArb,
      probabilitySource: fc.constantFrom('stage', 'manual', 'model'),
      forecastCategory: pick(FORECAST_CATEGORIES),
      expectedCloseDate: dateArb,
      closeDate: dateArb,
      createdAt: instantArb,
      lostReason: textArb,
      segment: pick(SEGMENTS),
      territoryId: idArb,
      teamId: idArb,
      products: fc.array(textArb, { maxLength: 3 }),
      termMonths: fc.integer({ min: 1, max: 120 }),
      splits: fc.array(
        fc.record({ memberId: idArb, share: decimalInputArb, kind: fc.constantFrom('revenue', 'overlay') }),
        { maxLength: 3 },
      ),
      history: fc.array(stageEventArb, { maxLength: 3 }),
      fields: customFieldsArb,
    },
    {
      requiredKeys: [
        'id',
        'name',
        'accountId',
        'ownerId',
        'type',
        'amount',
        'stage',
        'probability',
        'forecastCategory',
        'expectedCloseDate',
        'createdAt',
      ],
    },
  )
  .map((d) =>
    // parseDeal refuses a close date before the creation date: keep generated deals consistent
    d.closeDate !== undefined && d.closeDate < d.createdAt.slice(0, 10)
      ? { ...d, closeDate: d.createdAt.slice(0, 10) }
      : d,
  );

export const activityArb = fc.record(
  {
    id: idArb,
    kind: pick(ACTIVITY_KINDS),
    memberId: idArb,
    at: instantArb,
    durationSeconds: fc.integer({ min: 0, max: 100_000 }),
    leadId: idArb,
    dealId: idArb,
    accountId: idArb,
    completed: fc.boolean(),
  },
  { requiredKeys: ['id', 'kind', 'memberId', 'at', 'durationSeconds'] },
);

export const quotaArb = fc
  .tuple(
    fc.record(
      { id: idArb, period: periodArb, amount: moneyInputArb, measure: pick(QUOTA_MEASURES) },
      { requiredKeys: ['period', 'amount'] },
    ),
    fc.constantFrom('memberId', 'teamId'),
    idArb,
  )
  .map(([q, key, id]) => ({ ...q, [key]: id }));

export const creditArb = fc.record(
  {
    id: idArb,
    dealId: idArb,
    memberId: idArb,
    kind: pick(CREDIT_KINDS),
    amount: moneyInputArb,
    date: dateArb,
    share: decimalInputArb,
    measure: pick(QUOTA_MEASURES),
    dealType: pick(DEAL_TYPES),
    segment: pick(SEGMENTS),
    products: fc.array(fc.string(), { maxLength: 3 }),
    termMonths: fc.integer({ min: 1, max: 120 }),
    newLogo: fc.boolean(),
    units: fc.integer({ min: -1000, max: 1000 }),
    activity: textArb,
  },
  { requiredKeys: ['id', 'dealId', 'memberId', 'kind', 'amount', 'date'] },
);

export const subscriptionArb = fc.record(
  {
    customerId: idArb,
    subscriptionId: idArb,
    planId: idArb,
    period: periodArb,
    mrr: moneyInputArb,
    listMrr: moneyInputArb,
    quantity: fc.integer({ min: 0, max: 10_000 }),
    free: fc.boolean(),
    discount: fc.constantFrom('forever', 'limited'),
    canceledAt: dateArb,
  },
  { requiredKeys: ['customerId', 'period', 'mrr'] },
);

const stageArb = fc.record(
  {
    id: idArb,
    name: textArb,
    kind: pick(STAGE_KINDS),
    probability: fractionArb,
    forecastCategory: pick(FORECAST_CATEGORIES),
    requiredFields: fc.array(textArb, { maxLength: 2 }),
  },
  { requiredKeys: ['id', 'name', 'kind', 'probability', 'forecastCategory'] },
);
export const pipelineArb = fc.record(
  {
    id: idArb,
    name: textArb,
    entity: pick(PIPELINE_ENTITIES),
    stages: fc.array(stageArb, { minLength: 1, maxLength: 5 }),
    transitions: fc.array(
      fc.record(
        {
          from: idArb,
          to: idArb,
          roles: fc.array(idArb, { minLength: 1, maxLength: 3 }),
          requiredFields: fc.array(textArb, { maxLength: 2 }),
          requiresReason: fc.boolean(),
        },
        { requiredKeys: ['from', 'to', 'roles'] },
      ),
      { maxLength: 5 },
    ),
    startStages: fc.array(idArb, { maxLength: 2 }),
    handoffStages: fc.array(idArb, { maxLength: 2 }),
    reopen: fc.record(
      {
        roles: fc.array(idArb, { minLength: 1, maxLength: 2 }),
        toStage: idArb,
        requiresReason: fc.boolean(),
        fromStages: fc.array(idArb, { maxLength: 2 }),
      },
      { requiredKeys: ['roles', 'toStage'] },
    ),
  },
  { requiredKeys: ['id', 'name', 'entity', 'stages', 'transitions'] },
);

const filterArb = fc.record(
  {
    products: fc.array(textArb, { minLength: 1, maxLength: 2 }),
    dealTypes: fc.array(pick(DEAL_TYPES), { minLength: 1, maxLength: 2 }),
    segments: fc.array(pick(SEGMENTS), { minLength: 1, maxLength: 2 }),
    newLogo: fc.boolean(),
    minTermMonths: fc.integer({ min: 1, max: 60 }),
    activities: fc.array(textArb, { minLength: 1, maxLength: 2 }),
  },
  { requiredKeys: [] },
);
const modifiers = {
  name: textArb,
  kinds: fc.array(pick(CREDIT_KINDS), { minLength: 1, maxLength: 3 }),
  measure: pick(QUOTA_MEASURES),
  filter: filterArb,
  cap: fc.record({ amount: decimalInputArb, mode: fc.constantFrom('forfeit', 'defer') }),
  floor: decimalInputArb,
  gate: decimalInputArb,
  multipliers: fc.array(fc.record({ id: idArb, factor: decimalInputArb, when: filterArb }), { maxLength: 2 }),
  weight: decimalInputArb,
};
const component = <T extends Record<string, fc.Arbitrary<unknown>>>(
  kind: string,
  fields: T,
  required: (keyof T & string)[],
): fc.Arbitrary<Record<string, unknown>> =>
  fc.record(
    { id: idArb, kind: fc.constant(kind), ...modifiers, ...fields },
    { requiredKeys: ['id', 'kind', ...required] as never },
  );
const componentArb = fc.oneof(
  component('rate', { rate: decimalInputArb }, ['rate']),
  component(
    'tiered',
    {
      basis: fc.constantFrom('attainment', 'amount'),
      split: fc.constantFrom('marginal', 'retroactive', 'interpolated'),
      scope: fc.constantFrom('perCredit', 'periodToDate', 'yearToDate'),
      boundary: fc.constantFrom('lower', 'higher'),
      tiers: fc.array(
        fc.record(
          { from: decimalInputArb, to: decimalInputArb, rate: decimalInputArb },
          { requiredKeys: ['from', 'rate'] },
        ),
        { minLength: 1, maxLength: 3 },
      ),
    },
    ['basis', 'split', 'scope', 'boundary', 'tiers'],
  ),
  component('perUnit', { amountPerUnit: decimalInputArb }, ['amountPerUnit']),
  component(
    'bonus',
    {
      steps: fc.array(fc.record({ atLeast: decimalInputArb, amount: decimalInputArb }), { minLength: 1, maxLength: 3 }),
    },
    ['steps'],
  ),
  component('spiff', { window: periodArb, rate: decimalInputArb, amountPerCredit: decimalInputArb }, ['window']),
  component(
    'override',
    { rate: decimalInputArb, teamThreshold: decimalInputArb, thresholdMode: fc.constantFrom('excess', 'all') },
    ['rate'],
  ),
);
export const planArb = fc.record(
  {
    id: idArb,
    name: textArb,
    currency: currencyArb,
    periodLength: fc.constantFrom('month', 'quarter', 'year'),
    fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
    rounding: pick(ROUNDING_MODES),
    versions: fc.array(
      fc.record(
        {
          id: idArb,
          effectiveFrom: dateArb,
          effectiveTo: dateArb,
          attainment: fc.record(
            { kinds: fc.array(pick(CREDIT_KINDS), { minLength: 1, maxLength: 2 }), measure: pick(QUOTA_MEASURES) },
            { requiredKeys: [] },
          ),
          components: fc.array(componentArb, { maxLength: 3 }),
          draw: fc.record(
            {
              type: pick(DRAW_TYPES),
              amount: decimalInputArb,
              start: dateArb,
              end: dateArb,
              recoveryStart: dateArb,
              recoveryShare: decimalInputArb,
              recoveryCap: decimalInputArb,
            },
            { requiredKeys: ['type', 'amount', 'start'] },
          ),
          clawback: fc.record(
            {
              schedule: fc.array(fc.record({ withinDays: fc.integer({ min: 1, max: 720 }), share: decimalInputArb }), {
                minLength: 1,
                maxLength: 3,
              }),
              reducesAttainment: fc.boolean(),
            },
            { requiredKeys: ['schedule'] },
          ),
          prorate: fc.boolean(),
        },
        { requiredKeys: ['id', 'effectiveFrom', 'components'] },
      ),
      { minLength: 1, maxLength: 2 },
    ),
  },
  { requiredKeys: ['id', 'currency', 'periodLength', 'versions'] },
);
