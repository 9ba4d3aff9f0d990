// The event a Lambda proxy integration (AWS_PROXY) hands the function, field for field as API Gateway
// REST APIs build it (payload format 1.0).

import type { EdgeRequest } from '../../../edge/http-types.js';
import type { ResourceRecord } from '../store.js';

export interface RequestFacts {
  req: EdgeRequest;
  apiId: string;
  accountId: string;
  stageName: string;
  deploymentId: string;
  /** The decoded path after the stage. */
  path: string;
  resource: ResourceRecord;
  pathParameters: Record<string, string>;
  stageVariables?: Record<string, string>;
  binaryMediaTypes?: string[];
  requestId: string;
  extendedRequestId: string;
  traceId: string;
  /** Epoch ms the request arrived. */
  time: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `09/Apr/2015:12:34:56 +0000`, the CLF time API Gateway writes in `requestTime`. */
export function requestTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

const orNull = <T extends object>(value: T): T | null => (Object.keys(value).length > 0 ? value : null);

/** Whether the request body is binary for this API (its binaryMediaTypes match the Content-Type). */
function isBinary(contentType: string | undefined, binaryMediaTypes: string[] = []): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0].trim().toLowerCase();
  return binaryMediaTypes.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p === '*/*') return true;
    if (p.endsWith('/*')) return type.startsWith(p.slice(0, -1));
    return type === p;
  });
}

export function proxyEvent(facts: RequestFacts): Record<string, unknown> {
  const { req } = facts;
  const host = req.headers.host ?? '';
  const sourceIp = (req.remoteAddress || '127.0.0.1').replace(/^::ffff:/, '');
  const forwarded = new Set(['x-forwarded-for', 'x-forwarded-port', 'x-forwarded-proto', 'x-amzn-trace-id']);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(req.headers).filter(([name]) => !forwarded.has(name))),
    'X-Amzn-Trace-Id': facts.traceId,
    'X-Forwarded-For': req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${sourceIp}` : sourceIp,
    'X-Forwarded-Port': host.split(':')[1] ?? '80',
    'X-Forwarded-Proto': 'http',
  };
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [name, value] of req.query) {
    query[name] = value;
    (multiQuery[name] ??= []).push(value);
  }
  const binary = req.body.length > 0 && isBinary(req.headers['content-type'], facts.binaryMediaTypes);
  const domainName = host.replace(/:\d+$/, '');
  return {
    resource: facts.resource.path,
    path: facts.path,
    httpMethod: req.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: orNull(query),
    multiValueQueryStringParameters: orNull(multiQuery),
    pathParameters: orNull(facts.pathParameters),
    stageVariables: facts.stageVariables && Object.keys(facts.stageVariables).length > 0 ? facts.stageVariables : null,
    requestContext: {
      resourceId: facts.resource.id,
      resourcePath: facts.resource.path,
      httpMethod: req.method,
      extendedRequestId: facts.extendedRequestId,
      requestTime: requestTime(facts.time),
      path: `/${facts.stageName}${facts.path}`,
      accountId: facts.accountId,
      protocol: `HTTP/${req.httpVersion}`,
      stage: facts.stageName,
      domainPrefix: domainName.startsWith(`${facts.apiId}.`) ? facts.apiId : domainName.split('.')[0],
      requestTimeEpoch: facts.time,
      requestId: facts.requestId,
      identity: {
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        sourceIp,
        principalOrgId: null,
        accessKey: null,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: null,
        userAgent: req.headers['user-agent'] ?? null,
        user: null,
      },
      domainName,
      deploymentId: facts.deploymentId,
      apiId: facts.apiId,
    },
    body: req.body.length === 0 ? null : binary ? req.body.toString('base64') : req.body.toString('utf8'),
    isBase64Encoded: binary,
  };
}
