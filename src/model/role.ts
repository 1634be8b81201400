/**
 * Roles: who does what in the sales cycle, and what each may do.
 * @module
 */
import * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import type { Role } from './role-types.js';
import { IdSchema, boundedList } from './common.js';
import { PERMISSIONS, PHASES } from './role-types.js';
import { makeParsers } from './parse.js';
import type { Result } from '../core/result.js';
import type { RevopsError } from '../core/errors.js';

/** A role: a job in the sales organisation with its responsibilities and permissions. */
export const RoleSchema: z.ZodType<Role> = lazySchema(() =>
  z.strictObject({
    id: IdSchema,
    name: z.string().min(1),
    phase: z.enum(PHASES),
    responsibilities: boundedList(z.array(z.string().min(1))),
    permissions: boundedList(z.array(z.enum(PERMISSIONS))),
  }),
);

const roleParsers = makeParsers('Role', RoleSchema);
/**
 * Parses a role, throwing on any problem.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseRole } from 'revops/model';
 * parseRole({
 *   id: 'sdr', name: 'SDR', phase: 'leadGeneration', responsibilities: [], permissions: ['lead.qualify'],
 * }).phase;
 * //=> 'leadGeneration'
 * ```
 */
export function parseRole(input: unknown): Role {
  return roleParsers.parse(input);
}
/**
 * Parses a role, returning a Result instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseRole } from 'revops/model';
 * safeParseRole({ id: 'x' }).ok;
 * //=> false
 * ```
 */
export function safeParseRole(input: unknown): Result<Role, RevopsError> {
  return roleParsers.safeParse(input);
}
