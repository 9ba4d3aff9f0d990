// API Gateway REST APIs by tag or name: stages, then deployments, then the API. API Gateway allows one
// DeleteRestApi every 30 seconds per account, so the retry's budget outlasts its throttling.

import {
  APIGatewayClient,
  DeleteDeploymentCommand,
  DeleteRestApiCommand,
  DeleteStageCommand,
  GetDeploymentsCommand,
  GetRestApisCommand,
  GetStagesCommand,
  type RestApi,
} from '@aws-sdk/client-api-gateway';
import { selectByTagOrName, type ResetContext } from '../context.js';
import { WORKSHOP_TAG } from '../names.js';
import type { PlannedResource } from '../resource.js';
import { deleteIfExists, errorName, isGone } from '../retry.js';
import { ALREADY_GONE, type Deleter, type Discovered, type ServiceReset } from '../service.js';

const apigwOf = (ctx: ResetContext) => ctx.clients.get(APIGatewayClient);

async function discover(ctx: ResetContext): Promise<Discovered> {
  const apis: RestApi[] = [];
  let position: string | undefined;
  do {
    const page = await apigwOf(ctx).send(new GetRestApisCommand({ position, limit: 500 }), { abortSignal: ctx.signal });
    apis.push(...(page.items ?? []));
    position = page.position;
  } while (position);
  const selected = apis
    .map((api) => selectByTagOrName(ctx, 'apigateway-rest-api', api.name ?? api.id!, api.tags?.[WORKSHOP_TAG.key] === WORKSHOP_TAG.value, { id: api.id }))
    .filter((r): r is PlannedResource => r !== undefined);
  return { selected };
}

const stageStillThere = (err: unknown) => errorName(err) === 'BadRequestException' && /stage/i.test((err as Error).message);

const deleteApi: Deleter = async (r, ctx, step) => {
  const apigw = apigwOf(ctx);
  const restApiId = r.id!;
  try {
    const { item: stages = [] } = await apigw.send(new GetStagesCommand({ restApiId }), { abortSignal: ctx.signal });
    for (const s of stages) await deleteIfExists(ctx, () => apigw.send(new DeleteStageCommand({ restApiId, stageName: s.stageName }), { abortSignal: ctx.signal }));
    if (stages.length) step({ key: 'steps.deletedStages', values: { stages: stages.map((s) => s.stageName).join(', ') } });
    let deployments = 0;
    let position: string | undefined;
    do {
      const page = await apigw.send(new GetDeploymentsCommand({ restApiId, position, limit: 500 }), { abortSignal: ctx.signal });
      // A stage just deleted may still hold its deployment for a moment.
      for (const d of page.items ?? []) if (await deleteIfExists(ctx, () => apigw.send(new DeleteDeploymentCommand({ restApiId, deploymentId: d.id }), { abortSignal: ctx.signal }), stageStillThere)) deployments++;
      position = page.position;
    } while (position);
    if (deployments) step({ key: 'steps.deletedDeployments', values: { count: deployments } });
  } catch (err) {
    if (isGone(err)) return ALREADY_GONE;
    throw err;
  }
  const deleted = await deleteIfExists(ctx, () => apigw.send(new DeleteRestApiCommand({ restApiId }), { abortSignal: ctx.signal }), ['ConflictException']);
  return deleted ? { status: 'deleted' } : ALREADY_GONE;
};

export const apigatewayReset: ServiceReset = {
  service: 'apigateway',
  stage: 1,
  discover,
  deleters: { 'apigateway-rest-api': deleteApi },
};
