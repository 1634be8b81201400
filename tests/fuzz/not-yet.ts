/**
 * Public functions the fuzz suite does not hold to its properties yet, each with what still
 * escapes (the finding is on the project's board, addressed to the module's engineer, with its
 * exact input). A name leaves this list when its function is clean; a new export is fuzzed
 * from the start.
 */
export const NOT_YET: Readonly<Record<string, string>> = {
  'metrics.summarizeAverageDealSize': 'options null: TypeError reading outcome',
  'metrics.territoryBalance': 'annualSpend.amount given as a number: TypeError (a.charCodeAt)',
  'metrics.assignAccountTiers': 'accounts array with its own constructor key: TypeError (species)',
  'retention.quickRatio': 'options null: TypeError reading preset',
};
