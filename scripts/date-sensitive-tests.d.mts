export declare const PROPERTY_SUBJECTS: RegExp;
export declare function dateSensitiveTests(root?: string): string[];
export declare const EXAMPLES: readonly string[];
