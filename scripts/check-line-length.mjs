#!/usr/bin/env node
// `npm run check:lines`: no line longer than MAX characters in the code we write (src, tests,
// bench, scripts). Biome's formatter wraps code at 120 columns but not strings or comments;
// this catches those. Counts characters (Unicode code points), not bytes. A comment line that is
// only a URL is exempt (it cannot be wrapped).
//
// Usage: node scripts/check-line-length.mjs [--summary]
//   lists every long line as path:line (length); --summary lists only the count per file.
//   Exits 1 when there is a long line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from './modules.mjs';

export const MAX = 120;
const DIRS = ['src', 'tests', 'bench', 'scripts'];
const EXTENSIONS = /\.(?:[cm]?[jt]s|tsx)$/;
const SKIP = new Set(['node_modules', 'dist', 'fixtures']);
/** A comment line that is one URL (and a closing punctuation mark): it cannot be wrapped. */
const URL_LINE = /^\s*(?:\*|\/\/)\s*https?:\/\/\S+\s*$/;

function files(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return SKIP.has(d.name) ? [] : files(p);
    return EXTENSIONS.test(d.name) ? [p] : [];
  });
}

const long = [];
for (const file of DIRS.flatMap((d) => files(join(ROOT, d))).sort()) {
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      const length = [...line].length;
      if (length > MAX && !URL_LINE.test(line)) long.push({ file: relative(ROOT, file), line: i + 1, length });
    });
}

if (long.length === 0) {
  console.log(`check-line-length: no line over ${MAX} characters in ${DIRS.join(', ')}`);
  process.exit(0);
}
if (process.argv.includes('--summary')) {
  const perFile = new Map();
  for (const l of long) perFile.set(l.file, (perFile.get(l.file) ?? 0) + 1);
  for (const [file, n] of perFile) console.log(`${String(n).padStart(4)}  ${file}`);
} else {
  for (const l of long) console.log(`${l.file}:${l.line} (${l.length})`);
}
const fileCount = new Set(long.map((l) => l.file)).size;
console.error(`check-line-length: ${long.length} line(s) over ${MAX} characters in ${fileCount} file(s)`);
process.exit(1);
