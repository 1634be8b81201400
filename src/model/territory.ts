/**
 * Territory: schema, type and parsers.
 * @module
 */
import * as z from 'zod';
import type { Documented } from './input-form.js';
import { lazySchema } from './lazy-schema.js';
import type { RevopsError } from '../core/errors.js';
import type { Result } from '../core/result.js';
import { IdSchema, boundedList } from './common.js';
import { type Segment, SegmentSchema } from './segment.js';
import { makeParsers } from './parse.js';

/** A territory: a slice of the market (region, segment) owned by members. */
export const TerritorySchema = lazySchema(() =>
  z.strictObject({
    id: IdSchema,
    name: z.string().min(1),
    region: z.string().optional(),
    segments: boundedList(z.array(SegmentSchema)).optional(),
    ownerIds: boundedList(z.array(IdSchema)).default([]),
  }),
);
/** A territory: a slice of the market owned by members, as parsed by {@link TerritorySchema}. */
export interface Territory {
  /** Stable identifier of the territory (1–200 characters), e.g. `'emea'`. */
  id: string;
  /** Display name, non-empty. */
  name: string;
  /** Geographic region, free text (e.g. `'DACH'`). Absent: not geographic. */
  region?: string | undefined;
  /** Market segments the territory covers. Absent: every segment. */
  segments?: Segment[] | undefined;
  /** The members who own the territory (member ids). Default `[]`. */
  ownerIds: string[];
}
/** The input form of a territory (before defaults and normalisation). */
export interface TerritoryInput extends Documented<Territory, z.input<typeof TerritorySchema>> {}

const parsers = makeParsers('Territory', TerritorySchema);

/**
 * Parses a territory from unknown input (JSON, a form, a spreadsheet row), throwing on any problem.
 * Unknown keys are rejected.
 *
 * @throws {RevopsError} `INVALID_INPUT` listing every problem with its path.
 * @example
 * ```ts
 * import { parseTerritory } from 'revops/model';
 * parseTerritory({ id: 'emea', name: 'EMEA' }).ownerIds;
 * //=> []
 * ```
 */
export function parseTerritory(input: unknown): Territory {
  return parsers.parse(input);
}

/**
 * Parses a territory, returning `{ ok: true, value }` or `{ ok: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * import { safeParseTerritory } from 'revops/model';
 * safeParseTerritory({ id: '' }).ok;
 * //=> false
 * ```
 */
export function safeParseTerritory(input: unknown): Result<Territory, RevopsError> {
  return parsers.safeParse(input);
}
