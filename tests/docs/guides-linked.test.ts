/**
 * The guides are reachable: the README links every guide in docs/guides, each guide opens with
 * the question it answers (a line ending in "?" in its title or first paragraph), and the
 * guides are in the typedoc site (docs/typedoc.json `projectDocuments`) and in the package
 * (package.json `files`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/modules.mjs';

const guides = readdirSync(join(ROOT, 'docs/guides')).filter((f) => f.endsWith('.md'));
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('docs/guides', () => {
  it('are all linked from the README', () => {
    expect(guides.length).toBeGreaterThanOrEqual(4);
    const unlinked = guides.filter((g) => !readme.includes(`](docs/guides/${g})`));
    expect(unlinked).toEqual([]);
  });

  it('each open with the question they answer', () => {
    const without = guides.filter((g) => {
      const [title = '', , first = ''] = readFileSync(join(ROOT, 'docs/guides', g), 'utf8').split('\n');
      return !title.trim().endsWith('?') && !first.trim().endsWith('?');
    });
    expect(without).toEqual([]);
  });

  it('are in the typedoc site and in the package', () => {
    const typedoc = JSON.parse(readFileSync(join(ROOT, 'docs/typedoc.json'), 'utf8')) as {
      projectDocuments?: string[];
    };
    expect(typedoc.projectDocuments).toContain('guides/*.md');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(pkg.files).toContain('docs/guides');
  });
});
