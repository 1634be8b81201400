/**
 * Enumerations shared by several entities: market segment, deal type, forecast category.
 * @module
 */
import * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { DEAL_TYPES, FORECAST_CATEGORIES, SEGMENTS } from './vocabulary.js';

export { SEGMENTS };
/** A market segment. */
export type Segment = (typeof SEGMENTS)[number];
/** Schema of {@link Segment}. */
export const SegmentSchema = lazySchema(() => z.enum(SEGMENTS));

export { DEAL_TYPES };
/** A deal type. */
export type DealType = (typeof DEAL_TYPES)[number];
/** Schema of {@link DealType}. */
export const DealTypeSchema = lazySchema(() => z.enum(DEAL_TYPES));

/**
 * Forecast categories (Salesforce's standard set): a rep's judgement of a deal, defaulted
 * from its stage and overridable. `closed` is for won deals; lost deals are `omitted`.
 */
export { FORECAST_CATEGORIES };
/** A forecast category. */
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];
/** Schema of {@link ForecastCategory}. */
export const ForecastCategorySchema = lazySchema(() => z.enum(FORECAST_CATEGORIES));
