/**
 * A Cloudflare Worker (module syntax) that answers `POST /statement` and `POST /forecast` with
 * revops (see ../shared/api.ts). Deploy with wrangler (`wrangler deploy examples/edge/worker.ts`,
 * `compatibility_date = "2024-09-23"`, no `nodejs_compat` flag needed: revops uses no Node
 * built-in, no `eval` and no `new Function`, which workerd forbids).
 *
 * tests/examples/edge.test.ts bundles this file with esbuild and runs it in workerd through
 * miniflare.
 */
import { handleRequest } from '../shared/api.js';

export default {
  async fetch(request: Request): Promise<Response> {
    const { status, body } = handleRequest(request.method, new URL(request.url).pathname, await request.text());
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  },
};
