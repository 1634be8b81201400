// Line mapping between two commits for the mutation scripts (mutation-survivors.mjs, mutation-compare.mjs):
// where a line of a file at one commit is at another, from `git diff -U0`.
import { execFileSync } from 'node:child_process';
import { ROOT } from './modules.mjs';

const maps = new Map();

/**
 * Maps a line of `path` at `from` to its line at `to` (null when the line is in a changed hunk); with
 * `ignoreWhitespace`, a line that only changed its indentation keeps its counterpart (`git diff -w`).
 */
export function lineMap(path, from, to, { ignoreWhitespace = false } = {}) {
  if (from === to) return (l) => l;
  const id = `${path} ${from} ${to} ${ignoreWhitespace}`;
  const known = maps.get(id);
  if (known !== undefined) return known;
  const args = ['diff', '-U0', ...(ignoreWhitespace ? ['-w'] : []), from, to, '--', path];
  const diff = execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const hunks = [...diff.matchAll(/^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/gm)].map((m) => ({
    a: Number(m[1]),
    an: m[2] === undefined ? 1 : Number(m[2]),
    b: Number(m[3]),
    bn: m[4] === undefined ? 1 : Number(m[4]),
  }));
  // maps a line of `from` (the hunk's "-" side) to `to` (its "+" side)
  const map = (l) => {
    let shift = 0;
    for (const h of hunks) {
      const start = h.an === 0 ? h.a + 1 : h.a;
      if (l < start) break;
      if (h.an > 0 && l < h.a + h.an) return null;
      // the first line after the hunk on each side ("-a,0" and "+b,0" name the line before it)
      shift = (h.bn === 0 ? h.b + 1 : h.b + h.bn) - (h.an === 0 ? h.a + 1 : h.a + h.an);
    }
    return l + shift;
  };
  maps.set(id, map);
  return map;
}
