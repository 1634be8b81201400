/**
 * `revops` as a function: argv and output streams in, exit code out, so that tests run it
 * without spawning a process.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { version } from '../../package.json';
import type { computeFile, computeRows } from '../parallel/index.js';
import { type Command, EXIT, type Flags, HELP, parseCommandLine, readWorkersFlag, UsageError } from './args.js';
import { computeFiguresInParallel, type ParallelRunners } from './figures.js';
import { renderHtml } from './html.js';
import { DataError, type Dataset, type Io, readDataset } from './read.js';
import { buildReport, buildReportWith, type Part, type Report, type ReportOptions, readPeriodFlag } from './report.js';
import { loadSample } from './sample.js';
import { renderText } from './text.js';

/** The parts each command prints. */
const PARTS: Readonly<Record<Command, readonly Part[]>> = {
  report: ['pipeline', 'funnel', 'winRates', 'team', 'retention', 'commission'],
  demo: ['pipeline', 'funnel', 'winRates', 'team', 'retention', 'commission'],
  statement: ['commission'],
  forecast: ['pipeline'],
  retention: ['retention'],
};

/** The JSON output: the report with the version and command that made it. */
export function reportJson(command: Command, report: Report): string {
  return `${JSON.stringify({ revops: version, command, ...report }, null, 2)}\n`;
}

/** Writes a file whole or not at all (a temporary file renamed into place). */
function writeWhole(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(`--html ${path}: cannot write: ${(e as Error).message}`);
  }
}

async function run(command: Command, flags: Flags, io: Io, options: MainOptions): Promise<number> {
  if (flags.period !== undefined) readPeriodFlag(flags.period); // usage errors before any file is read
  if (flags.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.asOf)) {
    throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${flags.asOf}"`);
  }
  const workers = flags.workers === undefined ? undefined : readWorkersFlag(flags.workers);
  const data = command === 'demo' ? (options.sample ?? loadSample)() : await readDataset(flags, io);
  const reportOptions: ReportOptions = {
    parts: PARTS[command],
    ...(flags.period === undefined ? {} : { period: flags.period }),
    ...(flags.asOf === undefined ? {} : { asOf: flags.asOf }),
    ...(flags.member === undefined ? {} : { member: flags.member }),
  };
  let report: Report;
  if (workers === undefined) report = buildReport(data, reportOptions);
  else {
    // revops/parallel (and piscina) load only when asked for
    let runners: ParallelRunners;
    if (options.computeRows !== undefined) {
      const file = options.computeFile;
      runners = { rows: options.computeRows, ...(file === undefined ? {} : { file }) };
    } else {
      const parallel = await import('../parallel/index.js');
      runners = { rows: parallel.computeRows, file: options.computeFile ?? parallel.computeFile };
    }
    report = await buildReportWith(data, reportOptions, (requests) =>
      computeFiguresInParallel(requests, data, workers, runners),
    );
  }
  const rejected = report.data.rejected;
  if (flags.strict === true && rejected.length > 0) {
    const listed = rejected.slice(0, 50).map((r) => `  ${r.file}: ${r.message} [${r.code}]`);
    const more = rejected.length > 50 ? [`  … and ${rejected.length - 50} more`] : [];
    io.stderr(
      `revops: ${rejected.length} rows rejected (--strict); nothing written:\n${[...listed, ...more].join('\n')}\n`,
    );
    return EXIT.data;
  }
  if (flags.html !== undefined) writeWhole(flags.html, renderHtml(report));
  io.stdout(flags.json === true ? reportJson(command, report) : `${renderText(report).join('\n')}\n`);
  return EXIT.ok;
}

/** Options of {@link main}. */
export interface MainOptions {
  /** Where the sample organisation comes from (default: the JSON files shipped with the package). */
  readonly sample?: () => Dataset;
  /** revops/parallel's `computeRows` for `--workers` (default: the package's; tests pass one running the sources). */
  readonly computeRows?: typeof computeRows;
  /**
   * revops/parallel's `computeFile` for `--workers` over the CSV files (default: the package's when `computeRows` is
   * not given either; tests pass one running the sources). Without it, the figures run over the imported entities.
   */
  readonly computeFile?: typeof computeFile;
}

/**
 * Runs the command line `argv` (without `node` and the script) and returns the exit code:
 * 0 done, 1 data problem, 2 usage error (see `EXIT`).
 */
export async function main(argv: readonly string[], io: Io, options: MainOptions = {}): Promise<number> {
  let command: Command | undefined;
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'help') {
      io.stdout(parsed.text);
      return EXIT.ok;
    }
    if (parsed.kind === 'version') {
      io.stdout(`${version}\n`);
      return EXIT.ok;
    }
    command = parsed.invocation.command;
    return await run(command, parsed.invocation.flags, io, options);
  } catch (e) {
    if (e instanceof UsageError) {
      const which = e.command ?? command;
      const hint = which === undefined ? 'revops --help' : `revops ${which} --help`;
      io.stderr(`revops: ${e.message}\nRun \`${hint}\` for usage.\n`);
      return EXIT.usage;
    }
    if (e instanceof DataError) {
      io.stderr(`revops: ${e.message}\n`);
      return EXIT.data;
    }
    throw e;
  }
}

export { HELP };
