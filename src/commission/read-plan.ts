/**
 * Reading a plan's shape without zod: the same shape `PlanSchema` (revops/model) describes —
 * strict objects (unknown keys refused), decimals as canonical strings, defaults applied — in
 * plain code, so that computing a statement from a plain plan does not bundle zod.
 * tests/commission/read-plan.test.ts checks that it accepts and normalises what `parsePlan` does.
 * @module
 * @internal
 */
import { isCurrencyCode } from '../core/currency.js';
import { isIsoDate } from '../core/dates.js';
import { describeValue, type RevopsIssue } from '../core/errors.js';
import { formatFixed, normalizeFixed, parseFixed } from '../core/fixed.js';
import { LIMITS } from '../core/read.js';
import { ROUNDING_MODES } from '../core/rounding.js';
import type { Plan } from '../model/plan.js';
import { CREDIT_KINDS, DEAL_TYPES, DRAW_TYPES, MEASURES, SEGMENTS } from '../model/vocabulary.js';

type Path = (string | number)[];
type Obj = Record<string, unknown>;

/**
 * Most problems collected from one plan: reading stops there (a plan of 1,000,000 malformed
 * versions is refused in milliseconds, not after building a million messages).
 * @internal
 */
export const PLAN_ISSUE_LIMIT = 1000;

/** Collects every shape problem with its path; each read returns the normalised value or `undefined`. */
class Reader {
  readonly issues: RevopsIssue[] = [];

  /** Whether {@link PLAN_ISSUE_LIMIT} problems were found (reading stops). */
  get full(): boolean {
    return this.issues.length >= PLAN_ISSUE_LIMIT;
  }

  add(path: Path, message: string): undefined {
    if (!this.full) this.issues.push({ path, message, code: 'INVALID_PLAN' });
    return undefined;
  }

  /** A strict object: every key must be one of `keys`. */
  object(v: unknown, path: Path, keys: readonly string[]): Obj | undefined {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return this.add(path, `must be an object, got ${describeValue(v)}`);
    for (const k of Object.keys(v)) {
      if (this.full) break;
      if (!keys.includes(k)) this.add([...path, k], `unknown key ${describeValue(k)}`);
    }
    return v as Obj;
  }

  array<T>(v: unknown, path: Path, item: (x: unknown, p: Path) => T | undefined, min = 0): T[] | undefined {
    if (!Array.isArray(v)) return this.add(path, `must be an array, got ${describeValue(v)}`);
    // refused before any element is read, as PlanSchema does
    if (v.length > LIMITS.listLength)
      return this.add(path, `must have at most ${LIMITS.listLength} items (LIMITS.listLength), got ${v.length}`);
    if (v.length < min) this.add(path, `must have at least ${min} item${min === 1 ? '' : 's'}`);
    const out: T[] = [];
    for (let i = 0; i < v.length && !this.full; i++) out.push(item(v[i], [...path, i]) as T);
    return out;
  }

  id(v: unknown, path: Path): string | undefined {
    if (typeof v !== 'string' || v.length === 0 || v.length > 200)
      return this.add(path, `must be a string of 1 to 200 characters, got ${describeValue(v)}`);
    return v;
  }

  text(v: unknown, path: Path): string | undefined {
    if (typeof v !== 'string' || v.length === 0)
      return this.add(path, `must be a non-empty string, got ${describeValue(v)}`);
    return v;
  }

  date(v: unknown, path: Path): string | undefined {
    if (!isIsoDate(v)) return this.add(path, `must be a calendar date YYYY-MM-DD, got ${describeValue(v)}`);
    return v;
  }

  decimal(v: unknown, path: Path): string | undefined {
    if (typeof v !== 'string' && typeof v !== 'number')
      return this.add(path, `must be a finite decimal number such as "0.035", got ${describeValue(v)}`);
    try {
      return formatFixed(normalizeFixed(parseFixed(v)));
    } catch {
      return this.add(path, `must be a finite decimal number such as "0.035", got ${describeValue(v)}`);
    }
  }

  oneOf<T extends string>(v: unknown, path: Path, allowed: readonly T[]): T | undefined {
    for (const a of allowed) if (v === a) return a;
    return this.add(path, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describeValue(v)}`);
  }

  integer(v: unknown, path: Path, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max)
      return this.add(
        path,
        `must be an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}, got ${describeValue(v)}`,
      );
    return v + 0;
  }

  boolean(v: unknown, path: Path): boolean | undefined {
    if (typeof v !== 'boolean') return this.add(path, `must be true or false, got ${describeValue(v)}`);
    return v;
  }
}

/** Builds an object from `[key, value]` pairs in order, leaving out absent values. */
function build(pairs: readonly (readonly [string, unknown])[]): Obj {
  const out: Obj = {};
  for (const [k, v] of pairs) if (v !== undefined) out[k] = v;
  return out;
}

function opt<T>(o: Obj, key: string, read: (v: unknown) => T | undefined): T | undefined {
  return o[key] === undefined ? undefined : read(o[key]);
}

const FILTER_KEYS = ['products', 'dealTypes', 'segments', 'newLogo', 'minTermMonths', 'activities'];

function filter(r: Reader, v: unknown, path: Path): Obj | undefined {
  const o = r.object(v, path, FILTER_KEYS);
  if (o === undefined) return undefined;
  const texts = (k: string) => opt(o, k, (x) => r.array(x, [...path, k], (y, p) => r.text(y, p), 1));
  return build([
    ['products', texts('products')],
    [
      'dealTypes',
      opt(o, 'dealTypes', (x) => r.array(x, [...path, 'dealTypes'], (y, p) => r.oneOf(y, p, DEAL_TYPES), 1)),
    ],
    ['segments', opt(o, 'segments', (x) => r.array(x, [...path, 'segments'], (y, p) => r.oneOf(y, p, SEGMENTS), 1))],
    ['newLogo', opt(o, 'newLogo', (x) => r.boolean(x, [...path, 'newLogo']))],
    ['minTermMonths', opt(o, 'minTermMonths', (x) => r.integer(x, [...path, 'minTermMonths'], 1))],
    ['activities', texts('activities')],
  ]);
}

const BASE_KEYS = [
  'id',
  'name',
  'kinds',
  'measure',
  'filter',
  'cap',
  'floor',
  'gate',
  'gateOn',
  'multipliers',
  'weight',
  'kind',
];
const KIND_KEYS: Readonly<Record<string, readonly string[]>> = {
  rate: ['rate'],
  tiered: ['basis', 'split', 'scope', 'boundary', 'tiers'],
  perUnit: ['amountPerUnit'],
  bonus: ['steps'],
  spiff: ['window', 'rate', 'amountPerCredit'],
  override: ['rate', 'teamThreshold', 'thresholdMode'],
};

function component(r: Reader, v: unknown, path: Path): Obj | undefined {
  const kind = typeof v === 'object' && v !== null ? (v as Obj)['kind'] : undefined;
  const own =
    typeof kind === 'string' && Object.hasOwn(KIND_KEYS, kind) ? (KIND_KEYS[kind] as readonly string[]) : null;
  if (own === null) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return r.add(path, `must be an object, got ${describeValue(v)}`);
    return r.add(
      [...path, 'kind'],
      `must be one of ${Object.keys(KIND_KEYS)
        .map((k) => `'${k}'`)
        .join(', ')}, got ${describeValue(kind)}`,
    );
  }
  const o = r.object(v, path, [...BASE_KEYS, ...own]);
  if (o === undefined) return undefined;
  const at = (k: string): Path => [...path, k];
  const dec = (k: string) => r.decimal(o[k], at(k));
  const optDec = (k: string) => opt(o, k, () => dec(k));
  const base: (readonly [string, unknown])[] = [
    ['id', r.id(o['id'], at('id'))],
    ['name', opt(o, 'name', (x) => r.text(x, at('name')))],
    ['kinds', opt(o, 'kinds', (x) => r.array(x, at('kinds'), (y, p) => r.oneOf(y, p, CREDIT_KINDS), 1))],
    ['measure', opt(o, 'measure', (x) => r.oneOf(x, at('measure'), MEASURES))],
    ['filter', opt(o, 'filter', (x) => filter(r, x, at('filter')))],
    [
      'cap',
      opt(o, 'cap', (x) => {
        const c = r.object(x, at('cap'), ['amount', 'mode']);
        if (c === undefined) return undefined;
        return build([
          ['amount', r.decimal(c['amount'], [...path, 'cap', 'amount'])],
          ['mode', r.oneOf(c['mode'], [...path, 'cap', 'mode'], ['forfeit', 'defer'] as const)],
        ]);
      }),
    ],
    ['floor', optDec('floor')],
    ['gate', optDec('gate')],
    ['gateOn', opt(o, 'gateOn', (x) => r.oneOf(x, at('gateOn'), ['period', 'toDate'] as const))],
    [
      'multipliers',
      opt(o, 'multipliers', (x) =>
        r.array(x, at('multipliers'), (y, p) => {
          const m = r.object(y, p, ['id', 'factor', 'when']);
          if (m === undefined) return undefined;
          return build([
            ['id', r.id(m['id'], [...p, 'id'])],
            ['factor', r.decimal(m['factor'], [...p, 'factor'])],
            ['when', filter(r, m['when'], [...p, 'when'])],
          ]);
        }),
      ),
    ],
    ['weight', optDec('weight')],
    ['kind', kind],
  ];
  switch (kind) {
    case 'rate':
      return build([...base, ['rate', dec('rate')]]);
    case 'perUnit':
      return build([...base, ['amountPerUnit', dec('amountPerUnit')]]);
    case 'tiered':
      return build([
        ...base,
        ['basis', r.oneOf(o['basis'], at('basis'), ['attainment', 'amount'] as const)],
        ['split', r.oneOf(o['split'], at('split'), ['marginal', 'retroactive', 'interpolated'] as const)],
        ['scope', r.oneOf(o['scope'], at('scope'), ['perCredit', 'periodToDate', 'yearToDate'] as const)],
        ['boundary', r.oneOf(o['boundary'], at('boundary'), ['lower', 'higher'] as const)],
        [
          'tiers',
          r.array(
            o['tiers'],
            at('tiers'),
            (y, p) => {
              const t = r.object(y, p, ['from', 'to', 'rate']);
              if (t === undefined) return undefined;
              return build([
                ['from', r.decimal(t['from'], [...p, 'from'])],
                ['to', opt(t, 'to', (z) => r.decimal(z, [...p, 'to']))],
                ['rate', r.decimal(t['rate'], [...p, 'rate'])],
              ]);
            },
            1,
          ),
        ],
      ]);
    case 'bonus':
      return build([
        ...base,
        [
          'steps',
          r.array(
            o['steps'],
            at('steps'),
            (y, p) => {
              const s = r.object(y, p, ['atLeast', 'amount']);
              if (s === undefined) return undefined;
              return build([
                ['atLeast', r.decimal(s['atLeast'], [...p, 'atLeast'])],
                ['amount', r.decimal(s['amount'], [...p, 'amount'])],
              ]);
            },
            1,
          ),
        ],
      ]);
    case 'spiff': {
      const w = r.object(o['window'], at('window'), ['start', 'end']);
      let window: Obj | undefined;
      if (w !== undefined) {
        const start = r.date(w['start'], [...path, 'window', 'start']);
        const end = r.date(w['end'], [...path, 'window', 'end']);
        if (start !== undefined && end !== undefined && end < start)
          r.add([...path, 'window', 'end'], 'end must not be before start');
        window = { start, end };
      }
      return build([
        ...base,
        ['window', window],
        ['rate', optDec('rate')],
        ['amountPerCredit', optDec('amountPerCredit')],
      ]);
    }
    default:
      return build([
        ...base,
        ['rate', dec('rate')],
        ['teamThreshold', optDec('teamThreshold')],
        ['thresholdMode', opt(o, 'thresholdMode', (x) => r.oneOf(x, at('thresholdMode'), ['excess', 'all'] as const))],
      ]);
  }
}

function version(r: Reader, v: unknown, path: Path): Obj | undefined {
  const keys = [
    'id',
    'effectiveFrom',
    'effectiveTo',
    'attainment',
    'components',
    'draw',
    'clawback',
    'prorate',
    'proration',
    'payableOn',
  ];
  const o = r.object(v, path, keys);
  if (o === undefined) return undefined;
  const at = (k: string): Path => [...path, k];
  const attainment = opt(o, 'attainment', (x) => {
    const a = r.object(x, at('attainment'), ['kinds', 'measure']);
    if (a === undefined) return undefined;
    return build([
      [
        'kinds',
        opt(a, 'kinds', (y) => r.array(y, [...path, 'attainment', 'kinds'], (z, p) => r.oneOf(z, p, CREDIT_KINDS), 1)),
      ],
      ['measure', opt(a, 'measure', (y) => r.oneOf(y, [...path, 'attainment', 'measure'], MEASURES))],
    ]);
  });
  const draw = opt(o, 'draw', (x) => {
    const d = r.object(x, at('draw'), [
      'type',
      'amount',
      'start',
      'end',
      'recoveryStart',
      'recoveryShare',
      'recoveryCap',
    ]);
    if (d === undefined) return undefined;
    const dp = (k: string): Path => [...path, 'draw', k];
    return build([
      ['type', r.oneOf(d['type'], dp('type'), DRAW_TYPES)],
      ['amount', r.decimal(d['amount'], dp('amount'))],
      ['start', r.date(d['start'], dp('start'))],
      ['end', opt(d, 'end', (y) => r.date(y, dp('end')))],
      ['recoveryStart', opt(d, 'recoveryStart', (y) => r.date(y, dp('recoveryStart')))],
      ['recoveryShare', opt(d, 'recoveryShare', (y) => r.decimal(y, dp('recoveryShare')))],
      ['recoveryCap', opt(d, 'recoveryCap', (y) => r.decimal(y, dp('recoveryCap')))],
    ]);
  });
  const clawback = opt(o, 'clawback', (x) => {
    const c = r.object(x, at('clawback'), ['basis', 'schedule', 'reducesAttainment']);
    if (c === undefined) return undefined;
    const basis = opt(c, 'basis', (y) =>
      r.oneOf(y, [...path, 'clawback', 'basis'], ['schedule', 'unservedTerm'] as const),
    );
    const schedule = opt(c, 'schedule', (z) =>
      r.array(
        z,
        [...path, 'clawback', 'schedule'],
        (y, p) => {
          const s = r.object(y, p, ['withinDays', 'share']);
          if (s === undefined) return undefined;
          return build([
            ['withinDays', r.integer(s['withinDays'], [...p, 'withinDays'], 1)],
            ['share', r.decimal(s['share'], [...p, 'share'])],
          ]);
        },
        1,
      ),
    );
    const reduces = opt(c, 'reducesAttainment', (y) => r.boolean(y, [...path, 'clawback', 'reducesAttainment']));
    return build([
      ['basis', basis],
      ['schedule', schedule],
      ['reducesAttainment', reduces ?? false],
    ]);
  });
  return build([
    ['id', r.id(o['id'], at('id'))],
    ['effectiveFrom', r.date(o['effectiveFrom'], at('effectiveFrom'))],
    ['effectiveTo', opt(o, 'effectiveTo', (x) => r.date(x, at('effectiveTo')))],
    ['attainment', attainment],
    ['components', r.array(o['components'], at('components'), (y, p) => component(r, y, p))],
    ['draw', draw],
    ['clawback', clawback],
    ['prorate', opt(o, 'prorate', (x) => r.boolean(x, at('prorate'))) ?? true],
    ['proration', opt(o, 'proration', (x) => r.oneOf(x, at('proration'), ['days', 'months'] as const))],
    ['payableOn', opt(o, 'payableOn', (x) => r.oneOf(x, at('payableOn'), ['booking', 'payment'] as const))],
  ]);
}

/**
 * Reads a plan's shape: returns the normalised plan (decimals as canonical strings, defaults
 * applied, a new object) or the list of every shape problem with its path.
 * @internal
 */
export function readPlanShape(spec: unknown): { readonly plan: Plan } | { readonly issues: readonly RevopsIssue[] } {
  const r = new Reader();
  const keys = ['id', 'name', 'currency', 'periodLength', 'fiscalYearStartMonth', 'rounding', 'versions'];
  const o = r.object(spec, [], keys);
  if (o === undefined) return { issues: r.issues };
  const currency = isCurrencyCode(o['currency'])
    ? o['currency']
    : r.add(['currency'], `must be an ISO 4217 currency code such as USD, got ${describeValue(o['currency'])}`);
  const plan = build([
    ['id', r.id(o['id'], ['id'])],
    ['name', opt(o, 'name', (x) => r.text(x, ['name']))],
    ['currency', currency],
    ['periodLength', r.oneOf(o['periodLength'], ['periodLength'], ['month', 'quarter', 'year'] as const)],
    ['fiscalYearStartMonth', opt(o, 'fiscalYearStartMonth', (x) => r.integer(x, ['fiscalYearStartMonth'], 1, 12)) ?? 1],
    ['rounding', opt(o, 'rounding', (x) => r.oneOf(x, ['rounding'], ROUNDING_MODES)) ?? 'halfAwayFromZero'],
    ['versions', r.array(o['versions'], ['versions'], (y, p) => version(r, y, p), 1)],
  ]);
  return r.issues.length > 0 ? { issues: r.issues } : { plan: plan as unknown as Plan };
}
