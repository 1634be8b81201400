/**
 * examples/lambda/handler.ts invoked as Lambda invokes it: the bundled module's `handler`
 * with an API Gateway HTTP API event (payload format 2.0).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleExample, forecastRequest, statementRequest } from './helpers.js';

/** The event and result shapes of examples/lambda/handler.ts (API Gateway HTTP API, payload 2.0). */
interface HttpApiEvent {
  rawPath: string;
  requestContext: { http: { method: string } };
  body?: string | null;
  isBase64Encoded?: boolean;
}
interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

let dir = '';
let handler: (event: HttpApiEvent) => Promise<HttpApiResult>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'revops-lambda-'));
  const file = join(dir, 'index.mjs');
  writeFileSync(file, await bundleExample('examples/lambda/handler.ts', 'node'));
  ({ handler } = (await import(/* @vite-ignore */ file)) as { handler: typeof handler });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An HTTP API (payload 2.0) event, trimmed to the fields a handler usually reads. */
function event(method: string, path: string, body: unknown, base64 = false): HttpApiEvent {
  const text = JSON.stringify(body);
  return {
    rawPath: path,
    requestContext: { http: { method } },
    body: base64 ? Buffer.from(text).toString('base64') : text,
    isBase64Encoded: base64,
  };
}

describe('the Lambda example', () => {
  it('returns the statement: 2,950.00 payable (the README)', async () => {
    const res = await handler(event('POST', '/statement', statementRequest));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(JSON.parse(res.body).payable).toEqual({ amount: '2950.00', currency: 'USD' });
  });

  it('reads a base64 body and returns the forecast: weighted 96,000.00', async () => {
    const res = await handler(event('POST', '/forecast', forecastRequest, true));
    expect(res.statusCode).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.weighted).toEqual({ amount: '96000.00', currency: 'USD' });
    expect(body.deals).toBe(3);
  });

  it('answers 405 for GET, 400 for a request the schemas refuse', async () => {
    expect((await handler(event('GET', '/forecast', {}))).statusCode).toBe(405);
    const res = await handler(event('POST', '/forecast', { deals: [{ id: 'x' }] }));
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error).toBe('INVALID_REQUEST');
  });
});
