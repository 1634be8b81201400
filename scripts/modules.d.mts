export declare const NOT_LIBRARY_MODULES: readonly string[];
export declare const NODE_ONLY_MODULES: readonly string[];
export declare const ROOT: string;
export declare function libraryModules(root?: string): string[];
