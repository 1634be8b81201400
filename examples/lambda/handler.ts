/**
 * An AWS Lambda handler (Node.js runtime, behind an API Gateway HTTP API or a function URL,
 * payload format 2.0) that answers `POST /statement` and `POST /forecast` with revops (see
 * ../shared/api.ts). Bundle it with esbuild (`esbuild examples/lambda/handler.ts --bundle
 * --platform=node --format=esm --outfile=index.mjs`) and set the handler to `index.handler`.
 *
 * tests/examples/lambda.test.ts invokes `handler` with API-Gateway-shaped events.
 */
import { handleRequest } from '../shared/api.js';

/** The fields of an API Gateway (HTTP API, payload 2.0) event this handler reads. */
export interface HttpApiEvent {
  readonly rawPath: string;
  readonly requestContext: { readonly http: { readonly method: string } };
  readonly body?: string | null;
  readonly isBase64Encoded?: boolean;
}

/** The proxy result API Gateway turns into the HTTP response. */
export interface HttpApiResult {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export async function handler(event: HttpApiEvent): Promise<HttpApiResult> {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  const { status, body } = handleRequest(event.requestContext.http.method, event.rawPath, text);
  return { statusCode: status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
