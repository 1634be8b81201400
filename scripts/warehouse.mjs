// The warehouse builds: each mergeable computation of src/warehouse/ as the body of a BigQuery
// JavaScript UDAF and of two Snowflake JavaScript UDTFs, with the SQL that creates them.
//
// BigQuery (https://cloud.google.com/bigquery/docs/user-defined-aggregates): the body is an ES
// module exporting initialState / aggregate / merge / finalize; inline code up to 32 KB
// (https://cloud.google.com/bigquery/quotas#udf_limits), else a library file in Cloud Storage.
// Snowflake (https://docs.snowflake.com/en/developer-guide/udf/javascript/udf-javascript-tabular-functions):
// the body is one object literal with processRow / finalize / initialize, all code inline (no
// import), about 100 KB at most.
//
// tsup.config.ts calls buildWarehouse() after each build: dist/warehouse/{bigquery,snowflake}/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './modules.mjs';

const DEAL = {
  struct: [
    ['id', 'STRING'],
    ['stage', 'STRING'],
    ['owner_id', 'STRING'],
    ['amount', 'NUMERIC'],
    ['currency', 'STRING'],
    ['close_date', 'STRING'],
    ['created_at', 'STRING'],
  ],
};
const SUBSCRIPTION = {
  struct: [
    ['customer_id', 'STRING'],
    ['subscription_id', 'STRING'],
    ['period_start', 'STRING'],
    ['period_end', 'STRING'],
    ['mrr', 'NUMERIC'],
    ['currency', 'STRING'],
  ],
};
const MEMBER = {
  struct: [
    ['id', 'STRING'],
    ['name', 'STRING'],
    ['role_id', 'STRING'],
    ['team_id', 'STRING'],
    ['start_date', 'STRING'],
    ['end_date', 'STRING'],
  ],
};
const CREDIT = {
  struct: [
    ['id', 'STRING'],
    ['deal_id', 'STRING'],
    ['member_id', 'STRING'],
    ['kind', 'STRING'],
    ['amount', 'NUMERIC'],
    ['currency', 'STRING'],
    ['date', 'STRING'],
    ['measure', 'STRING'],
    ['units', 'INT64'],
    ['deal_type', 'STRING'],
    ['new_logo', 'BOOL'],
    ['member', MEMBER],
    ['quota', 'NUMERIC'],
  ],
};

/**
 * The functions built. `type` is the BigQuery type of the one aggregated argument (a STRUCT, or
 * an ARRAY of STRUCTs for a unit that must stay whole); Snowflake takes the same fields in an OBJECT.
 */
export const WAREHOUSE_FUNCTIONS = [
  {
    name: 'win-rate',
    module: 'src/warehouse/win-rate.ts',
    computation: 'winRateComputation',
    bigquery: { fn: 'RevopsWinRate', arg: 'deal', type: DEAL },
    snowflake: { fn: 'REVOPS_WIN_RATE' },
  },
  {
    name: 'mrr-movements',
    module: 'src/warehouse/mrr-movements.ts',
    computation: 'mrrMovementsComputation',
    bigquery: { fn: 'RevopsMrrMovements', arg: 'customer_rows', type: { array: SUBSCRIPTION } },
    snowflake: { fn: 'REVOPS_MRR_MOVEMENTS' },
  },
  {
    name: 'commission',
    module: 'src/warehouse/commission.ts',
    computation: 'statementComputation',
    bigquery: { fn: 'RevopsStatement', arg: 'credit', type: CREDIT },
    snowflake: { fn: 'REVOPS_STATEMENT' },
  },
];

/** The SQL text of a type description. */
export function sqlType(t) {
  if (typeof t === 'string') return t;
  if (t.array !== undefined) return `ARRAY<${sqlType(t.array)}>`;
  return `STRUCT<${t.struct.map(([n, x]) => `${n} ${sqlType(x)}`).join(', ')}>`;
}

async function bundle(contents, format, globalName) {
  const out = await build({
    stdin: { contents, resolveDir: ROOT, sourcefile: 'warehouse-entry.ts', loader: 'ts' },
    bundle: true,
    format,
    ...(globalName === undefined ? {} : { globalName }),
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'error',
  });
  return out.outputFiles[0].text;
}

/** The BigQuery module body of a function. */
export async function bigQueryBody(f) {
  return bundle(
    [
      `import { bigQueryAggregate } from './src/warehouse/bigquery.ts';`,
      `import { ${f.computation} as c } from './${f.module}';`,
      'const a = bigQueryAggregate(c);',
      'export function initialState(options) { return a.initialState(options); }',
      'export function aggregate(state, value, options) { a.aggregate(state, value, options); }',
      'export function merge(state, partialState, options) { a.merge(state, partialState, options); }',
      'export function finalize(state, options) { return a.finalize(state, options); }',
    ].join('\n'),
    'esm',
  );
}

/** The Snowflake object-literal body of a function's `stage` ('partial' or 'final'). */
export async function snowflakeBody(f, stage) {
  const make = stage === 'partial' ? 'snowflakePartial' : 'snowflakeFinal';
  const iife = await bundle(
    [
      `import { snowflakeHandler, ${make} } from './src/warehouse/snowflake.ts';`,
      `import { ${f.computation} as c } from './${f.module}';`,
      `export const handler = snowflakeHandler(${make}(c));`,
    ].join('\n'),
    'iife',
    '__revops',
  );
  const expr = iife
    .trim()
    .replace(/^var __revops\s*=\s*/, '')
    .replace(/;$/, '');
  return [
    '{',
    `  api: (${expr}).handler,`,
    '  initialize: function (argumentInfo, context) { this.api.initialize(argumentInfo, context); },',
    '  processRow: function (row, rowWriter, context) { this.api.processRow(row, rowWriter, context); },',
    '  finalize: function (rowWriter, context) { this.api.finalize(rowWriter, context); }',
    '}',
  ].join('\n');
}

function bigQuerySql(f, body) {
  if (body.includes("'''")) throw new Error(`${f.name}: the BigQuery body contains ''' and cannot be a raw string`);
  const signature = `${f.bigquery.fn}(${f.bigquery.arg} ${sqlType(f.bigquery.type)}, options STRING NOT AGGREGATE)`;
  const inline = Buffer.byteLength(body) <= 32 * 1024;
  const head = [
    `-- revops ${f.name}: a BigQuery JavaScript UDAF (generated by scripts/warehouse.mjs; do not edit).`,
    `-- Body: ${Buffer.byteLength(body)} bytes${inline ? '' : ' (over the 32 KB inline limit: load it as a library)'}.`,
  ];
  if (inline) {
    return [
      ...head,
      `CREATE TEMP AGGREGATE FUNCTION ${signature}`,
      'RETURNS STRING',
      'LANGUAGE js',
      "AS r'''",
      body,
      "''';",
      '',
    ].join('\n');
  }
  return [
    ...head,
    `-- Copy dist/warehouse/bigquery/${f.name}.js to a Cloud Storage bucket and name it below.`,
    `CREATE TEMP AGGREGATE FUNCTION ${signature}`,
    'RETURNS STRING',
    'LANGUAGE js',
    `OPTIONS (library = ['gs://YOUR_BUCKET/revops/${f.name}.js'])`,
    "AS r'''",
    `import { initialState as i, aggregate as a, merge as m, finalize as f } from 'revops/${f.name}.js';`,
    'export function initialState(options) { return i(options); }',
    'export function aggregate(state, value, options) { a(state, value, options); }',
    'export function merge(state, partialState, options) { m(state, partialState, options); }',
    'export function finalize(state, options) { return f(state, options); }',
    "''';",
    '',
  ].join('\n');
}

function snowflakeSql(f, partial, final) {
  for (const b of [partial, final]) {
    if (b.includes('$$'))
      throw new Error(`${f.name}: a Snowflake body contains $$ and cannot be a dollar-quoted string`);
  }
  const fn = f.snowflake.fn;
  return [
    `-- revops ${f.name}: two Snowflake JavaScript UDTFs (generated by scripts/warehouse.mjs; do not edit).`,
    `-- Bodies: ${Buffer.byteLength(partial)} and ${Buffer.byteLength(final)} bytes.`,
    `CREATE OR REPLACE FUNCTION ${fn}_PARTIAL(ROW OBJECT, OPTIONS VARCHAR)`,
    'RETURNS TABLE (SUMMARY VARIANT)',
    'LANGUAGE JAVASCRIPT',
    'AS $$',
    partial,
    '$$;',
    '',
    `CREATE OR REPLACE FUNCTION ${fn}_FINAL(SUMMARY VARIANT, OPTIONS VARCHAR)`,
    'RETURNS TABLE (RESULT VARIANT)',
    'LANGUAGE JAVASCRIPT',
    'AS $$',
    final,
    '$$;',
    '',
  ].join('\n');
}

/**
 * Writes every function's bodies and SQL under `outDir` (default dist/warehouse) and returns
 * their sizes in bytes.
 */
export async function buildWarehouse(outDir = join(ROOT, 'dist', 'warehouse')) {
  mkdirSync(join(outDir, 'bigquery'), { recursive: true });
  mkdirSync(join(outDir, 'snowflake'), { recursive: true });
  const sizes = {};
  for (const f of WAREHOUSE_FUNCTIONS) {
    const bq = await bigQueryBody(f);
    const partial = await snowflakeBody(f, 'partial');
    const final = await snowflakeBody(f, 'final');
    writeFileSync(join(outDir, 'bigquery', `${f.name}.js`), bq);
    writeFileSync(join(outDir, 'bigquery', `${f.name}.sql`), bigQuerySql(f, bq));
    writeFileSync(join(outDir, 'snowflake', `${f.name}-partial.js`), partial);
    writeFileSync(join(outDir, 'snowflake', `${f.name}-final.js`), final);
    writeFileSync(join(outDir, 'snowflake', `${f.name}.sql`), snowflakeSql(f, partial, final));
    sizes[f.name] = {
      bigquery: Buffer.byteLength(bq),
      snowflakePartial: Buffer.byteLength(partial),
      snowflakeFinal: Buffer.byteLength(final),
    };
  }
  return sizes;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await buildWarehouse(process.argv[2]), null, 2));
}
