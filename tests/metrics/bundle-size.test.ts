/**
 * The plain-number metrics must not pull zod or decimal.js into a user's bundle. This bundles
 * `import { X } from 'revops/metrics'` from src/metrics/index.ts (tree-shaken, minified, as an
 * app would) and weighs it; tests/bundle/ does the same for the root `revops` on the built dist/.
 */
import { gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function bundle(name: string): Promise<{ gzip: number; inputs: string[]; code: string }> {
  const r = await build({
    stdin: {
      contents: `import { ${name} } from './src/metrics/index.ts';\nglobalThis.out = ${name};\n`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = r.outputFiles[0]?.text ?? '';
  const output = Object.values(r.metafile.outputs)[0];
  const inputs = Object.entries(output?.inputs ?? {})
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k]) => k);
  return { gzip: gzipSync(code).length, inputs, code };
}

describe('compute paths bundle without zod', () => {
  // the model's grouping reader, outcome function and default pipeline data are plain code (no zod)
  it.each(['winRate', 'averageDealSize', 'funnel', 'quotaAttainment', 'activityCounts'])(
    '%s pulls in no zod',
    async (name) => {
      const { inputs, code } = await bundle(name);
      const plain = ['group-by.ts', 'deal-outcome.ts', 'default-pipelines.ts'].map((f) => `src/model/${f}`);
      const schemas = inputs.filter((i) => i.includes('src/model/') && !plain.some((f) => i.endsWith(f)));
      expect([...inputs.filter((i) => i.includes('node_modules/zod/')), ...schemas]).toEqual([]);
      expect(code.includes('ZodError')).toBe(false);
    },
  );
});

describe('plain-number metrics bundle without zod or decimal.js', () => {
  it('conversionRate is under 1 KB minified and gzipped', async () => {
    const { gzip, inputs } = await bundle('conversionRate');
    expect(gzip, inputs.join(', ')).toBeLessThan(1024);
  });
  it.each(['conversionRate', 'wilsonInterval', 'compareRates', 'shrinkRates', 'pipelineVelocity'])(
    '%s pulls in neither zod nor decimal.js',
    async (name) => {
      const { inputs, code } = await bundle(name);
      expect(
        inputs.filter(
          (i) => i.includes('node_modules/zod/') || i.includes('node_modules/decimal.js/') || i.includes('src/model/'),
        ),
      ).toEqual([]);
      expect(code.includes('DecimalError') || code.includes('ZodError')).toBe(false);
    },
  );
});
