/**
 * Public functions the fuzz suite does not hold to its properties yet, each with what still
 * escapes (the finding is on the project's board, addressed to the module's engineer, with its
 * exact input). A name leaves this list when its function is clean; a new export is fuzzed
 * from the start.
 */
export const NOT_YET: Readonly<Record<string, string>> = {};
