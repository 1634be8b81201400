/**
 * The command line of `revops`: commands, their flags and their help texts, read with Node's
 * `util.parseArgs` in strict mode (an unknown flag or a stray argument is a usage error).
 */
import { parseArgs } from 'node:util';

/** Exit codes of the command, documented in `revops --help` and docs/guides/cli.md. */
export const EXIT = {
  /** The report was written (rows the importer rejected are listed in it). */
  ok: 0,
  /** A data problem: a file that is not CSV or JSON as expected, a plan that does not validate,
   * amounts in several currencies, or (with --strict) any rejected row. Nothing is written. */
  data: 1,
  /** A usage error: unknown command or flag, missing or malformed flag value, missing file. */
  usage: 2,
} as const;

/** What a command line asks for. */
export interface Invocation {
  readonly command: Command;
  readonly flags: Flags;
}

/** The commands. */
export const COMMANDS = ['report', 'statement', 'forecast', 'retention', 'demo'] as const;
/** A command. */
export type Command = (typeof COMMANDS)[number];

/** The flags, as read. */
export interface Flags {
  readonly deals?: string;
  readonly leads?: string;
  readonly activities?: string;
  readonly subscriptions?: string;
  readonly members?: string;
  readonly quotas?: string;
  readonly plan?: string;
  readonly preset?: string;
  readonly mapping?: string;
  readonly stage?: readonly string[];
  readonly dateFormat?: string;
  readonly currency?: string;
  readonly period?: string;
  readonly asOf?: string;
  readonly member?: string;
  readonly json?: boolean;
  readonly html?: string;
  readonly strict?: boolean;
  /** `--workers N`, as written (read by {@link readWorkersFlag}). */
  readonly workers?: string;
}

/** A usage error: exit code 2 with its message. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: Command,
  ) {
    super(message);
  }
}

const FILE_FLAGS = ['deals', 'leads', 'activities', 'subscriptions', 'members', 'quotas', 'plan'] as const;

const OPTIONS = {
  deals: { type: 'string' },
  leads: { type: 'string' },
  activities: { type: 'string' },
  subscriptions: { type: 'string' },
  members: { type: 'string' },
  quotas: { type: 'string' },
  plan: { type: 'string' },
  preset: { type: 'string' },
  mapping: { type: 'string' },
  stage: { type: 'string', multiple: true },
  'date-format': { type: 'string' },
  currency: { type: 'string' },
  period: { type: 'string' },
  'as-of': { type: 'string' },
  member: { type: 'string' },
  json: { type: 'boolean' },
  html: { type: 'string' },
  strict: { type: 'boolean' },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type OptionName = keyof typeof OPTIONS;

const DATA_FLAGS: readonly OptionName[] = [
  'deals',
  'leads',
  'activities',
  'subscriptions',
  'members',
  'quotas',
  'plan',
  'preset',
  'mapping',
  'stage',
  'date-format',
  'currency',
];
const PERIOD_FLAGS: readonly OptionName[] = ['period', 'as-of'];
const OUTPUT_FLAGS: readonly OptionName[] = ['json', 'html', 'strict'];

/** Which flags each command takes, and which it requires. */
const ACCEPTS: Readonly<Record<Command, { readonly flags: readonly OptionName[]; readonly required: OptionName[] }>> = {
  report: { flags: [...DATA_FLAGS, ...PERIOD_FLAGS, ...OUTPUT_FLAGS, 'workers'], required: ['deals'] },
  statement: { flags: [...DATA_FLAGS, ...PERIOD_FLAGS, 'member', ...OUTPUT_FLAGS], required: ['deals', 'plan'] },
  forecast: { flags: [...DATA_FLAGS, ...PERIOD_FLAGS, ...OUTPUT_FLAGS], required: ['deals'] },
  retention: {
    flags: ['subscriptions', 'mapping', 'date-format', 'currency', ...PERIOD_FLAGS, ...OUTPUT_FLAGS],
    required: ['subscriptions'],
  },
  demo: { flags: ['period', ...OUTPUT_FLAGS, 'member', 'workers'], required: [] },
};

const EXIT_CODES = `Exit codes:
  0  done (rows that could not be imported are listed in the report)
  1  data problem: a file that cannot be read as CSV or JSON, a plan that does not validate,
     amounts in several currencies, or any rejected row under --strict; no file is written
  2  usage error: unknown command or flag, missing or malformed value, file not found`;

const DATA_HELP = `Your files (CSV with a header row; column names as your CRM exports them):
  --deals FILE           deals / opportunities
  --leads FILE           leads
  --activities FILE      calls, emails, meetings
  --subscriptions FILE   recurring revenue rows (customerId, periodStart, periodEnd, mrr, …)
  --members FILE         the team: id, name, roleId, startDate, managerId, teamId
  --quotas FILE          memberId or teamId, periodStart, periodEnd, amount, currency
  --plan FILE            incentive plan JSON: a plan, an array of plans, or
                         { "plans": [...], "assignments": { "<memberId or roleId>": "<planId>" } }
  --preset NAME          salesforce | hubspot | pipedrive: the vendor's export columns, stage names,
                         lead statuses and lead sources
  --stage LABEL=ID       map one of your stage labels to a stage of the default deal pipeline
                         (discovery, demo, proposal, negotiation, closed-won, closed-lost); repeatable
  --date-format FMT      how the CRM exports (deals, leads, activities) write dates: YYYY-MM-DD
                         (default), MM/DD/YYYY, DD/MM/YYYY or DD.MM.YYYY; members, quotas and
                         subscriptions are read as YYYY-MM-DD unless --mapping gives a dateFormat
  --currency CODE        currency of rows without one (ISO 4217, e.g. USD)
  --mapping FILE         JSON of import options per file: { "deals": { "columns": {...}, "stages": {...} }, … }`;

const PERIOD_HELP = `Period:
  --period P             2026-Q2, 2026-05, 2026, or 2026-04-01..2026-06-30
                         (default: the quarter of --as-of)
  --as-of DATE           the day the data stands at (default: the latest date in the data:
                         close, created and activity dates, ends of subscription periods)`;

const WORKERS_HELP = `Threads:
  --workers N            compute the funnels, win rates, team KPIs, weighted pipeline, forecast
                         categories, MRR movements and cohorts on N worker threads (revops/parallel),
                         N from 1 to 64, each worker reading its part of the CSV files; the same
                         report as without. Files are still read on the main thread for the rest,
                         and the simulation, trend, attainment and statements run there`;

const OUTPUT_HELP = `Output:
  --json                 machine-readable JSON on stdout instead of text
  --html FILE            also write a self-contained HTML page with charts (no network needed)
  --strict               exit 1 if any row is rejected
  -h, --help             this help`;

/** Help text per command, and the general one. */
export const HELP: Readonly<Record<Command | 'main', string>> = {
  main: `revops — the arithmetic of a sales organisation, on your own CRM exports

Usage:
  revops report --deals deals.csv [--leads …] [--activities …] [--subscriptions …]
                [--members …] [--quotas …] [--plan plan.json] [--period 2026-Q2] [--preset salesforce]
  revops statement --deals deals.csv --plan plan.json [--members …] [--quotas …] [--member ID]
  revops forecast --deals deals.csv [--quotas …] [--period …]
  revops retention --subscriptions subscriptions.csv [--period …]
  revops demo [--json] [--html report.html]
  revops --version

Commands:
  report      the sales manager's report: pipeline and weighted forecast, funnel and conversion,
              win rates with intervals, team KPIs and attainment, retention and cohorts (with
              --subscriptions), commission statements with explanations (with --plan)
  statement   commission statements only, each explained line by line
  forecast    pipeline, weighted forecast, forecast categories, Monte Carlo and trend
  retention   MRR movements, revenue retention and cohorts
  demo        the report on the sample organisation shipped with the package

Run \`revops <command> --help\` for the flags of a command.

${EXIT_CODES}
`,
  report: `revops report — the sales manager's report from your own files

Usage:
  revops report --deals deals.csv [--leads …] [--activities …] [--subscriptions …]
                [--members …] [--quotas …] [--plan plan.json] [--period 2026-Q2] [--preset salesforce]
                [--workers N]

Sections: data (files, rejected rows), pipeline and forecast, funnel and conversion, win rates
with 95% Wilson intervals, team KPIs and quota attainment (with --quotas), retention and
cohorts (with --subscriptions), commission statements with explanations (with --plan).

${DATA_HELP}

${PERIOD_HELP}

${WORKERS_HELP}

${OUTPUT_HELP}

${EXIT_CODES}
`,
  statement: `revops statement — commission statements for the period, each explained line by line

Usage:
  revops statement --deals deals.csv --plan plan.json [--members members.csv] [--quotas quotas.csv]
                   [--member ID] [--period 2026-Q2]

Won deals are credited to their owners (and to managers through --members); each member with a
plan and a quota for the period gets a statement. --member ID keeps one member.

${DATA_HELP}

${PERIOD_HELP}

${OUTPUT_HELP}

${EXIT_CODES}
`,
  forecast: `revops forecast — pipeline and forecast for the period

Usage:
  revops forecast --deals deals.csv [--quotas quotas.csv] [--period 2026-Q2]

Open pipeline expected to close in the period, weighted by stage probabilities, forecast
categories (commit, best case), coverage of the remaining quota, a Monte Carlo simulation
(P10 / P50 / P90) and a Holt-Winters trend of monthly bookings with its interval.

${DATA_HELP}

${PERIOD_HELP}

${OUTPUT_HELP}

${EXIT_CODES}
`,
  retention: `revops retention — recurring revenue movements, retention and cohorts

Usage:
  revops retention --subscriptions subscriptions.csv [--period 2026-Q2]

${PERIOD_HELP}

Import:
  --subscriptions FILE   customerId, subscriptionId, periodStart, periodEnd, mrr, currency
  --currency CODE, --mapping FILE (see revops report --help)

${OUTPUT_HELP}

${EXIT_CODES}
`,
  demo: `revops demo — the report on the sample organisation shipped with the package

Usage:
  revops demo [--period 2026-Q3] [--member ID] [--json] [--html report.html] [--strict] [--workers N]

The sample organisation (Northwind Cloud) is generated in memory from a fixed seed: the same
every run. To run the report on your own files, use revops report.

${WORKERS_HELP}

${OUTPUT_HELP}

${EXIT_CODES}
`,
};

/** Most worker threads `--workers` takes (revops/parallel's limit). */
const MAX_WORKERS = 64;

/**
 * Reads `--workers N`: a whole number of threads from 1 to 64, written in decimal digits.
 * @throws {UsageError} for anything else (`0`, `abc`, `1.5`, `-2`, `1e1`), naming the flag and the value.
 */
export function readWorkersFlag(text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_WORKERS) {
    throw new UsageError(`--workers must be a whole number of threads from 1 to ${MAX_WORKERS}, got "${text}"`);
  }
  return n;
}

/** The result of reading argv: a command to run, or text to print. */
export type Parsed =
  | { readonly kind: 'run'; readonly invocation: Invocation }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'version' };

const isCommand = (s: string): s is Command => (COMMANDS as readonly string[]).includes(s);

/**
 * Reads the command line.
 * @throws {UsageError} for an unknown command or flag, a flag the command does not take,
 *   a missing value or required flag.
 */
export function parseCommandLine(argv: readonly string[]): Parsed {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') return { kind: 'help', text: HELP.main };
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { kind: 'help', text: HELP.main };
    if (!isCommand(topic)) throw new UsageError(`unknown command "${topic}"`);
    return { kind: 'help', text: HELP[topic] };
  }
  if (first === '--version' || first === '-v' || first === 'version') return { kind: 'version' };
  if (!isCommand(first)) {
    const hint = first.endsWith('.csv') ? ` (to report on a file: revops report --deals ${first})` : '';
    throw new UsageError(`unknown command "${first}"${hint}`);
  }
  const command = first;
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: [...rest], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''), command);
  }
  if (values.help === true) return { kind: 'help', text: HELP[command] };
  const accepts = ACCEPTS[command];
  for (const name of Object.keys(values) as OptionName[]) {
    if (name === 'help') continue;
    if (!accepts.flags.includes(name)) {
      const why =
        command === 'demo' && (DATA_FLAGS as readonly string[]).includes(name)
          ? ': demo runs on the sample organisation; for your own files use revops report'
          : '';
      throw new UsageError(`revops ${command} does not take --${name}${why}`, command);
    }
  }
  for (const name of accepts.required) {
    if (values[name] === undefined) throw new UsageError(`revops ${command} needs --${name} FILE`, command);
  }
  for (const name of [...FILE_FLAGS, 'mapping', 'html'] as const) {
    if (values[name] === '') throw new UsageError(`--${name} needs a file name`, command);
  }
  const flags: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (k !== 'help') flags[k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  }
  return { kind: 'run', invocation: { command, flags: flags as Flags } };
}
