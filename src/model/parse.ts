/**
 * Turning zod results into revops' two error channels: `parse` throws a RevopsError
 * listing every problem with its path; `safeParse` returns a Result.
 * @module
 */
import type * as z from 'zod';
import { RevopsError, describeValue, type RevopsIssue } from '../core/errors.js';
import type { Result } from '../core/result.js';

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/** Converts a zod error to a RevopsError('INVALID_INPUT') listing every issue. @internal */
export function toRevopsError(entity: string, error: z.ZodError, input: unknown): RevopsError {
  const issues: RevopsIssue[] = error.issues.map((i) => ({
    path: i.path.map((k) => (typeof k === 'symbol' ? String(k) : k)),
    message: i.message,
    code: i.code,
  }));
  const lines = issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
  const first = issues[0];
  return new RevopsError('INVALID_INPUT', `Invalid ${entity}: ${lines.join('; ')}`, {
    field: first ? formatPath(first.path) : entity,
    value: input,
    issues,
  });
}

/** A pair of parse functions for one schema. @internal */
export interface Parsers<T> {
  parse: (input: unknown) => T;
  safeParse: (input: unknown) => Result<T, RevopsError>;
}

/** Builds `parse` / `safeParse` for a schema. @internal */
export function makeParsers<S extends z.ZodType>(entity: string, schema: S): Parsers<z.output<S>> {
  const safeParse = (input: unknown): Result<z.output<S>, RevopsError> => {
    const r = schema.safeParse(input);
    return r.success ? { ok: true, value: r.data } : { ok: false, error: toRevopsError(entity, r.error, input) };
  };
  return {
    safeParse,
    parse: (input: unknown): z.output<S> => {
      const r = safeParse(input);
      if (!r.ok) throw r.error;
      return r.value;
    },
  };
}

/** Message helper for custom checks. @internal */
export function got(value: unknown): string {
  return `got ${describeValue(value)}`;
}
