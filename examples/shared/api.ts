/**
 * A small JSON API over revops, shared by the edge (Cloudflare Worker) and Lambda examples:
 *
 * - `POST /statement` `{ plan, member, period, quota, credits }` → the member's commission
 *   statement for the period (earned, payable, attainment) and its explanation, line by line;
 * - `POST /forecast` `{ deals, runs?, seed? }` → the weighted pipeline and the simulated
 *   P10 / P50 / P90 of the open deals.
 *
 * The request is validated with revops/model's schemas (zod); a malformed request is a 400 with
 * the issues, input the library refuses is a 422 with the RevopsError code and message.
 * Runtime-neutral: no Node built-in, no `eval`, so it runs on workerd, Lambda, Deno or Bun.
 */
import * as z from 'zod';
import { calculateStatement, explainStatement } from 'revops/commission';
import { simulatePipeline, weightedPipeline } from 'revops/forecast';
import { CreditSchema, DealSchema, MemberSchema, MoneySchema, PeriodSchema, PlanSchema } from 'revops/model';

/** The body of `POST /statement`. */
export const StatementRequestSchema = z.strictObject({
  plan: PlanSchema,
  member: MemberSchema,
  period: PeriodSchema,
  quota: MoneySchema,
  credits: z.array(CreditSchema),
});

/** The body of `POST /forecast`. */
export const ForecastRequestSchema = z.strictObject({
  deals: z.array(DealSchema),
  runs: z.number().int().min(1).max(100_000).default(10_000),
  seed: z.union([z.number(), z.string()]).default(1),
});

/** A response before it is written for the platform: HTTP status and a JSON body. */
export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

function route(path: string, input: unknown): ApiResponse {
  if (path === '/statement') {
    const parsed = StatementRequestSchema.safeParse(input);
    if (!parsed.success) return invalidRequest(parsed.error);
    const statement = calculateStatement(parsed.data);
    return {
      status: 200,
      body: {
        memberId: statement.memberId,
        period: statement.period,
        attainment: statement.attainment,
        earned: statement.earned,
        payable: statement.payable,
        explanation: explainStatement(statement).split('\n'),
      },
    };
  }
  const parsed = ForecastRequestSchema.safeParse(input);
  if (!parsed.success) return invalidRequest(parsed.error);
  const { deals, runs, seed } = parsed.data;
  const weighted = weightedPipeline(deals);
  const simulation = simulatePipeline(deals, { runs, seed, currency: weighted.currency });
  return {
    status: 200,
    body: {
      deals: weighted.count,
      amount: weighted.amount,
      weighted: weighted.weighted,
      p10: simulation.p10,
      p50: simulation.p50,
      p90: simulation.p90,
    },
  };
}

function invalidRequest(error: z.ZodError): ApiResponse {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return { status: 400, body: { error: 'INVALID_REQUEST', issues } };
}

/**
 * Answers one request.
 * @param method - the HTTP method (`POST` only).
 * @param path - the URL path (`/statement` or `/forecast`).
 * @param text - the request body, JSON text.
 */
export function handleRequest(method: string, path: string, text: string): ApiResponse {
  if (path !== '/statement' && path !== '/forecast') return { status: 404, body: { error: 'NOT_FOUND', path } };
  if (method !== 'POST') return { status: 405, body: { error: 'METHOD_NOT_ALLOWED', method } };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return { status: 400, body: { error: 'INVALID_JSON' } };
  }
  try {
    return route(path, input);
  } catch (e) {
    // RevopsError: input the schemas accept but the arithmetic refuses (a currency mismatch, …)
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string') return { status: 422, body: { error: code, message } };
    throw e;
  }
}
