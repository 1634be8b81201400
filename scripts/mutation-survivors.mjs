// Lists every Survived and NoCoverage mutant of StrykerJS JSON reports and looks each one up in
// docs/mutation.md: the text after a mention of the file (`src/<module>/<name>.ts`), up to the next
// file mentioned, is that file's entry; the survivor counts as cited when the entry names its line
// (a number, `line:col`, or a range such as 83–101). The entries give lines "as of" a commit
// (AS_OF below, read by hand from each entry); a survivor's line in the measured commit is mapped to
// that commit's line with `git diff -U0` (a line inside a changed hunk has no counterpart: "changed").
// A citation is a lead, not a proof: a number in an entry can be something else (a bound, a count),
// so each line says which line was found; the reasons are in docs/mutation.md.
//
// Usage: node scripts/mutation-survivors.mjs <reports dir> <module> <measured commit> [file=commit ...]
//   e.g. node scripts/mutation-survivors.mjs reports/mutation core 1db8ddf normal.ts=d79563e
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineMap } from './mutation-lines.mjs';
import { ROOT } from './modules.mjs';

/** The commit whose line numbers each entry of docs/mutation.md uses (read from the entries). */
const AS_OF = {
  'core/money.ts': '232ad12',
  'core/errors.ts': '4b6c424',
  'core/allocate.ts': '4a6497c',
  'core/read.ts': '9fcbdb5',
  'core/dates.ts': '86203c8',
  'core/periods.ts': '86203c8',
  'core/exact.ts': 'c5e1a0c',
  'core/divide.ts': 'c5e1a0c',
  'core/rounding.ts': 'c5e1a0c',
  'core/summary.ts': 'ad043c0',
  'core/format.ts': 'ad043c0',
  'core/fixed.ts': '232ad12',
  'core/money-arithmetic.ts': '232ad12',
  'core/money-compare.ts': '9fcbdb5',
  'core/sum-products.ts': '232ad12',
  'core/compiled-rate.ts': '232ad12',
  'core/exact-sum.ts': '232ad12',
  'core/money-column.ts': 'e511365',
  'core/decimal-text.ts': 'dacbabc',
  'core/week-calendar.ts': '56dbd96',
  'core/currency.ts': 'd9757d2',
  'core/wilson.ts': 'd9757d2',
  'core/random.ts': 'bc0db92',
  'core/nelder-mead.ts': 'bc0db92',
  'core/normal.ts': 'd79563e',
  'core/special-functions.ts': 'd79563e',
  'commission/draws.ts': 'd460b51',
  'commission/line.ts': 'd460b51',
  'commission/plan-index.ts': 'd460b51',
  'commission/tiers.ts': 'd460b51',
  'commission/exact.ts': '66149f0',
  'commission/payout-curve.ts': 'd013419',
  'commission/statement.ts': 'd013419',
  'commission/define-plan.ts': 'd013419',
  'commission/read-plan.ts': 'd013419',
  'commission/sums.ts': 'd013419',
  'commission/context.ts': '3e35de9',
  'commission/summary.ts': '9e285cf',
  'commission/payments.ts': '7fc69cc',
  'commission/credit-deals.ts': '7fc69cc',
  'commission/explain.ts': '76348c4',
  'commission/component-lines.ts': '3c221b1',
};

/**
 * Survivors checked by hand (`module/file.ts:line:col Mutator`), where the line test alone would mislead:
 * a cited line whose entry names another mutant of it, or a survivor no entry named before the full runs.
 */
const BY_HAND = {
  'commission/exact.ts:106:7 ConditionalExpression': 'not equivalent, killed since (exact.test.ts)',
  'commission/line.ts:38:7 EqualityOperator': 'named since (38, `<=` → `<`)',
  'commission/component-lines.ts:374:32 ConditionalExpression': 'named since (374:32)',
};

const [dir, scope, measured, ...overrides] = process.argv.slice(2);
if (dir === undefined || scope === undefined || measured === undefined) {
  console.error('usage: node scripts/mutation-survivors.mjs <reports dir> <module> <commit> [file=commit ...]');
  process.exit(2);
}
const measuredOf = new Map(overrides.map((o) => o.split('=')));

/** Entry text per file (`core/money.ts`) from docs/mutation.md's lists of survivors. */
function entries(bare) {
  const doc = readFileSync(join(ROOT, 'docs', 'mutation.md'), 'utf8');
  const text = doc.slice(doc.indexOf('## Surviving mutants that are equivalent'));
  const out = new Map();
  // `src/core/normal.ts`, or a bare `normal.ts 71:7` of the module last named (the P9 list does so)
  const mention = bare
    ? /`src\/((core|commission)\/[a-z-]+\.ts)`|(?<![\w/-])([a-z-]+\.ts)(?= \d)/g
    : /`src\/((core|commission)\/[a-z-]+\.ts)`/g;
  const hits = [...text.matchAll(mention)];
  let module = 'core';
  hits.forEach((m, i) => {
    if (m[2] !== undefined) module = m[2];
    const key = m[1] ?? `${module}/${m[3]}`;
    const end = i + 1 < hits.length ? hits[i + 1].index : text.length;
    out.set(key, `${out.get(key) ?? ''}\n${text.slice(m.index, end)}`);
  });
  return out;
}

/** Line numbers an entry cites: single numbers, `line:col`, and ranges a–b. */
function cited(entry) {
  const lines = new Set();
  const cols = new Set();
  for (const m of entry.matchAll(/(?<![\d.^,x])(\d{1,4})(?:[–-](\d{1,4}))?(?::(\d{1,3}))?(?![\d^])/g)) {
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (m[3] !== undefined) cols.add(`${a}:${m[3]}`);
    for (let l = a; l <= b && b - a < 200; l++) lines.add(l);
  }
  return { lines, cols };
}

// both readings, as an entry may name another file in passing ("as exact.ts 128–144") or not
const strict = entries(false);
const loose = entries(true);
const out = [];
let named = 0;
let all = 0;
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith('.json') || name.includes('incremental') || !name.startsWith(`${scope}-`)) continue;
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  for (const [file, entry] of Object.entries(report.files).sort()) {
    const key = file.slice('src/'.length);
    const base = key.slice(key.indexOf('/') + 1);
    const from = measuredOf.get(base) ?? measured;
    const asOf = AS_OF[key] ?? from;
    const map = lineMap(file, from, asOf);
    const text = `${strict.get(key) ?? ''}\n${loose.get(key) ?? ''}`;
    const { lines, cols } = cited(text);
    const survivors = entry.mutants
      .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
      .sort(
        (x, y) => x.location.start.line - y.location.start.line || x.location.start.column - y.location.start.column,
      );
    for (const m of survivors) {
      all++;
      const { line, column } = m.location.start;
      const r = (m.replacement ?? '').replace(/\s+/g, ' ');
      const rep = r.length > 28 ? `${r.slice(0, 27)}…` : r;
      const old = map(line);
      const status = m.status === 'NoCoverage' ? ' (not covered)' : '';
      let note;
      const hand = BY_HAND[`${key}:${line}:${column} ${m.mutatorName}`];
      if (hand !== undefined) note = `by hand: ${hand}`;
      else if (old === null) note = `line changed since ${asOf}`;
      else if (cols.has(`${old}:${column}`)) note = `cited ${old}:${column}`;
      else if (lines.has(old)) note = `cited ${old}`;
      else note = 'NOT CITED';
      if (note.startsWith('cited') || note.startsWith('by hand: named')) {
        named++;
        if (old !== line) note += ` (${asOf})`;
      }
      out.push(`${key}:${line}:${column} ${m.mutatorName} → ${rep}${status} — ${note}`);
    }
  }
}
console.log(out.join('\n'));
console.error(`${scope}: ${all} survived or not covered, ${named} at a line their file's entry cites`);
