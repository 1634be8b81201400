/**
 * `revops/import`: rows from CRM exports and spreadsheets (records, or 2-D arrays with a header
 * row) to entities — column mapping, vendor presets (Salesforce, HubSpot, Pipedrive), pipeline
 * defaults, dataset checks, and every row accounted for: each data row ends in exactly one of
 * `records` and `rejected`, with row numbers as a spreadsheet shows them. The library does not
 * parse CSV text; it takes what any CSV parser or spreadsheet gives.
 * @module import
 */
export { importDeals } from './deals.js';
export { importLeads } from './leads.js';
export { importActivities } from './activities.js';
export { importSubscriptions } from './subscriptions.js';
export { importMembers } from './members.js';
export { importQuotas } from './quotas.js';
export { importCredits } from './credits.js';
export { createImporter, importStream, type Importer, type ImportStreamOptions } from './importer.js';
export { DATE_FORMATS, type DateFormat } from './cells.js';
export { PRESETS, type Preset } from './presets.js';
export {
  DEFAULT_MAX_REJECTED,
  IMPORT_KINDS,
  REJECTION_CODES,
  WARNING_CODES,
  type ColumnMapping,
  type ImportArrayOptions,
  type ImportCode,
  type ImportIssue,
  type ImportKind,
  type ImportOptions,
  type ImportRejection,
  type ImportResult,
  type ImportedRecord,
  type RejectionCode,
  type WarningCode,
} from './types.js';
