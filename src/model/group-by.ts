/**
 * The one grouping option of the library (`groupBy`): per owner, team, territory, segment or
 * role, or by any function of the item. Metrics and forecast share it, so a key means the same
 * everywhere. Plain code: this file imports no zod at run time.
 * @module
 */
import { invalid } from '../core/errors.js';
import { entityPath, readArray, readObject } from '../core/read.js';
import { invalidSummary } from '../core/summary.js';
import type { Member } from './member.js';

/** The entity fields a result can be grouped by. */
export const GROUP_BY_KEYS = ['ownerId', 'teamId', 'territoryId', 'segment', 'roleId'] as const;

/** An entity field a result can be grouped by (see {@link GROUP_BY_KEYS}). */
export type GroupByKey = (typeof GROUP_BY_KEYS)[number];

/**
 * A grouping: an entity field (`'ownerId'`, `'teamId'`, `'territoryId'`, `'segment'`,
 * `'roleId'`) or a function returning the group key of an item.
 */
export type GroupBy<T = never> = GroupByKey | ((item: T) => string);

/** The group of an item that has no value for the grouping key (no team, no segment, …). */
export const UNASSIGNED = '(unassigned)';

/** The grouping options of every function that can group its result. */
export interface GroupingOptions<T = never> {
  /**
   * Also compute the result per group; it then carries `groups: Record<key, …>` (keys sorted).
   * `'ownerId'` groups by the deal's or lead's owner (an activity's or quota's `memberId`);
   * `'teamId'`, `'territoryId'` and `'segment'` by the item's field, else by its owner's (from
   * `members`: a territory only when the member has exactly one); `'roleId'` by the owner's
   * role (from `members`). A function returns the key itself (a non-empty string). An item
   * with no value goes to `'(unassigned)'`. Default: no grouping.
   */
  readonly groupBy?: GroupBy<T>;
  /** The members, to find an owner's team, role and territory. Default `[]`. */
  readonly members?: readonly Member[];
}

/** What an item tells about its group. @internal */
export interface GroupFacts {
  readonly ownerId?: string | undefined;
  readonly teamId?: string | undefined;
  readonly territoryId?: string | undefined;
  readonly segment?: string | undefined;
}

/** What a summary records of its grouping: the key, `'function'` for a function, or `null`. */
export type GroupLabel = GroupByKey | 'function' | null;

/**
 * Reads the `groupBy` field of a summary (metrics and forecast alike).
 * @throws {RevopsError} `INVALID_SUMMARY` naming `field` for anything but `null`, `'function'` or
 *   a key of {@link GROUP_BY_KEYS} (the value quoted in brief).
 * @internal
 */
export function summaryGroupBy(value: unknown, field: string): GroupLabel {
  if (value === null || value === 'function' || (GROUP_BY_KEYS as readonly unknown[]).includes(value)) {
    return value as GroupLabel;
  }
  throw invalidSummary(field, value, `must be null, 'function' or one of ${GROUP_BY_KEYS.join(', ')}`);
}

/** A grouping read once: its label (for summaries) and the key of an item. @internal */
export interface Grouper<T> {
  /** The key name, or `'function'` for a function (what a summary records in `groupBy`). */
  readonly label: GroupByKey | 'function';
  /** The group key of the item at `index`. */
  readonly keyOf: (item: T, index: number) => string;
}

function memberIndex(value: unknown): Map<string, Member> {
  const members = readArray(value ?? [], 'options.members', 'INVALID_OPTION');
  const byId = new Map<string, Member>();
  members.forEach((m, i) => {
    const o = readObject(m, entityPath('options.members', i, m), 'INVALID_OPTION');
    if (typeof o['id'] !== 'string')
      throw invalid('INVALID_OPTION', `options.members[${i}].id`, o['id'], 'must be a string');
    byId.set(o['id'], m as Member);
  });
  return byId;
}

/**
 * Reads `options.groupBy` (and `options.members`) once and returns the grouping, or `null`
 * when not grouping. `factsOf` tells what an item carries (owner, team, territory, segment).
 * @throws {RevopsError} `INVALID_OPTION` for an unknown `groupBy`, a `members` that is not an
 *   array of members, or a function that returns something other than a non-empty string;
 *   `INVALID_INPUT` (when an item is keyed) for a key field that is not a string (a Symbol, an object).
 * @internal
 */
export function readGrouping<T>(
  options: GroupingOptions<T>,
  collection: string,
  factsOf: (item: T) => GroupFacts,
): Grouper<T> | null {
  const by: unknown = options.groupBy;
  if (by === undefined) return null;
  if (typeof by === 'function') {
    const f = by as (item: T) => unknown;
    return {
      label: 'function',
      keyOf: (item, i) => {
        const key = f(item);
        if (typeof key !== 'string' || key.length === 0) {
          throw invalid(
            'INVALID_OPTION',
            `options.groupBy(${entityPath(collection, i, item)})`,
            key,
            'must be a non-empty string',
          );
        }
        return key;
      },
    };
  }
  if (!(GROUP_BY_KEYS as readonly unknown[]).includes(by)) {
    throw invalid('INVALID_OPTION', 'options.groupBy', by, `must be a function or one of ${GROUP_BY_KEYS.join(', ')}`);
  }
  const key = by as GroupByKey;
  const byId = memberIndex(options.members);
  const owner = (f: GroupFacts): Member | undefined => (f.ownerId === undefined ? undefined : byId.get(f.ownerId));
  const keyOf = (f: GroupFacts): string => {
    switch (key) {
      case 'ownerId':
        return f.ownerId ?? UNASSIGNED;
      case 'teamId':
        return f.teamId ?? owner(f)?.teamId ?? UNASSIGNED;
      case 'roleId':
        return owner(f)?.roleId ?? UNASSIGNED;
      case 'segment':
        return f.segment ?? UNASSIGNED;
      case 'territoryId': {
        if (f.territoryId !== undefined) return f.territoryId;
        const ids = owner(f)?.territoryIds;
        return ids !== undefined && ids.length === 1 ? (ids[0] as string) : UNASSIGNED;
      }
    }
  };
  return {
    label: key,
    keyOf: (item, i) => {
      const k: unknown = keyOf(factsOf(item));
      // a Symbol, a proxy or an object as an id would fail when the group keys are sorted
      if (typeof k !== 'string') {
        const why = `must be a string (groupBy '${key}' groups by it)`;
        throw invalid('INVALID_INPUT', `${entityPath(collection, i, item)}.${key}`, k, why);
      }
      return k;
    },
  };
}

/**
 * A record of groups with keys in sorted order (own data properties, so a key such as
 * `__proto__` is a group like any other).
 * @internal
 */
export function sortedGroups<V>(groups: ReadonlyMap<string, V>): Record<string, V> {
  return Object.fromEntries([...groups.keys()].sort().map((k) => [k, groups.get(k) as V]));
}
