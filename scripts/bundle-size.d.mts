export interface Budget {
  readonly specifier: string;
  readonly name: string;
  readonly limit: number;
  readonly forbid: readonly string[];
  readonly enforced: boolean;
}
export interface Measured {
  readonly gzip: number;
  readonly minified: number;
  readonly code: string;
  readonly inputs: readonly string[];
  readonly packages: Readonly<Record<string, number>>;
}
export declare const BUDGETS: readonly Budget[];
export declare const MARKERS: Readonly<Record<string, string>>;
export declare function measure(budget: Budget): Promise<Measured>;
export declare function forbiddenIn(budget: Budget, measured: Measured): string[];
