/**
 * How import messages quote text (cell values, column names, pipeline ids): whole, up to a bound
 * no id reaches, so a message never loses what it names.
 * @module
 */

/** Longest text (a value, a column name, a pipeline id) an import message quotes in full: an id's limit. */
const QUOTE_LIMIT = 200;

/**
 * A text as an import message quotes it: JSON-quoted in full up to 200 characters (the longest
 * id a row may have), so ids, stage labels and column names are never cut; a longer text as its
 * first 120 and last 60 characters and its length: `"<first 120>" … "<last 60>" (5000 characters)`.
 * The issue's `value` and `column` hold the whole text. @internal
 */
export function quoteText(text: string): string {
  if (text.length <= QUOTE_LIMIT) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, 120))} … ${JSON.stringify(text.slice(-60))} (${text.length} characters)`;
}
