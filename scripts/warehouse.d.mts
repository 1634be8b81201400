/** Types of scripts/warehouse.mjs. */
export type WarehouseType = string | { struct: [string, WarehouseType][] } | { array: WarehouseType };
export interface WarehouseFunction {
  readonly name: string;
  readonly module: string;
  readonly computation: string;
  readonly bigquery: { readonly fn: string; readonly arg: string; readonly type: WarehouseType };
  readonly snowflake: { readonly fn: string };
}
export const WAREHOUSE_FUNCTIONS: readonly WarehouseFunction[];
export function sqlType(t: WarehouseType): string;
export function bigQueryBody(f: WarehouseFunction): Promise<string>;
export function snowflakeBody(f: WarehouseFunction, stage: 'partial' | 'final'): Promise<string>;
export function buildWarehouse(
  outDir?: string,
): Promise<Record<string, { bigquery: number; snowflakePartial: number; snowflakeFinal: number }>>;
