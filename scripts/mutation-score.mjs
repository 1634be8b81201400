// Adds up StrykerJS JSON reports (reports/mutation/<name>.json) per module: the mutation score
// (killed + timed out) / (killed + timed out + survived + no coverage), as StrykerJS counts it,
// and the surviving and uncovered mutants with file, line and replacement.
// Usage: node scripts/mutation-score.mjs core [--list]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './modules.mjs';

const scope = process.argv[2] ?? 'core';
const list = process.argv.includes('--list');
const dir = join(ROOT, 'reports', 'mutation');
const byFile = new Map();
for (const name of readdirSync(dir).sort()) {
  if (!name.endsWith('.json') || name.includes('incremental') || !name.startsWith(scope)) continue;
  const report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  const stamp = name;
  for (const [file, entry] of Object.entries(report.files)) {
    if (!file.startsWith(`src/${scope}/`)) continue;
    // a file measured in several reports: a report named after the file (commission-C3summary.json for
    // summary.ts) wins, as the others may hold results reused from an older run; else the later by name
    const part = name.slice(scope.length + 1, -'.json'.length).toLowerCase();
    const named = part.includes(file.slice(file.lastIndexOf('/') + 1, -'.ts'.length).toLowerCase());
    const kept = byFile.get(file);
    if (kept === undefined || named || !kept.named) byFile.set(file, { entry, from: stamp, named });
  }
}
const total = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 };
const rows = [];
for (const [file, { entry, from }] of [...byFile].sort()) {
  const t = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 };
  for (const m of entry.mutants) {
    if (m.status in t) t[m.status]++;
    else t.other++;
    if (list && (m.status === 'Survived' || m.status === 'NoCoverage')) {
      const r = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 70);
      rows.push(`${file}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} → ${r}`);
    }
  }
  for (const k of Object.keys(t)) total[k] += t[k];
  const valid = t.Killed + t.Timeout + t.Survived + t.NoCoverage;
  const score = valid === 0 ? 100 : ((100 * (t.Killed + t.Timeout)) / valid).toFixed(1);
  console.log(`${file.padEnd(36)} ${String(score).padStart(5)} %  ${JSON.stringify(t)}  (${from})`);
}
const valid = total.Killed + total.Timeout + total.Survived + total.NoCoverage;
console.log(
  `\n${scope}: ${((100 * (total.Killed + total.Timeout)) / valid).toFixed(2)} % ` +
    `of ${valid} mutants ${JSON.stringify(total)}`,
);
if (list) console.log(rows.join('\n'));
