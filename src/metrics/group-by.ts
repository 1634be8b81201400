/**
 * The one grouping option shared by every KPI: by member, team, territory, role or segment.
 * @module
 */
import { invalid } from '../core/errors.js';
import type { Member } from '../model/member.js';

/** What a KPI can be grouped by. */
export const GROUP_BY_KEYS = ['member', 'team', 'territory', 'role', 'segment'] as const;
/** A grouping: `'member'`, `'team'`, `'territory'`, `'role'` or `'segment'`. */
export type GroupBy = (typeof GROUP_BY_KEYS)[number];

/** The group of an item whose group cannot be told (no segment, an unknown member, …). */
export const UNASSIGNED = '(unassigned)';

/** The grouping options every KPI accepts. */
export interface GroupingOptions {
  /**
   * Also compute the KPI per group; the result then carries `groups`, keyed by member id,
   * team id, territory id, role id or segment. Default: no grouping (totals only).
   */
  readonly groupBy?: GroupBy;
  /**
   * The members, used to find a member's team, role and territory when the item does not
   * carry them itself (a deal carries `teamId`, `territoryId` and `segment`; an activity only
   * its member). Needed for `groupBy: 'role'`. A territory comes from the member only when
   * they have exactly one. Default `[]`.
   */
  readonly members?: readonly Member[];
}

/** What an item tells about its group. @internal */
export interface GroupFacts {
  readonly memberId?: string | undefined;
  readonly teamId?: string | undefined;
  readonly territoryId?: string | undefined;
  readonly segment?: string | undefined;
}

/** Maps an item's facts to its group key. @internal */
export type GroupKeyOf = (facts: GroupFacts) => string;

/**
 * Validates `groupBy` and returns the key function, or `null` when not grouping.
 * @throws {RevopsError} `INVALID_OPTION` for an unknown `groupBy` or a `members` that is not an array.
 * @internal
 */
export function groupKeyFunction(options: GroupingOptions): GroupKeyOf | null {
  const by = options.groupBy;
  if (by === undefined) return null;
  if (!(GROUP_BY_KEYS as readonly string[]).includes(by)) {
    throw invalid('INVALID_OPTION', 'groupBy', by, `must be one of ${GROUP_BY_KEYS.join(', ')}`);
  }
  const members = options.members ?? [];
  if (!Array.isArray(members)) throw invalid('INVALID_OPTION', 'members', members, 'must be an array of members');
  const byId = new Map<string, Member>();
  for (const m of members) byId.set(m.id, m);
  const member = (f: GroupFacts): Member | undefined => (f.memberId === undefined ? undefined : byId.get(f.memberId));
  switch (by) {
    case 'member':
      return (f) => f.memberId ?? UNASSIGNED;
    case 'team':
      return (f) => f.teamId ?? member(f)?.teamId ?? UNASSIGNED;
    case 'role':
      return (f) => member(f)?.roleId ?? UNASSIGNED;
    case 'segment':
      return (f) => f.segment ?? UNASSIGNED;
    case 'territory':
      return (f) => {
        if (f.territoryId !== undefined) return f.territoryId;
        const ids = member(f)?.territoryIds;
        return ids !== undefined && ids.length === 1 ? (ids[0] as string) : UNASSIGNED;
      };
  }
}
