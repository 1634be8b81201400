// Compares the survivors of a later StrykerJS run with the survivors of the full runs that
// docs/mutation-survivors.md lists (lines of 1db8ddf; core's normal, special-functions, nelder-mead and
// random of d79563e) and with the list that ends it ("New in the incremental reruns", lines of 0f9a402).
// Each survivor's line is mapped back with `git diff -U0 -w` (whitespace ignored: issue 14's boundary
// `try` re-indented whole function bodies), and matched by file, line, mutator and replacement (the column
// moves with the indentation). A survivor in neither list is printed as NEW: it needs a test or a reason.
//
// Usage: node scripts/mutation-survivors.mjs reports/mutation core <commit> > survivors.txt
//        node scripts/mutation-compare.mjs survivors.txt <commit>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineMap } from './mutation-lines.mjs';
import { ROOT } from './modules.mjs';

const [survivorsFile, measured] = process.argv.slice(2);
if (survivorsFile === undefined || measured === undefined) {
  console.error('usage: node scripts/mutation-compare.mjs <output of mutation-survivors.mjs> <measured commit>');
  process.exit(2);
}
const doc = readFileSync(join(ROOT, 'docs', 'mutation-survivors.md'), 'utf8');
const key = (file, line, mutator, replacement) => `${file}:${line} ${mutator} → ${replacement}`;
const full = new Set();
const later = new Set();
for (const line of doc.split('\n')) {
  const m = /^((?:core|commission)\/[a-z-]+\.ts):(\d+):\d+ (\w+) → (.*?)(?: \(not covered\))? — /.exec(line);
  if (m) full.add(key(m[1], m[2], m[3], m[4]));
  const n = /^((?:core|commission)\/[a-z-]+\.ts):(\d+):(\d+) (?:Survived|NoCoverage) (\w+) → /.exec(line);
  if (n) later.add(`${n[1]}:${n[2]}:${n[3]} ${n[4]}`);
}
const F9 = new Set(['normal.ts', 'special-functions.ts', 'nelder-mead.ts', 'random.ts']);

const counts = { full: 0, later: 0, new: 0 };
for (const line of readFileSync(survivorsFile, 'utf8').split('\n')) {
  const m = /^((core|commission)\/([a-z-]+\.ts)):(\d+):(\d+) (\w+) → (.*?)(?: \(not covered\))? — /.exec(line);
  if (m === null) continue;
  const [, file, module, base, l, c, mutator, replacement] = m;
  const old = module === 'core' && F9.has(base) ? 'd79563e' : '1db8ddf';
  const before = lineMap(`src/${file}`, measured, old, { ignoreWhitespace: true })(Number(l));
  if (before !== null && full.has(key(file, before, mutator, replacement))) {
    counts.full++;
  } else if (later.has(`${file}:${l}:${c} ${mutator}`)) {
    counts.later++;
    console.log(`later  ${line}`);
  } else {
    counts.new++;
    console.log(`NEW    ${line}${before === null ? ` (line changed since ${old})` : ` (${before} in ${old})`}`);
  }
}
console.error(
  `${counts.full} in the full runs' list, ${counts.later} in the list of the incremental reruns, ${counts.new} new`,
);
