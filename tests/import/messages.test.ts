/**
 * What an import message names, whole: the column, the field and the value. Ids (at most 200
 * characters), stage labels, column names and pipeline ids up to 200 characters are quoted in
 * full; a longer text shows its first 120 and last 60 characters and its length, and the issue's
 * `value` and `column` keep it whole (src/import/quote.ts).
 */
import { describe, expect, it } from 'vitest';
import { importDeals, importMembers } from '../../src/import/index.js';
import { quoteText } from '../../src/import/quote.js';
import { defaultDealPipelineSpec, parseMember } from '../../src/model/index.js';

const good = {
  id: 'D-1',
  name: 'Acme',
  accountId: 'acme',
  ownerId: 'ana',
  amount: '1000',
  currency: 'USD',
  stage: 'proposal',
  closeDate: '2026-03-31',
  createdAt: '2026-01-10',
};

// two ids of 200 characters (the longest an id may be) that differ only in their last four
const prefix = `opportunity/${'0'.repeat(184)}`;
const idA = `${prefix}0001`;
const idB = `${prefix}0002`;

describe('import messages quote what they name in full', () => {
  it('DUPLICATE_ID: the 200-character id whole, and the row it was first seen in', () => {
    const r = importDeals([
      { ...good, id: idA },
      { ...good, id: idB },
      { ...good, id: idB },
    ]);
    expect(r.records).toHaveLength(2);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]?.message).toBe(`row 4, column "id": id must be unique: the same id is in row 3, got "${idB}"`);
  });

  it('UNKNOWN_STAGE: a 150-character stage label and a 150-character pipeline id whole', () => {
    const label = `Verbal commit (${'x'.repeat(134)})`;
    const pipelineId = `p-${'y'.repeat(148)}`;
    const pipeline = { ...defaultDealPipelineSpec, id: pipelineId };
    const r = importDeals([{ ...good, stage: label }], { pipeline });
    expect(label).toHaveLength(150);
    expect(r.rejected[0]).toMatchObject({ code: 'UNKNOWN_STAGE', field: 'stage', value: label });
    expect(r.rejected[0]?.message).toContain(`pipeline "${pipelineId}"`);
    expect(r.rejected[0]?.message.endsWith(`got "${label}"`)).toBe(true);
  });

  it('a 190-character column name whole, in a rejection and in a missing value', () => {
    const column = `Amount (converted) ${'z'.repeat(171)}`;
    const negative = importDeals([{ ...good, amount: undefined, [column]: '-5' }], { columns: { amount: column } });
    expect(negative.rejected[0]).toMatchObject({ code: 'NEGATIVE_AMOUNT', column });
    expect(negative.rejected[0]?.message).toBe(
      `row 2, column "${column}": amount must not be negative (a deal amount), got "-5"`,
    );
    const missing = importDeals([{ ...good, amount: undefined, [column]: '' }], { columns: { amount: column } });
    expect(missing.rejected[0]?.message).toBe(
      `row 2, column "${column}": amount is required: no value in column "${column}"`,
    );
  });

  it('UNKNOWN_OWNER: an owner id of 200 characters whole', () => {
    const owner = `ae-${'9'.repeat(196)}x`;
    const members = [parseMember({ id: 'ana', name: 'Ana', roleId: 'ae', startDate: '2025-01-01' })];
    const r = importDeals([{ ...good, ownerId: owner }], { members });
    expect(r.warnings[0]).toMatchObject({ code: 'UNKNOWN_OWNER', value: owner });
    expect(r.warnings[0]?.message).toContain(`ownerId "${owner}" is neither`);
  });

  it('a text past 200 characters: its first 120 and last 60 characters and its length; the value whole', () => {
    const label = `${'a'.repeat(120)}${'b'.repeat(4820)}${'c'.repeat(60)}`;
    expect(quoteText(label)).toBe(`"${'a'.repeat(120)}" … "${'c'.repeat(60)}" (5000 characters)`);
    const r = importMembers([{ id: 'm1', name: 'Ana', roleId: 'ae', startDate: label }]);
    expect(r.rejected[0]).toMatchObject({ code: 'INVALID_DATE', field: 'startDate', value: label });
    expect(r.rejected[0]?.message.endsWith(`got ${quoteText(label)}`)).toBe(true);
  });

  it('quotes as JSON: quotes, backslashes and line breaks are escaped, 200 characters stay whole', () => {
    expect(quoteText('a "b"\\\n')).toBe('"a \\"b\\"\\\\\\n"');
    expect(quoteText('é'.repeat(200))).toBe(`"${'é'.repeat(200)}"`);
  });
});
