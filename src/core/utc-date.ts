/**
 * A `Date` whose calendar fields are read and written in UTC, so that date-fns (which works
 * on a Date's local fields) does calendar arithmetic that no machine time zone can move —
 * not even one that skipped a whole day (Pacific/Kiritimati on 1994-12-31, Pacific/Apia on
 * 2011-12-30). The same idea as `UTCDate` of @date-fns/utc, reduced to what revops needs,
 * so that date-fns stays the only date dependency.
 * @module
 */

/** @internal */
export class UtcDate extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getDay(): number {
    return this.getUTCDay();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return 0;
  }
  override setFullYear(year: number, month?: number, date?: number): number {
    return month === undefined
      ? this.setUTCFullYear(year)
      : date === undefined
        ? this.setUTCFullYear(year, month)
        : this.setUTCFullYear(year, month, date);
  }
  override setMonth(month: number, date?: number): number {
    return date === undefined ? this.setUTCMonth(month) : this.setUTCMonth(month, date);
  }
  override setDate(date: number): number {
    return this.setUTCDate(date);
  }
  override setHours(hours: number, min?: number, sec?: number, ms?: number): number {
    this.setUTCHours(hours);
    if (min !== undefined) this.setUTCMinutes(min);
    if (sec !== undefined) this.setUTCSeconds(sec);
    if (ms !== undefined) this.setUTCMilliseconds(ms);
    return this.getTime();
  }
  override setMinutes(min: number, sec?: number, ms?: number): number {
    this.setUTCMinutes(min);
    if (sec !== undefined) this.setUTCSeconds(sec);
    if (ms !== undefined) this.setUTCMilliseconds(ms);
    return this.getTime();
  }
  override setSeconds(sec: number, ms?: number): number {
    return ms === undefined ? this.setUTCSeconds(sec) : this.setUTCSeconds(sec, ms);
  }
  override setMilliseconds(ms: number): number {
    return this.setUTCMilliseconds(ms);
  }
}
