/**
 * The published types keep the field docs: every field of every entity `revops/model` exports is
 * documented in the built `dist/model/index.d.ts` (and the CommonJS `.d.cts`), as an editor shows
 * it on hover — the `…Input` forms users pass to `parseDeal` and the other parsers included. The
 * same check as tests/model/entity-docs.test.ts, over what npm ships.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { undocumentedFields } from '../model/doc-check.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('dist: documented entity fields', () => {
  for (const file of ['dist/model/index.d.ts', 'dist/model/index.d.cts']) {
    it(`${file}: every field of every exported entity type has a doc comment`, () => {
      const { checked, undocumented } = undocumentedFields(resolve(root, file));
      expect(checked).toContain('Deal.amount');
      expect(checked).toContain('Plan.versions');
      // the input forms (what users pass to parseDeal & co.) are documented field by field too
      expect(checked).toContain('DealInput.amount');
      expect(checked).toContain('PlanInput.versions');
      expect(checked.length).toBeGreaterThan(150);
      expect(undocumented).toEqual([]);
    });
  }
});
