/**
 * examples/edge/worker.ts in workerd, Cloudflare's runtime, through miniflare 3 (the last line
 * for Node 20; miniflare 4 needs Node 22). One runtime for the whole file: starting workerd
 * takes about a second.
 */
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleExample, forecastRequest, statementRequest } from './helpers.js';

let mf: Miniflare | undefined;

beforeAll(async () => {
  const script = await bundleExample('examples/edge/worker.ts', 'neutral');
  // no nodejs_compat flag: an import of node:* or a Node global would fail here
  mf = new Miniflare({
    modules: [{ type: 'ESModule', path: 'worker.js', contents: script }],
    compatibilityDate: '2024-09-23',
  });
  await mf.ready;
}, 60_000);

afterAll(async () => {
  await mf?.dispose();
});

async function post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await (mf as Miniflare).dispatchFetch(`http://revops.example${path}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('the edge example in workerd', () => {
  it('returns the statement: 5 % of 10,000 + 7 % of 35,000 = 2,950.00 (the README)', async () => {
    const { status, json } = await post('/statement', statementRequest);
    expect(status).toBe(200);
    expect(json['payable']).toEqual({ amount: '2950.00', currency: 'USD' });
    expect(json['attainment']).toBe(1.125);
    expect((json['explanation'] as string[]).join('\n')).toContain('2950.00');
  });

  it('returns the forecast: weighted 96,000.00, P90 170,000', async () => {
    const { status, json } = await post('/forecast', forecastRequest);
    expect(status).toBe(200);
    expect(json['weighted']).toEqual({ amount: '96000.00', currency: 'USD' });
    expect(json['p90']).toBe(170000);
  });

  it('refuses a malformed request with the schema issues, bad JSON and unknown routes', async () => {
    const bad = await post('/statement', { ...statementRequest, quota: { amount: 'lots', currency: 'USD' } });
    expect(bad.status).toBe(400);
    expect(bad.json['issues']).toEqual([expect.objectContaining({ path: 'quota.amount' })]);
    expect((await post('/forecast', '{')).status).toBe(400);
    expect((await post('/nowhere', {})).status).toBe(404);
  });

  it('answers 422 with the RevopsError code for input the arithmetic refuses', async () => {
    const eur = { ...forecastRequest.deals[1], amount: { amount: '1', currency: 'EUR' } };
    const { status, json } = await post('/forecast', { deals: [forecastRequest.deals[0], eur] });
    expect(status).toBe(422);
    expect(json['error']).toBe('CURRENCY_MISMATCH');
  });
});
