// The one list of public library modules.
//
// A public module is a folder `src/<name>/` with an `index.ts`, except the folders named in
// NOT_LIBRARY_MODULES. tsup.config.ts, the bundle tests and scripts/check-exports.mjs all
// read the list from here; check-exports.mjs makes sure package.json `exports` and
// docs/typedoc.json agree with it.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folders of src/ that hold an index.ts but are not library modules (the Node-only CLI). */
export const NOT_LIBRARY_MODULES = ['cli'];

/**
 * Library modules that run only on Node (worker threads, files): published as subpaths like the
 * others, but not re-exported by the root `revops` (which must load in browsers, workers and
 * Apps Script) and not in the global bundle.
 */
export const NODE_ONLY_MODULES = ['parallel'];

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Names of the public modules (`core`, `model`, ...), sorted, discovered from
 * `src/<name>/index.ts`.
 * @param {string} [root]
 * @returns {string[]}
 */
export function libraryModules(root = ROOT) {
  const src = join(root, 'src');
  return readdirSync(src, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NOT_LIBRARY_MODULES.includes(d.name))
    .filter((d) => existsSync(join(src, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}
