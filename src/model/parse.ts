/**
 * Turning zod results into revops' two error channels: `parse` throws a RevopsError
 * listing every problem with its path; `safeParse` returns a Result.
 * @module
 */
import type * as z from 'zod';
import { RevopsError, describeThrown, describeValue, type RevopsIssue } from '../core/errors.js';
import { findThrowingRead } from '../core/read.js';
import type { Result } from '../core/result.js';

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/** Issues written out in a message; `error.issues` has them all. */
const LISTED_ISSUES = 10;
/** Longest issue written out in a message. */
const ISSUE_TEXT = 160;

/** A piece of a message cut to `n` characters (a path or a key name comes from the input). */
function cut(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 3)}...` : text;
}

/**
 * The issues of a refusal as message text: the first 10, each cut to 160 characters, then how
 * many more there are, so that the message stays short however bad the input (at most about
 * 1,700 characters with the entity's name: ten of zod's "expected one of …" over the 24
 * permissions, 200 characters each, made 2,071).
 * @internal
 */
export function listIssues(paths: readonly string[], issues: readonly { readonly message: string }[]): string {
  const lines: string[] = [];
  for (let i = 0; i < Math.min(issues.length, LISTED_ISSUES); i++) {
    lines.push(cut(`${paths[i]}: ${(issues[i] as { message: string }).message}`, ISSUE_TEXT));
  }
  const rest = issues.length - LISTED_ISSUES;
  return `${lines.join('; ')}${rest > 0 ? `; and ${rest} more issue${rest === 1 ? '' : 's'} (see error.issues)` : ''}`;
}

/**
 * Converts a zod error to a RevopsError('INVALID_INPUT'). The message lists the issues with
 * {@link listIssues} (bounded); `error.issues` has every issue with its path.
 * @internal
 */
export function toRevopsError(entity: string, error: z.ZodError, input: unknown): RevopsError {
  const issues: RevopsIssue[] = error.issues.map((i) => ({
    path: i.path.map((k) => (typeof k === 'symbol' ? String(k) : k)),
    message: i.message,
    code: i.code,
  }));
  const first = issues[0];
  return new RevopsError(
    'INVALID_INPUT',
    `Invalid ${entity}: ${listIssues(
      issues.map((i) => formatPath(i.path)),
      issues,
    )}`,
    {
      field: first ? cut(formatPath(first.path), 200) : entity,
      value: input,
      issues,
    },
  );
}

/** A pair of parse functions for one schema. @internal */
export interface Parsers<T> {
  parse: (input: unknown) => T;
  safeParse: (input: unknown) => Result<T, RevopsError>;
}

/**
 * The error for an input that could not even be read: a getter or a proxy trap threw (the field
 * whose read throws is named, found by core's `findThrowingRead`, and `cause` is what it threw),
 * or the value is nested too deeply for the stack (`the input` is named). @internal
 */
export function unreadable(entity: string, input: unknown, thrown: unknown): RevopsError {
  const at = findThrowingRead({ '': input }, thrown);
  const where = at === null || at.path === '' ? 'the input' : at.path;
  return new RevopsError(
    'INVALID_INPUT',
    `Invalid ${entity}: ${where} could not be read (reading it threw ${describeThrown(thrown)})`,
    {
      field: at === null ? entity : cut(at.path, 200),
      value: input,
      cause: thrown,
      issues: [{ path: at === null ? [] : at.keys, message: 'could not be read', code: 'unreadable' }],
    },
  );
}

/**
 * Runs `parse` so that nothing but a RevopsError ever leaves it: whatever a user's getter,
 * proxy or a stack overflow throws becomes `INVALID_INPUT`. Returns a Result. @internal
 */
export function guarded<T>(entity: string, input: unknown, parse: () => T): Result<T, RevopsError> {
  try {
    return { ok: true, value: parse() };
  } catch (thrown) {
    if (thrown instanceof RevopsError) return { ok: false, error: thrown };
    return { ok: false, error: unreadable(entity, input, thrown) };
  }
}

/**
 * Builds `parse` / `safeParse` for a schema. `safeParse` never throws, whatever the input
 * (throwing getters, proxies, cyclic or deeply nested objects, odd prototypes); `parse` throws
 * only RevopsError. `after`, when given, checks the parsed value further (throwing RevopsError).
 * @internal
 */
export function makeParsers<S extends z.ZodType>(
  entity: string,
  schema: S,
  after?: (value: z.output<S>) => z.output<S>,
): Parsers<z.output<S>> {
  const safeParse = (input: unknown): Result<z.output<S>, RevopsError> =>
    guarded(entity, input, () => {
      const r = schema.safeParse(input);
      if (!r.success) throw toRevopsError(entity, r.error, input);
      return after === undefined ? r.data : after(r.data);
    });
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
