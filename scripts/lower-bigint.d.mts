/** Types of scripts/lower-bigint.mjs. */
export function lowerBigIntLiterals(code: string): { code: string; count: number };
export function lowerBigIntFile(file: string): number;
