import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/cli/demo.js';
import { loadSample } from '../../src/cli/sample.js';

describe('revops demo', () => {
  it('parses the embedded sample organisation and reports on it', () => {
    const org = loadSample();
    const lines: string[] = [];
    runDemo(org, (l) => lines.push(l));
    const text = lines.join('\n');
    expect(text).toContain('Northwind Cloud');
    expect(text).toContain(`Deals: ${org.deals.length}`);
    // every member appears once under their role
    for (const m of org.members) expect(text.split(m.name).length - 1).toBe(1);
  });
});
