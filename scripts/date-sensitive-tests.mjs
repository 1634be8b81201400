// The date-sensitive tests: the ones `npm test` reruns under extreme time zones
// (vitest.tz.config.ts). The library must never read the machine's time zone; a test can only
// catch it doing so if it feeds dates through the library, so the reruns need only those tests.
//
// A test file is date-sensitive when its code (comments aside) holds a date or instant literal
// ('2026-03-31', '2026-03-31T10:00:00Z', '2026-03') or builds a Date (`new Date`, `Date.UTC`,
// `Date.parse`, fast-check's `fc.date`). A property test (*.prop.test.ts) is rerun when, and only
// when, its subject is a date concept (PROPERTY_SUBJECTS): the others send random numbers or
// entities through the code paths that the example tests already take under those zones, at a
// cost that would double the suite's time. The executed documentation examples (EXAMPLES) run
// every public function on dated data and are rerun too.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './modules.mjs';

/** Property tests whose subject is dates, periods, instants or what is computed from them. */
const SUBJECTS = [
  'dates',
  'periods',
  'utc-date',
  'time-in-stage',
  'stage-durations',
  'aging',
  'cycle-length',
  'cohort-\\w+',
  'mrr-movements',
  'timeline',
  'draws',
  'proration',
  'backtest',
];
export const PROPERTY_SUBJECTS = new RegExp(`(?:^|/)(?:${SUBJECTS.join('|')})\\.prop\\.test\\.ts$`);

/** Tests whose dated inputs live outside the test file (doc comments, guides). */
export const EXAMPLES = ['tests/docs/examples.test.ts', 'tests/docs/guides.test.ts'];

const DATE_LITERAL = /['"`]\d{4}-\d{2}(?:-\d{2})?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?['"`]/;
const DATE_OBJECT = /\bnew Date\b|\bDate\.(?:UTC|parse)\b|\bfc\.date\b/;

/** A rough comment stripper: block comments, then line comments not inside a string on that line. */
function code(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^((?:[^'"`\n]|'[^'\n]*'|"[^"\n]*"|`[^`\n]*`)*?)\/\/.*$/gm, '$1');
}

const hasDates = (text) => DATE_LITERAL.test(text) || DATE_OBJECT.test(text);

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'bundle' && dir.endsWith('tests') ? [] : testFiles(p);
    return d.name.endsWith('.test.ts') ? [p] : [];
  });
}

/**
 * The date-sensitive test files, relative to the repository root, sorted.
 * @param {string} [root]
 * @returns {string[]}
 */
export function dateSensitiveTests(root = ROOT) {
  return testFiles(join(root, 'tests'))
    .map((f) => relative(root, f).replace(/\\/g, '/'))
    .filter((f) => {
      if (f.endsWith('.prop.test.ts')) return PROPERTY_SUBJECTS.test(f);
      return EXAMPLES.includes(f) || hasDates(code(readFileSync(join(root, f), 'utf8')));
    })
    .sort();
}
