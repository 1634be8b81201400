/**
 * The row engine shared by every kind of import: rows as records or as a 2-D array with a
 * header row, column mapping, cell reading, per-row rejection and warnings, and the dataset
 * checks (duplicate ids, owners among members, several currencies). Kind-specific building and
 * checks live in one file per kind.
 * @module
 */
import { isCurrencyCode, minorUnits, type CurrencyCode } from '../core/currency.js';
import { RevopsError, describeValue } from '../core/errors.js';
import { readInteger } from '../core/read.js';
import { parseFixed } from '../core/fixed.js';
import { type Money, money } from '../core/money.js';
import type { Result } from '../core/result.js';
import type { Member } from '../model/member.js';
import type { Pipeline, PipelineStage } from '../model/pipeline.js';
import {
  DATE_FORMATS,
  type CellProblem,
  type DateFormat,
  isEmptyCell,
  isProblem,
  readBooleanCell,
  readDateCell,
  readDecimalText,
  readInstantCell,
  readIntegerCell,
  readListCell,
  readNumberCell,
  readProbabilityCell,
  readText,
  splitAmountCell,
} from './cells.js';
import { IdSet } from './id-set.js';
import { indexLostReasons } from './lost-reasons.js';
import { quoteText } from './quote.js';
import { PRESETS, PRESET_DEFINITIONS, type PresetColumns } from './presets.js';
import {
  DEFAULT_MAX_REJECTED,
  type ColumnMapping,
  type ImportArrayOptions,
  type ImportCode,
  type ImportIssue,
  type ImportKind,
  type ImportOptions,
  type ImportRejection,
  type ImportResult,
} from './types.js';

/** How a field's cell is read. @internal */
export type CellType =
  | 'id'
  | 'text'
  | 'date'
  | 'instant'
  | 'amount'
  | 'currency'
  | 'enum'
  | 'integer'
  | 'number'
  | 'probability'
  | 'decimal'
  | 'boolean'
  | 'list';

/** One importable field. @internal */
export interface FieldSpec {
  readonly field: string;
  readonly type: CellType;
  /** Allowed values of an enumeration. */
  readonly values?: readonly string[];
  /** Extra labels of an enumeration (normalised label → value). */
  readonly synonyms?: Readonly<Record<string, string>>;
}

/** Options with every default filled in. @internal */
export interface Resolved {
  readonly kind: ImportKind;
  readonly dateFormat: DateFormat;
  readonly decimalSeparator: '.' | ',';
  readonly probabilityScale: 'fraction' | 'percent';
  readonly listSeparator: string;
  readonly currency: CurrencyCode | undefined;
  readonly pipeline: Pipeline | undefined;
  readonly checkDuplicates: boolean;
  /** Stage label (exact, then lower case) → stage. */
  readonly stageByLabel: ReadonlyMap<string, PipelineStage>;
  /** Member id → id, and member name → id. */
  readonly memberIds: ReadonlyMap<string, string> | undefined;
  /** The pipeline's lost-reason catalogue: code, label and their loose forms → code (none without one). */
  readonly lostReasons: ReadonlyMap<string, string> | undefined;
  readonly values: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** `options.columns`, its own entries read once (a getter of the caller's object runs here, not per row). */
  readonly columns: Readonly<Record<string, unknown>> | undefined;
  /**
   * Whether builders may accept a common candidate without its schema (src/import/fast-verify.ts);
   * always true but in the test that compares both paths (tests/import/fast-verify.prop.test.ts).
   */
  readonly fast: boolean;
}

/** What a kind's builder gets for one row. @internal */
export interface RowContext {
  readonly row: number;
  readonly options: Resolved;
  /** The column a field came from (for messages). */
  column(field: string): string | null;
  /** The raw cell of a field. */
  cell(field: string): unknown;
  reject(field: string | null, code: ImportCode, expectation: string, value?: unknown): void;
  warn(field: string | null, code: ImportCode, message: string, value?: unknown): void;
  /** Rejects a missing required field. */
  missing(field: string): void;
  /** Rejects with a message that already names the value. */
  rejectMessage(field: string | null, code: ImportCode, message: string): void;
}

/** A kind of import: its fields, how a row becomes an entity, and which fields the dataset checks read. @internal */
export interface KindSpec<T> {
  readonly kind: ImportKind;
  readonly fields: readonly FieldSpec[];
  /** The id field checked for duplicates, if any. */
  readonly idField?: string;
  /** The field checked against `members` (an owner or member id). */
  readonly memberField?: string;
  /** The pipeline used when none is given (deals, leads). */
  readonly defaultPipeline?: Pipeline;
  /** Builds the entity from the read values, or returns undefined after rejecting. */
  build(values: Readonly<Record<string, unknown>>, ctx: RowContext): T | undefined;
  /** The currency of a built record (for the several-currencies check). */
  currencyOf?(record: T): string | undefined;
}

function optionError(field: string, value: unknown, expectation: string): RevopsError {
  return new RevopsError('INVALID_OPTION', `options.${field} ${expectation}, got ${describeValue(value)}`, {
    field: `options.${field}`,
    value,
  });
}

function resolve(
  kind: ImportKind,
  options: ImportOptions,
  defaultPipeline: Pipeline | undefined,
  fast: boolean,
): Resolved {
  if (typeof options !== 'object' || options === null) throw optionError('', options, 'must be an object');
  const { preset, dateFormat = 'YYYY-MM-DD', decimalSeparator = '.', listSeparator = ';' } = options;
  if (preset !== undefined && !PRESETS.includes(preset)) {
    throw optionError('preset', preset, `must be one of ${PRESETS.join(', ')}`);
  }
  if (!DATE_FORMATS.includes(dateFormat)) {
    throw optionError('dateFormat', dateFormat, `must be one of ${DATE_FORMATS.join(', ')}`);
  }
  if (decimalSeparator !== '.' && decimalSeparator !== ',') {
    throw optionError('decimalSeparator', decimalSeparator, "must be '.' or ','");
  }
  const probabilityScale =
    options.probabilityScale ?? (preset === undefined ? 'fraction' : PRESET_DEFINITIONS[preset].probabilityScale);
  if (probabilityScale !== 'fraction' && probabilityScale !== 'percent') {
    throw optionError('probabilityScale', probabilityScale, "must be 'fraction' or 'percent'");
  }
  if (typeof listSeparator !== 'string' || listSeparator.length === 0) {
    throw optionError('listSeparator', listSeparator, 'must be a non-empty string');
  }
  if (options.currency !== undefined && !isCurrencyCode(options.currency)) {
    throw optionError('currency', options.currency, 'must be an ISO 4217 currency code such as USD');
  }
  const pipeline = options.pipeline ?? defaultPipeline;
  const stageByLabel = new Map<string, PipelineStage>();
  if (pipeline !== undefined) {
    if (typeof pipeline !== 'object' || pipeline === null || !Array.isArray(pipeline.stages)) {
      throw optionError('pipeline', pipeline, 'must be a pipeline with stages');
    }
    const byId = new Map(pipeline.stages.map((s) => [s.id, s] as const));
    for (const s of pipeline.stages) {
      stageByLabel.set(s.id, s);
      if (!stageByLabel.has(s.name)) stageByLabel.set(s.name, s);
    }
    for (const [label, id] of Object.entries(options.stages ?? {})) {
      const stage = byId.get(id);
      if (stage === undefined) {
        throw optionError(`stages[${JSON.stringify(label)}]`, id, `must be a stage id of pipeline "${pipeline.id}"`);
      }
      stageByLabel.set(label, stage);
    }
    for (const [label, stage] of [...stageByLabel]) {
      const lower = label.toLowerCase();
      if (!stageByLabel.has(lower)) stageByLabel.set(lower, stage);
    }
  }
  const catalogue = pipeline?.lostReasons as unknown;
  if (
    catalogue !== undefined &&
    !(
      Array.isArray(catalogue) &&
      catalogue.every((r: unknown) => {
        const { code, label } = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
        return typeof code === 'string' && code !== '' && typeof label === 'string';
      })
    )
  ) {
    throw optionError('pipeline.lostReasons', catalogue, 'must be a list of { code, label } (non-empty code)');
  }
  const ownColumns: unknown = options.columns;
  if (
    ownColumns !== undefined &&
    (typeof ownColumns !== 'object' || ownColumns === null || Array.isArray(ownColumns))
  ) {
    throw optionError('columns', ownColumns, 'must be an object of entity field → column name(s) or function');
  }
  const columns =
    ownColumns === undefined
      ? undefined
      : (Object.fromEntries(
          Object.keys(ownColumns).map((k) => [k, (ownColumns as Record<string, unknown>)[k]]),
        ) as Record<string, unknown>);
  let memberIds: Map<string, string> | undefined;
  if (options.members !== undefined) {
    const list: unknown = options.members;
    if (!Array.isArray(list)) throw optionError('members', list, 'must be an array of members');
    const members = list.map((m: unknown, i) => {
      const { id, name } = (typeof m === 'object' && m !== null ? m : {}) as Partial<Member>;
      if (typeof id !== 'string' || id === '') throw optionError(`members[${i}].id`, id, 'must be a non-empty string');
      return { id, name: typeof name === 'string' ? name : undefined };
    });
    memberIds = new Map();
    for (const m of members) memberIds.set(m.id, m.id);
    for (const m of members) if (m.name !== undefined && !memberIds.has(m.name)) memberIds.set(m.name, m.id);
  }
  return {
    kind,
    dateFormat,
    decimalSeparator,
    probabilityScale,
    listSeparator,
    currency: options.currency,
    pipeline,
    checkDuplicates: options.checkDuplicates ?? true,
    stageByLabel,
    memberIds,
    lostReasons: indexLostReasons(pipeline),
    values: options.values ?? {},
    columns,
    fast,
  };
}

/** Lower case, letters and digits only: `'Best Case'` and `'best_case'` → `'bestcase'`. @internal */
export function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Whether `text` is its own {@link normalizeLabel} (lower-case letters and digits only). */
function isNormalLabel(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/** An enumeration's values by their {@link normalizeLabel} (the first value of a label, as `readEnum` reads them). */
function enumIndex(values: readonly string[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const v of values) {
    const key = normalizeLabel(v);
    if (!index.has(key)) index.set(key, v);
  }
  return index;
}

/**
 * Reads an enumeration cell: a label of `options.values`, else the first value whose normalised
 * label is the cell's (`index`: {@link enumIndex} of the values), else a synonym.
 */
function readEnum(
  spec: FieldSpec,
  cell: unknown,
  labels: Readonly<Record<string, string>> | undefined,
  index: ReadonlyMap<string, string>,
): unknown {
  const text = readText(cell);
  if (isProblem(text)) return text;
  const mapped = labels?.[text];
  if (mapped !== undefined && Object.hasOwn(labels ?? {}, text)) return mapped;
  const key = isNormalLabel(text) ? text : normalizeLabel(text);
  const value = index.get(key);
  if (value !== undefined) return value;
  const synonym = spec.synonyms?.[key];
  if (synonym !== undefined && Object.hasOwn(spec.synonyms ?? {}, key)) return synonym;
  return {
    problem: 'INVALID_VALUE',
    expected: `must be one of ${(spec.values ?? []).join(', ')} (or a label mapped by options.values.${spec.field})`,
  } satisfies CellProblem;
}

function readCell(
  spec: FieldSpec,
  cell: unknown,
  o: Resolved,
  index: ReadonlyMap<string, string> | undefined,
): unknown {
  switch (spec.type) {
    case 'id': {
      const t = readText(cell);
      if (isProblem(t)) return t;
      return t.length > 200 ? { problem: 'INVALID_ID', expected: 'must be at most 200 characters' } : t;
    }
    case 'text':
      return readText(cell);
    case 'date':
      return readDateCell(cell, o.dateFormat);
    case 'instant':
      return readInstantCell(cell, o.dateFormat);
    case 'amount': {
      // the common cell, a plain decimal ("12000", "-5", "12000.5"): kept as written, no currency
      if (o.decimalSeparator === '.' && typeof cell === 'string' && isPlainDecimal(cell)) return cell;
      const { amount, currency } = splitAmountCell(cell);
      const text = readDecimalText(amount, o.decimalSeparator);
      if (isProblem(text))
        return { problem: 'INVALID_AMOUNT', expected: text.expected.replace('a number', 'an amount') };
      return { amount: text, currency };
    }
    case 'currency': {
      const t = readText(cell);
      if (isProblem(t)) return t;
      // a code as written (`USD`) is its own upper case
      if (isCurrencyCode(t)) return t;
      const code = (t as string).toUpperCase();
      return isCurrencyCode(code) ? code : { problem: 'UNKNOWN_CURRENCY', expected: 'must be an ISO 4217 code' };
    }
    case 'enum':
      return readEnum(spec, cell, o.values[spec.field], index ?? enumIndex(spec.values ?? []));
    case 'integer':
      return readIntegerCell(cell, o.decimalSeparator);
    case 'number':
      return readNumberCell(cell, o.decimalSeparator);
    case 'probability':
      return readProbabilityCell(cell, o.probabilityScale, o.decimalSeparator);
    case 'decimal':
      return readDecimalText(cell, o.decimalSeparator);
    case 'boolean':
      return readBooleanCell(cell);
    case 'list':
      return readListCell(cell, o.listSeparator);
  }
}

/**
 * The row being imported: its problems, warnings and cells; the {@link RowContext} of the
 * builders. One per importer, reset for each row (`start`): the cells and the column each came
 * from are kept by field position, so a row allocates no dictionary of its own.
 */
class RowState implements RowContext {
  row = 0;
  readonly problems: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  /** The raw cell of each field, by the field's position in `sources`. */
  readonly cellAt: unknown[];
  /** The column each field's cell came from, by position (set when it is not the first candidate). */
  readonly usedAt: (string | undefined)[];
  /** Whether `values` holds a value (not undefined) for the field at each position. */
  readonly setAt: boolean[];
  private raw: unknown;
  constructor(
    readonly options: Resolved,
    private readonly sources: readonly { spec: FieldSpec; source: Source }[],
    private readonly position: ReadonlyMap<string, number>,
  ) {
    this.cellAt = new Array(sources.length).fill(undefined);
    this.usedAt = new Array(sources.length).fill(undefined);
    this.setAt = new Array(sources.length).fill(false);
    const values: Record<string, unknown> = {};
    for (const { spec } of sources) values[spec.field] = undefined;
    this.values = values;
  }

  /**
   * The read value of every field (undefined: no value), handed to the kind's builder. One object
   * per importer, of one shape, rewritten field by field for each row: builders copy from it and
   * never keep it.
   */
  readonly values: Record<string, unknown>;

  /**
   * Starts a row: no warning (a rejection copies the problems and empties the array). The
   * cells and columns of every field are written by the row's field loop, so none is cleared here.
   */
  start(row: number, raw: unknown): void {
    this.row = row;
    this.raw = raw;
    if (this.warnings.length !== 0) this.warnings.length = 0;
  }

  /** Column names as messages quote them ({@link quoteText}), each quoted once per importer. */
  private readonly quotedColumns = new Map<string, string>();

  private quoted(column: string): string {
    let q = this.quotedColumns.get(column);
    if (q === undefined) {
      q = quoteText(column);
      this.quotedColumns.set(column, q);
    }
    return q;
  }

  column(field: string): string | null {
    const i = this.position.get(field);
    if (i === undefined) return null;
    const used = this.usedAt[i];
    if (used !== undefined) return used;
    const s = this.sources[i]?.source;
    if (s === undefined || s.kind === 'function') return null;
    return s.kind === 'none' ? s.name : (s.names[0] ?? null);
  }

  cell(field: string): unknown {
    const i = this.position.get(field);
    return i === undefined ? undefined : this.cellAt[i];
  }

  issue(field: string | null, code: ImportCode, text: string, value: unknown): ImportIssue {
    const column = field === null ? null : this.column(field);
    // one flat string (join): a template literal would keep a tree of cons strings in every issue kept
    const message =
      column === null
        ? ['row ', this.row, ': ', text].join('')
        : ['row ', this.row, ', column ', this.quoted(column), ': ', text].join('');
    return { row: this.row, column, field, value: jsonSafe(value), code, message };
  }

  /** `given`: the value to report, when it is not the field's cell (it may be `undefined` itself). */
  reject(field: string | null, code: ImportCode, expectation: string, ...given: [value?: unknown]): void {
    const v = given.length > 0 ? given[0] : field === null ? undefined : this.cell(field);
    const label = field === null ? '' : `${field} `;
    this.problems.push(this.issue(field, code, `${label}${expectation}, got ${describeCell(v)}`, v));
  }

  warn(field: string | null, code: ImportCode, message: string, ...given: [value?: unknown]): void {
    const v = given.length > 0 ? given[0] : field === null ? undefined : this.cell(field);
    this.warnings.push(this.issue(field, code, message, v));
  }

  rejectMessage(field: string | null, code: ImportCode, text: string): void {
    const value = field === null ? this.raw : this.cell(field);
    this.problems.push(this.issue(field, code, field === null ? text : `${field} ${text}`, value));
  }

  missing(field: string): void {
    const column = this.column(field);
    const text =
      column === null
        ? `${field} is required and has no value`
        : `${field} is required: no value in column ${quoteText(column)}`;
    this.problems.push(this.issue(field, 'MISSING_VALUE', text, this.cell(field)));
  }
}

/**
 * The value an issue carries: the cell itself when it is a JSON value that survives a round trip
 * (text, a finite number, a boolean, `null`), `undefined` for no cell, and otherwise a bounded
 * description of it (`'NaN'`, `'Infinity'`, `'12n'`, `'[1,2]'`, `'{"a":1}'`): a problem is
 * written to a log or an error file, and must never carry NaN or a structure that cannot be
 * serialised (a cycle, a nesting 10,000 deep, a getter that throws).
 */
function jsonSafe(value: unknown): unknown {
  switch (typeof value) {
    case 'undefined':
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value + 0 : describeValue(value);
    default:
      return value === null ? null : describeValue(value);
  }
}

/** A cell as an import message writes it: text by {@link quoteText}, anything else by `describeValue`. */
function describeCell(value: unknown): string {
  return typeof value === 'string' ? quoteText(value) : describeValue(value);
}

/** A header cell as a column name: text trimmed, a number or boolean as written, anything else described. */
function columnName(cell: unknown): string {
  if (typeof cell === 'string') return cell.trim();
  if (isEmptyCell(cell)) return '';
  if (typeof cell === 'number' || typeof cell === 'boolean' || typeof cell === 'bigint') return String(cell);
  // an object (a nested array, a Date, a proxy): String() could recurse without bound or throw
  return describeValue(cell);
}

/** Where one field's cell is found in a row. */
type Source =
  | { readonly kind: 'none'; readonly name: string }
  | {
      readonly kind: 'columns';
      readonly names: readonly string[];
      readonly indices: readonly number[];
      /** No name is a property of Object.prototype: a plain record's own cell is read without Object.hasOwn. */
      readonly direct: boolean;
    }
  | { readonly kind: 'function'; readonly fn: (row: Readonly<Record<string, unknown>>) => unknown };

function mappingOf(
  field: string,
  own: Readonly<Record<string, unknown>> | undefined,
  preset: PresetColumns | undefined,
): ColumnMapping {
  if (own !== undefined && Object.hasOwn(own, field)) {
    const m = own[field];
    if (typeof m === 'string' || typeof m === 'function') return m as ColumnMapping;
    if (Array.isArray(m) && m.every((name) => typeof name === 'string')) return m as readonly string[];
    throw optionError(`columns.${field}`, m, 'must be a column name, a list of column names or a function');
  }
  if (preset !== undefined && Object.hasOwn(preset, field)) return preset[field] as readonly string[];
  return field;
}

/** Whether no name is a property of Object.prototype (so a plain record's cell of that name is its own). */
function isDirect(names: readonly string[]): boolean {
  return names.every((n) => !(n in Object.prototype));
}

/** A data row seen as a record: column name → cell. */
function rowRecord(raw: unknown, header: readonly string[] | undefined): Readonly<Record<string, unknown>> {
  if (header === undefined) return raw as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = Object.create(null);
  const cells = raw as readonly unknown[];
  for (let i = 0; i < header.length; i++) {
    const name = header[i] as string;
    if (!(name in out)) out[name] = cells[i];
  }
  return out;
}

/**
 * An importer that takes rows one at a time: `push(row)`, `take()` for what has been imported
 * since the last take (so memory stays bounded by the batch), `finish()` for the rest and the
 * file-wide warnings. @internal
 */
export class RowImporter<T> {
  private readonly spec: KindSpec<T>;
  private readonly options: ImportOptions;
  private readonly o: Resolved;
  private readonly preset: PresetColumns | undefined;
  private header: string[] | undefined;
  private sources: { spec: FieldSpec; source: Source }[] | undefined;
  /** {@link enumIndex} of each enumeration field's values, by field position (made with the column binding). */
  private enumIndices: (ReadonlyMap<string, string> | undefined)[] = [];
  /** The row state, reused row after row (created with the column binding). */
  private state: RowState | undefined;
  private mode: 'records' | 'arrays' | undefined;
  private rowNumber = 1;
  private records: T[] = [];
  private recordRows: number[] = [];
  private rejected: ImportRejection[] = [];
  /** Rejected rows since the start (take() does not reset it), and the first of them. */
  private rejectedTotal = 0;
  private firstRejected: ImportRejection | undefined;
  private warnings: ImportIssue[] = [];
  /** The ids seen (duplicate check), made on the first id. */
  private seen: IdSet | undefined;
  private readonly currencies = new Map<string, { count: number; first: number }>();
  private lastCurrency: string | undefined;
  private lastCounter: { count: number; first: number } | undefined;
  private finished = false;

  /** `fast`: false only in the test that compares the fast path with the schemas (see {@link Resolved.fast}). */
  constructor(spec: KindSpec<T>, options: ImportOptions, fast = true) {
    this.spec = spec;
    this.options = options ?? {};
    try {
      this.o = resolve(spec.kind, this.options, spec.defaultPipeline, fast);
      const preset = this.options.preset;
      this.preset = preset === undefined ? undefined : PRESET_DEFINITIONS[preset].columns[spec.kind];
    } catch (thrown) {
      // a getter or proxy of the caller's options that throws: refused like any bad option
      if (thrown instanceof RevopsError) throw thrown;
      throw new RevopsError(
        'INVALID_OPTION',
        `options could not be read (reading them threw ${describeThrown(thrown)})`,
        {
          field: 'options',
          value: undefined,
        },
      );
    }
  }

  /** Maps fields to columns, once the header (2-D) or the first record is known. */
  private bind(names: readonly string[] | undefined): void {
    const index = new Map<string, number>();
    names?.forEach((n, i) => {
      if (!index.has(n)) index.set(n, i);
    });
    this.sources = this.spec.fields.map((spec) => {
      const m = mappingOf(spec.field, this.o.columns, this.preset);
      if (typeof m === 'function') return { spec, source: { kind: 'function', fn: m } as Source };
      const candidates = typeof m === 'string' ? [m] : [...m];
      if (names === undefined) {
        return {
          spec,
          source: { kind: 'columns', names: candidates, indices: [], direct: isDirect(candidates) } as Source,
        };
      }
      const present = candidates.filter((c) => index.has(c));
      const source: Source =
        present.length === 0
          ? { kind: 'none', name: candidates[0] ?? spec.field }
          : {
              kind: 'columns',
              names: present,
              indices: present.map((c) => index.get(c) as number),
              direct: isDirect(present),
            };
      return { spec, source };
    });
    this.enumIndices = this.spec.fields.map((f) => (f.type === 'enum' ? enumIndex(f.values ?? []) : undefined));
    const position = new Map(this.spec.fields.map((f, i) => [f.field, i] as const));
    this.state = new RowState(this.o, this.sources, position);
  }

  /** Rows rejected since the start, whatever was taken since. */
  get rejectedCount(): number {
    return this.rejectedTotal;
  }

  /** The first rejected row since the start. */
  get firstRejection(): ImportRejection | undefined {
    return this.firstRejected;
  }

  /** The number of the last row pushed (the header row is 1). */
  get lastRow(): number {
    return this.rowNumber;
  }

  /** Adds one row (the first row of a 2-D array is its header). */
  push(raw: unknown): void {
    if (this.finished) throw new RevopsError('INVALID_INPUT', 'push after finish(): the importer is finished');
    if (this.mode === undefined) {
      if (Array.isArray(raw)) {
        this.mode = 'arrays';
        this.header = Array.from(raw as readonly unknown[], columnName);
        this.bind(this.header);
        return;
      }
      this.mode = 'records';
      this.bind(undefined);
    }
    this.rowNumber++;
    this.importRow(raw, this.rowNumber);
  }

  private importRow(raw: unknown, row: number): void {
    const sources = this.sources ?? [];
    const state = this.state as RowState;
    state.start(row, raw);
    const ctx: RowContext = state;
    const { problems, warnings, cellAt, usedAt, setAt } = state;
    let record: T | undefined;
    try {
      if (
        this.mode === 'arrays' ? !Array.isArray(raw) : typeof raw !== 'object' || raw === null || Array.isArray(raw)
      ) {
        const shape = this.mode === 'arrays' ? 'an array of cells (as the header row)' : 'a record of column → cell';
        problems.push(state.issue(null, 'INVALID_ROW', `the row must be ${shape}, got ${describeValue(raw)}`, raw));
      } else {
        const values = state.values;
        const arrays = this.mode === 'arrays';
        // a record whose prototype is Object.prototype (or none) holds a column as its own property
        // unless the name is one of Object.prototype's: such names are read through Object.hasOwn
        const proto = arrays ? null : Object.getPrototypeOf(raw);
        const plain = proto === Object.prototype || proto === null;
        let filled = 0;
        let asRecord: Readonly<Record<string, unknown>> | undefined;
        for (let f = 0; f < sources.length; f++) {
          const { spec, source } = sources[f] as { spec: FieldSpec; source: Source };
          let cell: unknown;
          let used: string | undefined;
          if (source.kind === 'columns') {
            const names = source.names;
            for (let k = 0; k < names.length; k++) {
              const name = names[k] as string;
              const c = arrays
                ? (raw as readonly unknown[])[source.indices[k] as number]
                : (plain && source.direct) || Object.hasOwn(raw as object, name)
                  ? (raw as Record<string, unknown>)[name]
                  : undefined;
              if (!isEmptyCell(c)) {
                cell = c;
                if (k > 0) used = name;
                break;
              }
            }
          } else if (source.kind === 'function') {
            asRecord ??= rowRecord(raw, this.header);
            cell = source.fn(asRecord);
            if (isEmptyCell(cell)) cell = undefined;
          }
          usedAt[f] = used;
          cellAt[f] = cell;
          // a field with no value in this row nor the last is left as it is: a store under a name
          // computed at run time costs more than the rest of an empty field (most fields are empty)
          if (cell === undefined) {
            if (setAt[f]) {
              values[spec.field] = undefined;
              setAt[f] = false;
            }
            continue;
          }
          filled++;
          const v = readCell(spec, cell, this.o, this.enumIndices[f]);
          if (isProblem(v)) {
            if (setAt[f]) {
              values[spec.field] = undefined;
              setAt[f] = false;
            }
            ctx.reject(spec.field, v.problem, v.expected, cell);
          } else {
            values[spec.field] = v;
            setAt[f] = v !== undefined;
          }
        }
        if (filled === 0) {
          problems.push(state.issue(null, 'EMPTY_ROW', 'the row is empty (no mapped column has a value)', undefined));
        } else if (problems.length === 0) {
          record = this.spec.build(values, ctx);
          if (record !== undefined && problems.length === 0) this.datasetChecks(record, ctx);
        }
      }
    } catch (thrown) {
      problems.push(
        state.issue(
          null,
          'INVALID_ROW',
          `the row could not be read (reading it threw ${describeThrown(thrown)})`,
          undefined,
        ),
      );
    }
    if (problems.length > 0 || record === undefined) {
      const first = problems[0] ?? state.issue(null, 'INVALID_ROW', 'the row could not be imported', undefined);
      // written out, not spread (`{ ...first, problems }` costs 3× the memory in V8), with an array of
      // its own of the exact length (the row state's is reused)
      const { column, field, value, code, message } = first;
      const all = problems.length <= 1 ? [first] : problems.slice();
      const rejection: ImportRejection = { row: first.row, column, field, value, code, message, problems: all };
      this.rejected.push(rejection);
      this.rejectedTotal++;
      this.firstRejected ??= rejection;
      problems.length = 0;
      return;
    }
    this.records.push(record);
    this.recordRows.push(row);
    for (let w = 0; w < warnings.length; w++) this.warnings.push(warnings[w] as ImportIssue);
  }

  private datasetChecks(record: T, ctx: RowContext): void {
    const r = record as Record<string, unknown>;
    const idField = this.spec.idField;
    if (this.o.checkDuplicates && idField !== undefined && typeof r[idField] === 'string') {
      const id = r[idField] as string;
      this.seen ??= new IdSet();
      const first = this.seen.firstRowOrAdd(id, ctx.row);
      if (first !== 0) {
        ctx.reject(idField, 'DUPLICATE_ID', `must be unique: the same id is in row ${first}`, id);
        return;
      }
    }
    const memberField = this.spec.memberField;
    const members = this.o.memberIds;
    if (members !== undefined && memberField !== undefined && typeof r[memberField] === 'string') {
      const given = r[memberField] as string;
      const id = members.get(given);
      if (id === undefined) {
        ctx.warn(
          memberField,
          'UNKNOWN_OWNER',
          `${memberField} ${quoteText(given)} is neither the id nor the name of a member in options.members`,
          given,
        );
      } else if (id !== given) {
        r[memberField] = id;
      }
    }
    const currency = this.spec.currencyOf?.(record);
    if (currency !== undefined) {
      // rows of one file are mostly in one currency: the last one's counter is at hand
      let c = this.lastCurrency === currency ? this.lastCounter : this.currencies.get(currency);
      if (c === undefined) {
        c = { count: 0, first: ctx.row };
        this.currencies.set(currency, c);
      }
      c.count++;
      this.lastCurrency = currency;
      this.lastCounter = c;
    }
  }

  /** Returns what was imported since the last call, and forgets it. */
  take(): ImportResult<T> {
    const out = {
      records: this.records,
      recordRows: this.recordRows,
      rejected: this.rejected,
      warnings: this.warnings,
    };
    this.records = [];
    this.recordRows = [];
    this.rejected = [];
    this.warnings = [];
    return out;
  }

  /** Ends the import: the rest, and the file-wide warnings (several currencies). */
  finish(): ImportResult<T> {
    this.finished = true;
    if (this.currencies.size > 1) {
      const all = [...this.currencies].sort((a, b) => a[1].first - b[1].first);
      const summary = all.map(([code, c]) => `${c.count} in ${code}`).join(', ');
      for (const [code, c] of all) {
        this.warnings.push({
          row: c.first,
          column: null,
          field: 'currency',
          value: code,
          code: 'SEVERAL_CURRENCIES',
          message:
            `row ${c.first}: ${c.count} row${c.count === 1 ? '' : 's'} in ${code} (first in row ${c.first}); ` +
            `the file holds several currencies (${summary}): totals must be per currency`,
        });
      }
    }
    return this.take();
  }
}

function describeThrown(thrown: unknown): string {
  try {
    if (thrown instanceof Error) return `${String(thrown.name)}: ${String(thrown.message).slice(0, 100)}`;
    return describeValue(thrown);
  } catch {
    return 'an unreadable value';
  }
}

/** Runs a whole array of rows through one importer (`fast`: see {@link Resolved.fast}). @internal */
export function importAll<T>(
  spec: KindSpec<T>,
  rows: readonly unknown[],
  options: ImportArrayOptions,
  fast = true,
): ImportResult<T> {
  const importer = new RowImporter(spec, options, fast);
  const limit = maxRejectedOf(options);
  if (!Array.isArray(rows)) {
    throw new RevopsError('INVALID_INPUT', 'rows must be an array of records or a 2-D array with a header row', {
      field: 'rows',
      value: rows,
    });
  }
  for (const row of rows) {
    importer.push(row);
    if (importer.rejectedCount > limit) throw tooManyRejected(importer, limit);
  }
  return importer.finish();
}

/** `options.maxRejected`: an integer ≥ 0 or +Infinity, by default {@link DEFAULT_MAX_REJECTED}. */
function maxRejectedOf(options: ImportArrayOptions): number {
  const given: unknown = options?.maxRejected;
  if (given === undefined) return DEFAULT_MAX_REJECTED;
  if (given === Number.POSITIVE_INFINITY) return given;
  try {
    return readInteger(given, 'options.maxRejected', { code: 'INVALID_OPTION' });
  } catch {
    // core's count reader decides; the message names the one value it does not take, Infinity
    throw optionError('maxRejected', given, 'must be an integer ≥ 0 (a safe integer), or Number.POSITIVE_INFINITY');
  }
}

/**
 * The refusal of an import past `maxRejected` rejected rows: the count, the limit, the first
 * rejection (in the message and in `details.first`), and how to lift the limit.
 */
function tooManyRejected<T>(importer: RowImporter<T>, limit: number): RevopsError {
  const first = importer.firstRejection;
  const count = importer.rejectedCount;
  const rows = (n: number) => `${n} row${n === 1 ? '' : 's'}`;
  const at = first === undefined ? '' : `; the first, ${first.message} [${first.code}]`;
  return new RevopsError(
    'TOO_MANY_REJECTED',
    `rows: ${rows(count)} rejected by row ${importer.lastRow}, more than options.maxRejected allows ` +
      `(${rows(limit)})${at}. Check the header and the column mapping, or pass maxRejected: ` +
      'Number.POSITIVE_INFINITY (or import with createImporter / importStream, which have no limit)',
    {
      field: 'rows',
      value: count,
      details: {
        rejected: count,
        maxRejected: limit,
        row: importer.lastRow,
        ...(first === undefined
          ? {}
          : { first: { row: first.row, column: first.column, field: first.field, code: first.code } }),
      },
    },
  );
}

const ZEROS = ['', '0', '00', '000', '0000'];

/**
 * `money(text, currency)` without the exact engine for a short plain decimal `[+-]?\d+(\.\d+)?`
 * (at most 15 integer and 15 fractional digits), read by char codes: the same canonical string
 * (leading zeros dropped, at least the currency's `digits` decimals, no other trailing zeros, no
 * `-0`), or undefined to take the exact path. The text itself when it is already canonical. @internal
 */
export function fastMoney(text: string, digits: number): string | undefined {
  const n = text.length;
  const first = text.charCodeAt(0);
  const start = first === 45 || first === 43 ? 1 : 0;
  let dot = -1;
  let nonZero = false;
  for (let k = start; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 46) {
      if (dot >= 0) return undefined;
      dot = k;
    } else if (c < 48 || c > 57) return undefined;
    else if (c !== 48) nonZero = true;
  }
  const intEnd = dot < 0 ? n : dot;
  if (intEnd === start || dot === n - 1 || digits > 4) return undefined;
  let intStart = start;
  while (intStart < intEnd - 1 && text.charCodeAt(intStart) === 48) intStart++;
  if (intEnd - intStart > 15 || (dot >= 0 && n - dot - 1 > 15)) return undefined;
  let end = n;
  if (dot >= 0) while (end - dot - 1 > digits && text.charCodeAt(end - 1) === 48) end--;
  const frac = dot < 0 ? 0 : end - dot - 1;
  const sign = first === 45 && nonZero ? '-' : '';
  if (intStart === (sign === '' ? 0 : 1) && end === n && frac >= digits && (dot >= 0 || digits === 0)) return text;
  const int = text.slice(intStart, intEnd);
  if (frac === 0) return digits === 0 ? `${sign}${int}` : `${sign}${int}.${ZEROS[digits]}`;
  const fraction = text.slice(dot + 1, end);
  return `${sign}${int}.${frac < digits ? fraction + (ZEROS[digits - frac] as string) : fraction}`;
}

/** Whether `text` is `[+-]?\d+(\.\d+)?`, by char codes (no regular expression, no trimming needed). */
function isPlainDecimal(text: string): boolean {
  const n = text.length;
  const first = text.charCodeAt(0);
  let k = first === 45 || first === 43 ? 1 : 0;
  const digitsFrom = k;
  let dot = -1;
  for (; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c === 46 && dot < 0) dot = k;
    else if (c < 48 || c > 57) return false;
  }
  return n > digitsFrom && dot !== digitsFrom && dot !== n - 1;
}

/**
 * The money of an amount field: its decimal with the row's currency (the `currency` column,
 * else a code written in the amount cell, else `options.currency`). Rejects a missing currency,
 * two different currencies, and an amount whose JSON would not parse back. @internal
 */
export function moneyField(v: Readonly<Record<string, unknown>>, field: string, ctx: RowContext): Money | undefined {
  const cell = v[field] as string | { amount: string; currency: CurrencyCode | undefined } | undefined;
  if (cell === undefined) return undefined;
  // a plain decimal cell (the common case) is its text; a cell that wrote a currency is an object
  const text = typeof cell === 'string' ? cell : cell.amount;
  const written = typeof cell === 'string' ? undefined : cell.currency;
  const column = v.currency as CurrencyCode | undefined;
  if (written !== undefined && column !== undefined && written !== column) {
    ctx.reject(field, 'INVALID_AMOUNT', `is written in ${written}, but the currency column says ${column}`);
    return undefined;
  }
  const currency = column ?? written ?? ctx.options.currency;
  if (currency === undefined) {
    ctx.missing('currency');
    return undefined;
  }
  try {
    const fast = fastMoney(text, minorUnits(currency));
    if (fast !== undefined) return { amount: fast, currency };
    const m = money(text, currency);
    parseFixed(m.amount); // what is imported must parse back
    return m;
  } catch {
    ctx.reject(field, 'INVALID_AMOUNT', 'must be an amount of at most 1000 digits');
    return undefined;
  }
}

/**
 * Turns a parser's verdict on a built candidate into the record or the row's rejection: each
 * issue names its field (`INVALID_VALUE`). @internal
 */
export function verified<T>(result: Result<T, RevopsError>, ctx: RowContext): T | undefined {
  if (result.ok) return result.value;
  const issues = result.error.issues;
  if (issues.length === 0) ctx.rejectMessage(null, 'INVALID_VALUE', result.error.message);
  for (const i of issues) {
    const field = typeof i.path[0] === 'string' ? i.path[0] : null;
    const rest = i.path.slice(1).join('.');
    ctx.rejectMessage(field, 'INVALID_VALUE', `${rest === '' ? '' : `(${rest}) `}${i.message}`);
  }
  return undefined;
}
