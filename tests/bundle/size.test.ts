/**
 * A user who imports one plain-number function must not pay for decimal.js or zod: bundle
 * `import { IMPORTED } from 'revops'` from the built package the way an app would (esbuild,
 * minified, tree-shaken, resolved through package.json `exports`) and weigh it.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT } from './helpers.js';

/** The function imported from 'revops'. */
const IMPORTED = 'conversionRate';
/** Gzipped size limit of the minified bundle, in bytes. */
const LIMIT_GZIP_BYTES = 1024;
/** Strings that appear only in the dependencies' code. */
const FORBIDDEN = { 'decimal.js': 'DecimalError', zod: 'ZodError' };

let code = '';
let inputs: string[] = [];

beforeAll(async () => {
  assertBuilt();
  const result = await build({
    stdin: {
      contents: `import { ${IMPORTED} } from 'revops';\nglobalThis.out = ${IMPORTED};\n`,
      // inside the package: esbuild resolves 'revops' as a self-reference, through `exports`
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  code = result.outputFiles[0]?.text ?? '';
  const output = Object.values(result.metafile.outputs)[0];
  inputs = Object.entries(output?.inputs ?? {})
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k]) => k);
});

describe(`import { ${IMPORTED} } from 'revops', bundled and minified`, () => {
  it('comes from dist/', () => {
    expect(inputs.some((i) => i.startsWith('dist/'))).toBe(true);
  });

  it(`is under ${LIMIT_GZIP_BYTES} bytes gzipped`, () => {
    const size = gzipSync(code).length;
    expect(size, `${size} B gzipped (${code.length} B minified), from ${inputs.join(', ')}`).toBeLessThan(
      LIMIT_GZIP_BYTES,
    );
  });

  it.each(Object.entries(FORBIDDEN))('contains no %s', (dependency, marker) => {
    expect(inputs.filter((i) => i.includes(`node_modules/${dependency}/`))).toEqual([]);
    expect(code.includes(marker), `the bundle contains "${marker}"`).toBe(false);
  });
});
