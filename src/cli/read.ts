/**
 * The user's files in: CSV text through csv-parse (streamed, with a progress line on a
 * terminal), rows through revops/import (every row imported or listed as rejected), plans and
 * mappings from JSON.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse';
import type { CurrencyCode } from '../core/index.js';
import { createImporter, type ImportKind, type ImportOptions, type ImportedRecord } from '../import/index.js';
import { definePlan } from '../commission/index.js';
import type { Activity, Deal, Lead, Member, Plan, Quota, Subscription } from '../model/index.js';
import { type Flags, UsageError } from './args.js';

/** Where the command writes: stdout for the report, stderr for progress and errors. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal (the progress line is drawn only then). */
  readonly stderrIsTTY: boolean;
}

/** A data problem: exit code 1, nothing written. */
export class DataError extends Error {}

/** One issue of one row of one file, as listed in the report. */
export interface RowIssue {
  readonly file: string;
  readonly row: number;
  readonly column: string | null;
  readonly field: string | null;
  readonly code: string;
  readonly message: string;
}

/** What was read from one file. */
export interface FileSummary {
  readonly kind: ImportKind | 'plan';
  readonly file: string;
  readonly rows: number;
  readonly imported: number;
  readonly rejected: number;
}

/** Everything the report works on. */
export interface Dataset {
  readonly name: string;
  /** The day the data stands at, when known (the sample's); else derived from the data. */
  readonly asOf?: string;
  readonly deals: readonly Deal[];
  readonly leads: readonly Lead[];
  readonly activities: readonly Activity[];
  readonly subscriptions: readonly Subscription[];
  readonly members: readonly Member[];
  readonly quotas: readonly Quota[];
  readonly plans: readonly Plan[];
  /** Member id or role id → plan id. */
  readonly assignments: Readonly<Record<string, string>>;
  readonly files: readonly FileSummary[];
  readonly rejected: readonly RowIssue[];
  readonly warnings: readonly RowIssue[];
  /**
   * The CSV files the deals, leads, activities and subscriptions were read from, with their import options
   * (`--workers N` computes the report's figures from the files themselves, in byte ranges).
   */
  readonly sources?: { readonly [K in 'deals' | 'leads' | 'activities' | 'subscriptions']?: CsvSource };
}

/** A CSV file and the import options it was read with. */
export interface CsvSource {
  readonly path: string;
  readonly import: ImportOptions;
}

/** Stage labels of each vendor's default sales process → stages of the default deal pipeline. */
const PRESET_STAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // Salesforce default opportunity stages (OpportunityStage standard value set)
  salesforce: {
    Prospecting: 'discovery',
    Qualification: 'discovery',
    'Needs Analysis': 'discovery',
    'Value Proposition': 'demo',
    'Id. Decision Makers': 'demo',
    'Perception Analysis': 'demo',
    'Proposal/Price Quote': 'proposal',
    'Negotiation/Review': 'negotiation',
    'Closed Won': 'closed-won',
    'Closed Lost': 'closed-lost',
  },
  // HubSpot default deal pipeline (labels and internal ids)
  hubspot: {
    'Appointment Scheduled': 'discovery',
    appointmentscheduled: 'discovery',
    'Qualified To Buy': 'demo',
    qualifiedtobuy: 'demo',
    'Presentation Scheduled': 'proposal',
    presentationscheduled: 'proposal',
    'Decision Maker Bought-In': 'negotiation',
    decisionmakerboughtin: 'negotiation',
    'Contract Sent': 'negotiation',
    contractsent: 'negotiation',
    'Closed Won': 'closed-won',
    closedwon: 'closed-won',
    'Closed Lost': 'closed-lost',
    closedlost: 'closed-lost',
  },
  // Pipedrive default pipeline; won and lost are the deal's status, not a stage
  pipedrive: {
    Qualified: 'discovery',
    'Contact Made': 'discovery',
    'Demo Scheduled': 'demo',
    'Proposal Made': 'proposal',
    'Negotiations Started': 'negotiation',
  },
};

/** Lead statuses of each vendor's default setup → stages of the default lead pipeline. */
const PRESET_LEAD_STAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // Salesforce standard LeadStatus values
  salesforce: {
    'Open - Not Contacted': 'new',
    'Working - Contacted': 'working',
    'Closed - Converted': 'converted',
    'Closed - Not Converted': 'disqualified',
  },
  // HubSpot lead status (hs_lead_status) labels and internal values
  hubspot: {
    New: 'new',
    NEW: 'new',
    Open: 'working',
    OPEN: 'working',
    'In Progress': 'working',
    IN_PROGRESS: 'working',
    'Attempted to Contact': 'working',
    ATTEMPTED_TO_CONTACT: 'working',
    Connected: 'working',
    CONNECTED: 'working',
    'Open Deal': 'qualified',
    OPEN_DEAL: 'qualified',
    'Bad Timing': 'nurture',
    BAD_TIMING: 'nurture',
    Unqualified: 'disqualified',
    UNQUALIFIED: 'disqualified',
  },
};

/** Lead sources of each vendor's default picklist → the model's lead sources. */
const PRESET_LEAD_SOURCES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // Salesforce standard LeadSource picklist
  salesforce: {
    Web: 'inbound',
    'Phone Inquiry': 'inbound',
    'Partner Referral': 'partner',
    'Purchased List': 'outbound',
    Other: 'other',
  },
  // HubSpot original source (hs_analytics_source) labels and internal values
  hubspot: {
    'Organic Search': 'inbound',
    ORGANIC_SEARCH: 'inbound',
    'Paid Search': 'inbound',
    PAID_SEARCH: 'inbound',
    'Direct Traffic': 'inbound',
    DIRECT_TRAFFIC: 'inbound',
    'Social Media': 'inbound',
    SOCIAL_MEDIA: 'inbound',
    'Paid Social': 'inbound',
    PAID_SOCIAL: 'inbound',
    'Email Marketing': 'inbound',
    EMAIL_MARKETING: 'inbound',
    Referrals: 'referral',
    REFERRALS: 'referral',
    'Other Campaigns': 'other',
    OTHER_CAMPAIGNS: 'other',
    'Offline Sources': 'other',
    OFFLINE: 'other',
  },
};

/** The kinds exported from a CRM, whose dates --date-format describes. */
const CRM_KINDS: readonly ImportKind[] = ['deals', 'leads', 'activities'];

/** Files smaller than this read without a progress line. */
const PROGRESS_FROM_BYTES = 1_000_000;

function fileSize(path: string, flag: string): number {
  try {
    const s = statSync(path);
    if (!s.isFile()) throw new UsageError(`--${flag} ${path}: not a file`);
    return s.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--${flag} ${path}: no such file`);
  }
}

/** A progress line on stderr, redrawn at most every 100 ms, only on a terminal and for large files. */
function progressLine(io: Io, file: string, size: number): { update(bytes: number, rows: number): void; done(): void } {
  if (!io.stderrIsTTY || size < PROGRESS_FROM_BYTES) return { update() {}, done() {} };
  let last = 0;
  let drawn = false;
  return {
    update(bytes, rows) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      drawn = true;
      const pct = Math.min(100, Math.floor((bytes / size) * 100));
      const width = 24;
      const bar = '#'.repeat(Math.round((pct / 100) * width)).padEnd(width, '.');
      io.stderr(`\rreading ${file} [${bar}] ${String(pct).padStart(3)}%  ${rows.toLocaleString('en-US')} rows`);
    },
    done() {
      if (drawn) io.stderr('\r\x1b[K');
    },
  };
}

/** The rows of a CSV file as arrays of cells (header first), streamed through csv-parse. */
async function* csvRows(path: string, flag: string, io: Io): AsyncGenerator<string[]> {
  const size = fileSize(path, flag);
  const progress = progressLine(io, basename(path), size);
  const stream = createReadStream(path);
  let bytes = 0;
  stream.on('data', (chunk) => {
    bytes += chunk.length;
  });
  const parser = stream.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: false }),
  );
  let rows = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rows++;
      progress.update(bytes, rows);
      yield record;
    }
  } catch (e) {
    const err = e as Error & { code?: string; lines?: number };
    if (err.code?.startsWith('CSV_')) {
      throw new DataError(`${path}: not readable as CSV near line ${err.lines ?? '?'}: ${err.message}`);
    }
    throw new DataError(`${path}: ${err.message}`);
  } finally {
    progress.done();
  }
}

function readJson(path: string, flag: string): unknown {
  fileSize(path, flag);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new DataError(`${path}: not valid JSON: ${(e as Error).message}`);
  }
}

/** Import options of one file: the flags, the preset's stage names, then the mapping file's entry. */
function optionsFor(kind: ImportKind, flags: Flags, mapping: Readonly<Record<string, unknown>>): ImportOptions {
  const base: Record<string, unknown> = {};
  if (flags.preset !== undefined) base.preset = flags.preset;
  // the CRM exports are written in the CRM user's locale; members, quotas and subscriptions are
  // files the user writes (ISO dates unless --mapping says otherwise)
  if (flags.dateFormat !== undefined && CRM_KINDS.includes(kind)) base.dateFormat = flags.dateFormat;
  if (flags.currency !== undefined) base.currency = flags.currency as CurrencyCode;
  if (kind === 'deals') {
    const stages: Record<string, string> = { ...(PRESET_STAGES[flags.preset ?? ''] ?? {}) };
    for (const s of flags.stage ?? []) {
      const eq = s.lastIndexOf('=');
      if (eq <= 0 || eq === s.length - 1) throw new UsageError(`--stage must be LABEL=STAGE, got "${s}"`);
      stages[s.slice(0, eq)] = s.slice(eq + 1);
    }
    if (Object.keys(stages).length > 0) base.stages = stages;
  }
  if (kind === 'leads' && PRESET_LEAD_STAGES[flags.preset ?? ''] !== undefined) {
    base.stages = { ...PRESET_LEAD_STAGES[flags.preset ?? ''] };
    base.values = { source: { ...PRESET_LEAD_SOURCES[flags.preset ?? ''] } };
  }
  const extra = mapping[kind];
  if (extra !== undefined) {
    if (typeof extra !== 'object' || extra === null || Array.isArray(extra)) {
      throw new DataError(`--mapping: the entry "${kind}" must be an object of import options`);
    }
    const merged = { ...base, ...(extra as Record<string, unknown>) };
    if (base.stages !== undefined && (extra as { stages?: object }).stages !== undefined) {
      merged.stages = { ...(base.stages as object), ...(extra as { stages: object }).stages };
    }
    return merged as ImportOptions;
  }
  return base as ImportOptions;
}

async function importFile<K extends ImportKind>(
  kind: K,
  path: string,
  options: ImportOptions,
  io: Io,
  out: { files: FileSummary[]; rejected: RowIssue[]; warnings: RowIssue[] },
): Promise<ImportedRecord[K][]> {
  let importer: ReturnType<typeof createImporter<K>>;
  try {
    importer = createImporter(kind, options);
  } catch (e) {
    throw new DataError(`${kind} import options: ${(e as Error).message}`);
  }
  const file = basename(path);
  let rows = -1; // the header row is not a data row
  for await (const row of csvRows(path, kind, io)) {
    importer.push(row);
    rows++;
  }
  const result = importer.finish();
  const issue = (i: {
    row: number;
    column: string | null;
    field: string | null;
    code: string;
    message: string;
  }): RowIssue => ({ file, row: i.row, column: i.column, field: i.field, code: i.code, message: i.message });
  out.rejected.push(...result.rejected.map(issue));
  out.warnings.push(...result.warnings.map(issue));
  out.files.push({
    kind,
    file,
    rows: Math.max(0, rows),
    imported: result.records.length,
    rejected: result.rejected.length,
  });
  return result.records;
}

/** Plans and their assignments from a plan file (a plan, an array, or `{ plans, assignments }`). */
export function readPlans(value: unknown, source: string): { plans: Plan[]; assignments: Record<string, string> } {
  let list: unknown[];
  let assignments: Record<string, string> = {};
  if (Array.isArray(value)) list = value;
  else if (typeof value === 'object' && value !== null && 'plans' in value) {
    const v = value as { plans: unknown; assignments?: unknown };
    if (!Array.isArray(v.plans)) throw new DataError(`${source}: "plans" must be an array of plans`);
    list = v.plans;
    if (v.assignments !== undefined) {
      const a = v.assignments;
      if (
        typeof a !== 'object' ||
        a === null ||
        Array.isArray(a) ||
        Object.values(a).some((x) => typeof x !== 'string')
      ) {
        throw new DataError(`${source}: "assignments" must map member or role ids to plan ids`);
      }
      assignments = a as Record<string, string>;
    }
  } else list = [value];
  const plans = list.map((p, i) => {
    try {
      return definePlan(p as Plan);
    } catch (e) {
      throw new DataError(`${source}: plan ${list.length > 1 ? `[${i}] ` : ''}${(e as Error).message}`);
    }
  });
  const ids = new Set(plans.map((p) => p.id));
  for (const [who, planId] of Object.entries(assignments)) {
    if (!ids.has(planId))
      throw new DataError(`${source}: assignments["${who}"] names no plan of the file: "${planId}"`);
  }
  if (plans.length > 1 && Object.keys(assignments).length === 0) {
    throw new DataError(
      `${source}: ${plans.length} plans and no "assignments": write ` +
        '{ "plans": [...], "assignments": { "<memberId or roleId>": "<planId>" } }',
    );
  }
  return { plans, assignments };
}

/** Reads every file named on the command line. */
export async function readDataset(flags: Flags, io: Io): Promise<Dataset> {
  const out = { files: [] as FileSummary[], rejected: [] as RowIssue[], warnings: [] as RowIssue[] };
  if (flags.preset !== undefined && !['salesforce', 'hubspot', 'pipedrive'].includes(flags.preset)) {
    throw new UsageError(`--preset must be salesforce, hubspot or pipedrive, got "${flags.preset}"`);
  }
  for (const [flag, path] of [
    ['deals', flags.deals],
    ['leads', flags.leads],
    ['activities', flags.activities],
    ['subscriptions', flags.subscriptions],
    ['members', flags.members],
    ['quotas', flags.quotas],
    ['plan', flags.plan],
    ['mapping', flags.mapping],
  ] as const) {
    if (path !== undefined) fileSize(path, flag); // every missing file is a usage error before any work
  }
  const mappingValue = flags.mapping === undefined ? {} : readJson(flags.mapping, 'mapping');
  if (typeof mappingValue !== 'object' || mappingValue === null || Array.isArray(mappingValue)) {
    throw new DataError(`${flags.mapping}: must be an object of import options per file kind`);
  }
  const mapping = mappingValue as Record<string, unknown>;
  const opts = (kind: ImportKind, members?: readonly Member[]): ImportOptions => {
    const o = optionsFor(kind, flags, mapping);
    return members !== undefined && members.length > 0 && o.members === undefined ? { ...o, members } : o;
  };
  const members =
    flags.members === undefined ? [] : await importFile('members', flags.members, opts('members'), io, out);
  const deals =
    flags.deals === undefined ? [] : await importFile('deals', flags.deals, opts('deals', members), io, out);
  const leads =
    flags.leads === undefined ? [] : await importFile('leads', flags.leads, opts('leads', members), io, out);
  const activities =
    flags.activities === undefined
      ? []
      : await importFile('activities', flags.activities, opts('activities', members), io, out);
  const subscriptions =
    flags.subscriptions === undefined
      ? []
      : await importFile('subscriptions', flags.subscriptions, opts('subscriptions'), io, out);
  const quotas =
    flags.quotas === undefined ? [] : await importFile('quotas', flags.quotas, opts('quotas', members), io, out);
  let plans: Plan[] = [];
  let assignments: Record<string, string> = {};
  if (flags.plan !== undefined) {
    ({ plans, assignments } = readPlans(readJson(flags.plan, 'plan'), basename(flags.plan)));
    out.files.push({
      kind: 'plan',
      file: basename(flags.plan),
      rows: plans.length,
      imported: plans.length,
      rejected: 0,
    });
  }
  const sources: Record<string, CsvSource> = {};
  if (flags.deals !== undefined) sources['deals'] = { path: flags.deals, import: opts('deals', members) };
  if (flags.leads !== undefined) sources['leads'] = { path: flags.leads, import: opts('leads', members) };
  if (flags.activities !== undefined) {
    sources['activities'] = { path: flags.activities, import: opts('activities', members) };
  }
  if (flags.subscriptions !== undefined) {
    sources['subscriptions'] = { path: flags.subscriptions, import: opts('subscriptions') };
  }
  return {
    name: 'Report',
    deals,
    leads,
    activities,
    subscriptions,
    members,
    quotas,
    plans,
    assignments,
    ...out,
    sources,
  };
}
