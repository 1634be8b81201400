/**
 * Column names of the standard exports of Salesforce, HubSpot and Pipedrive, per entity field.
 * Each field lists the columns it may come from, first non-empty wins: a vendor's report
 * export (column labels) and its data export (API names) both import with one preset.
 * `lostReasonCode` has no preset column: none of the three documents a lost-reason code (HubSpot's
 * Closed Lost Reason and Pipedrive's lost reason are text; Salesforce's Opportunity has no standard
 * loss reason, see the references below); the text column names a code of the pipeline's
 * catalogue when it holds one of its labels (src/import/lost-reasons.ts).
 * @module
 */

/** The vendors whose standard export columns are known: `'salesforce' | 'hubspot' | 'pipedrive'`. */
export const PRESETS = ['salesforce', 'hubspot', 'pipedrive'] as const;
/** A vendor preset. */
export type Preset = (typeof PRESETS)[number];

/** Field → candidate columns, in order. */
export type PresetColumns = Readonly<Record<string, readonly string[]>>;

/** A preset: column names per entity kind, and how the vendor writes probabilities. */
export interface PresetDefinition {
  /** Columns per import kind (`deals`, `leads`); kinds not listed use the field names. */
  readonly columns: Readonly<Partial<Record<string, PresetColumns>>>;
  /** How the vendor's probability column is scaled. */
  readonly probabilityScale: 'fraction' | 'percent';
}

/**
 * Salesforce. Opportunity report labels (Opportunity Name, Account Name, Opportunity Owner,
 * Stage, Amount, Close Date, Probability (%), Created Date, Type, Lead Source, Forecast
 * Category, Opportunity Currency) and Data Loader / API field names (Id, Name, AccountId,
 * OwnerId, StageName, Amount, CloseDate, Probability, CreatedDate, Type, ForecastCategoryName,
 * CurrencyIsoCode): Opportunity field reference,
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunity.htm
 * and
 * https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-opportunity.html.
 * Probability is 0–100. CloseDate is "the date when the opportunity is expected to close":
 * the expected date while open, the close date once closed. Leads: Id, Name, Company, Email,
 * LeadSource, OwnerId, Status, CreatedDate, ConvertedOpportunityId (Lead object reference,
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm).
 */
const salesforce: PresetDefinition = {
  probabilityScale: 'percent',
  columns: {
    deals: {
      id: ['Opportunity ID', 'Id'],
      name: ['Opportunity Name', 'Name'],
      accountId: ['Account ID', 'AccountId', 'Account Name'],
      ownerId: ['Opportunity Owner', 'OwnerId'],
      type: ['Type', 'Opportunity Type'],
      amount: ['Amount'],
      currency: ['Opportunity Currency', 'CurrencyIsoCode'],
      stage: ['Stage', 'StageName'],
      probability: ['Probability (%)', 'Probability'],
      forecastCategory: ['Forecast Category', 'ForecastCategoryName'],
      closeDate: ['Close Date', 'CloseDate'],
      createdAt: ['Created Date', 'CreatedDate'],
    },
    leads: {
      id: ['Lead ID', 'Id'],
      name: ['Name', 'Full Name'],
      company: ['Company'],
      email: ['Email'],
      source: ['Lead Source', 'LeadSource'],
      ownerId: ['Lead Owner', 'OwnerId'],
      stage: ['Lead Status', 'Status'],
      createdAt: ['Create Date', 'Created Date', 'CreatedDate'],
      convertedDealId: ['Converted Opportunity ID', 'ConvertedOpportunityId'],
    },
  },
};

/**
 * HubSpot. Default deal properties with their labels as an export writes them (Record ID,
 * Deal Name, Deal Stage, Amount, Close Date, Create Date, Deal owner, Currency, Deal Type,
 * Deal probability, Forecast category, Closed Lost Reason) and internal names (hs_object_id,
 * dealname, dealstage, amount, closedate, createdate, hubspot_owner_id, deal_currency_code,
 * dealtype, hs_deal_stage_probability, hs_forecast_category, closed_lost_reason):
 * https://knowledge.hubspot.com/crm-deals/hubspots-default-deal-properties and
 * https://developers.hubspot.com/docs/api/crm/deals. Exports use labels unless internal names
 * are asked for (https://developers.hubspot.com/docs/api/crm/exports). Probability is a
 * fraction 0–1. Close date is "the date the deal is expected to close, or was closed".
 */
const hubspot: PresetDefinition = {
  probabilityScale: 'fraction',
  columns: {
    deals: {
      id: ['Record ID', 'hs_object_id'],
      name: ['Deal Name', 'dealname'],
      accountId: ['Associated Company ID', 'Associated Company', 'Company name'],
      ownerId: ['Deal owner', 'Deal Owner', 'hubspot_owner_id'],
      type: ['Deal Type', 'dealtype'],
      amount: ['Amount', 'amount'],
      currency: ['Currency', 'deal_currency_code'],
      stage: ['Deal Stage', 'dealstage'],
      probability: ['Deal probability', 'hs_deal_stage_probability'],
      forecastCategory: ['Forecast category', 'hs_forecast_category'],
      closeDate: ['Close Date', 'closedate'],
      createdAt: ['Create Date', 'createdate'],
      lostReason: ['Closed Lost Reason', 'closed_lost_reason'],
    },
    leads: {
      id: ['Record ID', 'hs_object_id'],
      name: ['Lead name', 'hs_lead_name'],
      email: ['Email', 'email'],
      source: ['Original Source', 'hs_analytics_source'],
      ownerId: ['Lead owner', 'hubspot_owner_id'],
      stage: ['Lead status', 'hs_lead_status'],
      createdAt: ['Create Date', 'createdate'],
    },
  },
};

/**
 * Pipedrive. The deal fields of the API (title, value, currency, stage_id, user_id, status
 * `open|won|lost`, expected_close_date, won_time, lost_time, lost_reason, add_time,
 * probability), https://developers.pipedrive.com/docs/api/v1/Deals, as the spreadsheet export
 * labels them ("Deal - Title", "Deal - Value", …). Won and lost are a deal's status, not a
 * stage; its close date is the won or lost time (UTC). Probability is 0–100.
 */
const pipedrive: PresetDefinition = {
  probabilityScale: 'percent',
  columns: {
    deals: {
      id: ['Deal - ID', 'id'],
      name: ['Deal - Title', 'title'],
      accountId: ['Deal - Organization', 'Deal - Organization ID', 'org_id'],
      ownerId: ['Deal - Owner', 'user_id'],
      amount: ['Deal - Value', 'value'],
      currency: ['Deal - Currency', 'currency'],
      stage: ['Deal - Stage', 'stage_id'],
      status: ['Deal - Status', 'status'],
      probability: ['Deal - Probability', 'probability'],
      expectedCloseDate: ['Deal - Expected close date', 'expected_close_date'],
      closeDate: ['Deal - Won time', 'Deal - Lost time', 'won_time', 'lost_time'],
      createdAt: ['Deal - Deal created', 'add_time'],
      lostReason: ['Deal - Lost reason', 'lost_reason'],
    },
  },
};

/** The presets by name. @internal */
export const PRESET_DEFINITIONS: Readonly<Record<Preset, PresetDefinition>> = { salesforce, hubspot, pipedrive };
