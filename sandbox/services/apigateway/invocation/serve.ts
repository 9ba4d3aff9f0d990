// An invoke URL request, start to end: the stage's deployed snapshot picks the resource and method, the
// integration answers (Lambda proxy or MOCK), and failures look as they do in AWS: 403 "Missing
// Authentication Token" for routes that do not exist, 500/502 "Internal server error" for broken
// integrations (the reason goes to the sandbox log). Every request counts in AWS/ApiGateway metrics.

import { randomBytes } from 'node:crypto';
import type { Principal, RequestContext } from '../../../edge/context.js';
import type { EdgeRequest, EdgeResponse } from '../../../edge/http-types.js';
import type { DataPlane } from '../../definition.js';
import { deploymentsTable, restApisTable, stagesTable, type IntegrationRecord, type StageRecord } from '../store.js';
import { invokeTarget } from './invoke-url.js';
import { invokeLambdaProxy } from './lambda-proxy.js';
import { publishMetrics } from './metrics.js';
import { answerMock } from './mock.js';
import { IntegrationFailure, type Answer } from './outcome.js';
import { proxyEvent } from './proxy-event.js';
import { matchResource } from './routes.js';

const MISSING_TOKEN = { status: 403, type: 'MissingAuthenticationTokenException', body: '{"message":"Missing Authentication Token"}' };
const INTERNAL_ERROR = (status: number) => ({ status, type: 'InternalServerErrorException', body: '{"message": "Internal server error"}' });
/** Headers a function may not set: the edge computes them. */
const HOP_BY_HOP = new Set(['content-length', 'connection', 'transfer-encoding', 'keep-alive']);

const awsId = () => randomBytes(11).toString('base64');
const traceId = (now: number) => `Root=1-${Math.floor(now / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export const invocation: DataPlane = {
  operation: 'Invoke',
  servesBrowsers: true,
  matches: (req) => invokeTarget(req) !== undefined,
  serve,
};

async function serve(req: EdgeRequest, ctx: RequestContext): Promise<EdgeResponse> {
  const started = performance.now();
  const { sandbox } = ctx;
  const apigwId = awsId();
  const trace = traceId(ctx.clock.now());
  const ids = { 'x-amzn-requestid': ctx.requestId, 'x-amz-apigw-id': apigwId };
  const failure = (f: { status: number; type: string; body: string }): EdgeResponse => ({
    status: f.status,
    headers: { 'content-type': 'application/json', ...ids, 'x-amzn-errortype': f.type },
    body: f.body,
  });

  const target = invokeTarget(req)!;
  const api = restApisTable(sandbox).get(target.apiId);
  const stage = api && stagesTable(sandbox).get(`${api.id}/${target.stageName}`);
  const deployment = stage && deploymentsTable(sandbox).get(`${api.id}/${stage.deploymentId}`);
  if (!api || !stage || !deployment) return failure(MISSING_TOKEN);

  const owner = { accountId: api.accountId, region: api.region, clock: ctx.clock };
  let integrationLatencyMs: number | undefined;
  const finish = (response: EdgeResponse): EdgeResponse => {
    publishMetrics(sandbox, owner, { apiName: api.name, stageName: stage.stageName, status: response.status, latencyMs: performance.now() - started, integrationLatencyMs });
    return response;
  };

  const segments = target.rawPath.split('/').filter((s) => s !== '');
  const path = '/' + segments.map(decodeSegment).join('/');
  const match = matchResource(deployment.resources, segments.map(decodeSegment));
  const method = match && (match.resource.methods[req.method] ?? match.resource.methods.ANY);
  const integration = method?.methodIntegration;
  if (!match || !integration) return finish(failure(MISSING_TOKEN));

  const integrationStarted = performance.now();
  try {
    const answer = await integrate(integration, {
      req,
      ctx,
      stage,
      owner,
      event: () =>
        proxyEvent({
          req,
          apiId: api.id,
          accountId: api.accountId,
          stageName: stage.stageName,
          deploymentId: deployment.id,
          path,
          resource: match.resource,
          pathParameters: match.pathParameters,
          stageVariables: stage.variables,
          binaryMediaTypes: api.binaryMediaTypes,
          requestId: ctx.requestId,
          extendedRequestId: apigwId,
          traceId: trace,
          time: ctx.clock.now(),
        }),
      sourceArn: `arn:aws:execute-api:${api.region}:${api.accountId}:${api.id}/${stage.stageName}/${req.method}${match.resource.path}`,
    });
    integrationLatencyMs = performance.now() - integrationStarted;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    for (const [name, value] of Object.entries(answer.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
    return finish({ status: answer.status, headers: { ...headers, ...ids, 'x-amzn-trace-id': trace }, body: answer.body });
  } catch (err) {
    integrationLatencyMs = performance.now() - integrationStarted;
    const where = `apigateway: ${req.method} ${target.rawPath} on ${api.id}/${stage.stageName}`;
    if (err instanceof IntegrationFailure) {
      sandbox.warn(`${where}: ${err.message}`);
      return finish(failure(INTERNAL_ERROR(err.status)));
    }
    sandbox.warn(`${where} failed: ${(err as Error)?.stack ?? String(err)}`);
    return finish(failure(INTERNAL_ERROR(500)));
  }
}

interface IntegrationCall {
  req: EdgeRequest;
  ctx: RequestContext;
  stage: StageRecord;
  owner: Principal;
  event(): Record<string, unknown>;
  sourceArn: string;
}

function integrate(integration: IntegrationRecord, call: IntegrationCall): Promise<Answer> | Answer {
  switch (integration.type) {
    case 'AWS_PROXY':
      return invokeLambdaProxy({
        sandbox: call.ctx.sandbox,
        owner: call.owner,
        integration,
        stageVariables: call.stage.variables,
        sourceArn: call.sourceArn,
        event: call.event(),
      });
    case 'MOCK':
      return answerMock(integration, call.req);
    default:
      throw new IntegrationFailure(500, `${integration.type} integrations are stored but not run by the sandbox (AWS_PROXY and MOCK are)`);
  }
}
