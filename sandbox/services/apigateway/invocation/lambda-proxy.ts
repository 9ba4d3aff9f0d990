// AWS_PROXY: checks the function's resource policy lets API Gateway invoke it from this source ARN,
// invokes it with the proxy event, and turns its `{statusCode, headers, multiValueHeaders, body,
// isBase64Encoded}` into the response; anything else it returns is a 502, as in AWS.

import type { Principal } from '../../../edge/context.js';
import type { Sandbox } from '../../../sandbox.js';
import { isServiceError } from '../../../protocols/errors.js';
import type { IntegrationRecord } from '../store.js';
import { IntegrationFailure, type Answer } from './outcome.js';

const FUNCTION_IN_URI = /:lambda:path\/2015-03-31\/functions\/(.+)\/invocations$/;
const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):(\d{12}):function:/;

/** The function an integration URI names, with `${stageVariables.x}` filled in. */
export function functionOf(uri: string | undefined, stageVariables: Record<string, string> = {}): string | undefined {
  const m = FUNCTION_IN_URI.exec(uri ?? '');
  return m?.[1].replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_, name: string) => stageVariables[name] ?? '');
}

export interface ProxyCall {
  sandbox: Sandbox;
  /** The API's owner; a function ARN in another account or region is looked up there. */
  owner: Principal;
  integration: IntegrationRecord;
  stageVariables?: Record<string, string>;
  sourceArn: string;
  event: Record<string, unknown>;
}

export async function invokeLambdaProxy(call: ProxyCall): Promise<Answer> {
  const lambda = call.sandbox.apis.lambda;
  if (!lambda) throw new IntegrationFailure(500, 'Lambda is not running in this sandbox');
  if (call.integration.httpMethod !== 'POST') throw new IntegrationFailure(500, `Execution failed due to configuration error: Lambda proxy integrations must use integration HTTP method POST, not ${call.integration.httpMethod}`);
  const fn = functionOf(call.integration.uri, call.stageVariables);
  if (!fn) throw new IntegrationFailure(500, `Execution failed due to configuration error: no Lambda function in integration URI ${call.integration.uri}`);
  const arn = LAMBDA_ARN.exec(fn);
  const owner: Principal = arn ? { ...call.owner, region: arn[1], accountId: arn[2] } : call.owner;
  if (!lambda.getFunction(owner, fn)) throw new IntegrationFailure(500, `Execution failed due to configuration error: function ${fn} not found`);
  if (!lambda.allowsInvoke(owner, fn, { principal: 'apigateway.amazonaws.com', sourceArn: call.sourceArn, sourceAccount: call.owner.accountId })) {
    throw new IntegrationFailure(500, `Execution failed due to configuration error: Invalid permissions on Lambda function ${fn} (no resource policy statement lets apigateway.amazonaws.com invoke it from ${call.sourceArn}; add one with lambda add-permission)`);
  }
  let result;
  try {
    result = await lambda.invoke(owner, fn, Buffer.from(JSON.stringify(call.event)));
  } catch (err) {
    if (isServiceError(err)) throw new IntegrationFailure(500, `Lambda refused the invocation: ${err.code}: ${err.message}`);
    throw err;
  }
  const text = result.payload.toString('utf8');
  if (result.functionError) throw new IntegrationFailure(502, `Lambda execution failed with status 200 due to customer function error: ${text}`);
  return answerFrom(text);
}

/** The client response a function's proxy output describes; malformed output is API Gateway's 502. */
export function answerFrom(text: string): Answer {
  const malformed = () => new IntegrationFailure(502, `Execution failed due to configuration error: Malformed Lambda proxy response: ${text.slice(0, 1000)}`);
  let out: unknown;
  try {
    out = JSON.parse(text);
  } catch {
    throw malformed();
  }
  if (!out || typeof out !== 'object' || Array.isArray(out)) throw malformed();
  const response = out as Record<string, unknown>;
  const status = typeof response.statusCode === 'string' ? Number(response.statusCode) : response.statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) throw malformed();
  const headers: Record<string, string> = {};
  const scalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  for (const [field, multi] of [['headers', false], ['multiValueHeaders', true]] as const) {
    const value = response[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'object' || Array.isArray(value)) throw malformed();
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      const values = multi ? v : [v];
      if (!Array.isArray(values) || !values.every(scalar)) throw malformed();
      // A header in both maps keeps its multiValueHeaders values, as AWS merges them.
      headers[name.toLowerCase()] = values.map((x) => String(x ?? '')).join(', ');
    }
  }
  const body = response.body;
  if (body !== undefined && body !== null && typeof body !== 'string') throw malformed();
  const bytes = typeof body === 'string' ? (response.isBase64Encoded === true ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8')) : Buffer.alloc(0);
  return { status, headers, body: bytes };
}
