import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { libraryModules, ROOT } from '../../scripts/modules.mjs';

export { ROOT };

/** The public modules (scripts/modules.mjs) and the package specifiers users import. */
export const MODULES: readonly string[] = libraryModules();
export const SPECIFIERS: readonly string[] = ['revops', ...MODULES.map((m) => `revops/${m}`)];

/** The source file behind a specifier. */
export function sourceOf(specifier: string): string {
  return specifier === 'revops'
    ? join(ROOT, 'src/index.ts')
    : join(ROOT, 'src', specifier.slice('revops/'.length), 'index.ts');
}

/** Throws a readable error when the package has not been built. */
export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist/index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` before the bundle tests');
  }
}
