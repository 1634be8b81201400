import { describe, expect, it } from 'vitest';
import { readGrouping, sortedGroups, UNASSIGNED, type GroupFacts } from '../../src/model/group-by.js';
import type { Member } from '../../src/model/member.js';

interface Item extends GroupFacts {
  readonly id?: string;
}

const members: Member[] = [
  { id: 'ana', name: 'Ana', roleId: 'ae', teamId: 'east', territoryIds: ['t1'], startDate: '2025-01-01' },
  { id: 'bo', name: 'Bo', roleId: 'sdr', territoryIds: ['t1', 't2'], startDate: '2025-01-01' },
];
const facts = (item: Item): GroupFacts => item;

describe('readGrouping', () => {
  it('is null without groupBy', () => {
    expect(readGrouping<Item>({}, 'deals', facts)).toBeNull();
  });

  it('reads the item field first, then the owner from members, else (unassigned)', () => {
    const items: Item[] = [{ ownerId: 'ana' }, { ownerId: 'bo', teamId: 'west' }, { ownerId: 'cy' }, {}];
    const keys = (groupBy: 'ownerId' | 'teamId' | 'territoryId' | 'segment' | 'roleId') => {
      const g = readGrouping<Item>({ groupBy, members }, 'deals', facts);
      return items.map((x, i) => g?.keyOf(x, i));
    };
    expect(keys('ownerId')).toEqual(['ana', 'bo', 'cy', UNASSIGNED]);
    expect(keys('teamId')).toEqual(['east', 'west', UNASSIGNED, UNASSIGNED]);
    // bo has two territories: which one cannot be told
    expect(keys('territoryId')).toEqual(['t1', UNASSIGNED, UNASSIGNED, UNASSIGNED]);
    expect(keys('roleId')).toEqual(['ae', 'sdr', UNASSIGNED, UNASSIGNED]);
    expect(keys('segment')).toEqual([UNASSIGNED, UNASSIGNED, UNASSIGNED, UNASSIGNED]);
  });

  it('takes a function, labelled "function", and refuses a key that is not a non-empty string', () => {
    const g = readGrouping<Item>({ groupBy: (x) => (x.id ?? '').slice(0, 1) }, 'deals', facts);
    expect(g?.label).toBe('function');
    expect(g?.keyOf({ id: 'D-1' }, 0)).toBe('D');
    expect(() => g?.keyOf({ id: '' }, 3)).toThrow(
      /options\.groupBy\(deals\[3\] \(id ""\)|options\.groupBy\(deals\[3\]\)/,
    );
  });

  it('refuses an unknown key and members that are not an array', () => {
    // 'member' was the old metrics vocabulary
    expect(() => readGrouping<Item>({ groupBy: 'member' as never }, 'deals', facts)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.groupBy' }),
    );
    expect(() => readGrouping<Item>({ groupBy: 'teamId', members: 'x' as never }, 'deals', facts)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.members' }),
    );
  });
});

describe('sortedGroups', () => {
  it('sorts keys and keeps __proto__ as a plain group', () => {
    const out = sortedGroups(
      new Map([
        ['b', 1],
        ['__proto__', 2],
        ['a', 3],
      ]),
    );
    expect(Object.keys(out)).toEqual(['__proto__', 'a', 'b']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});
