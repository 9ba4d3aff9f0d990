// Lambda: functions by tag or name, and the event source mappings (triggers) of the selected functions,
// deleted before them: a mapping left behind keeps polling its stream for a function that is gone.

import {
  DeleteEventSourceMappingCommand,
  DeleteFunctionCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  ListFunctionsCommand,
  ListTagsCommand,
  type EventSourceMappingConfiguration,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import { mapLimit, selectByTagOrName, tagMap, type ResetContext } from '../context.js';
import { WORKSHOP_TAG } from '../names.js';
import type { PlannedResource } from '../resource.js';
import { deleteIfExists, isGone } from '../retry.js';
import { ALREADY_GONE, type Deleter, type Discovered, type ServiceReset } from '../service.js';

const lambdaOf = (ctx: ResetContext) => ctx.clients.get(LambdaClient);

async function discoverFunctions(ctx: ResetContext): Promise<Discovered> {
  const lambda = lambdaOf(ctx);
  const functions: FunctionConfiguration[] = [];
  let Marker: string | undefined;
  do {
    const page = await lambda.send(new ListFunctionsCommand({ Marker }), { abortSignal: ctx.signal });
    functions.push(...(page.Functions ?? []));
    Marker = page.NextMarker;
  } while (Marker);
  const found = await mapLimit(functions, 8, async (fn) => {
    const tags = await lambda.send(new ListTagsCommand({ Resource: fn.FunctionArn }), { abortSignal: ctx.signal }).catch((err: unknown) => {
      if (isGone(err)) return { Tags: {} };
      throw err;
    });
    return selectByTagOrName(ctx, 'lambda-function', fn.FunctionName!, tagMap(tags.Tags)[WORKSHOP_TAG.key] === WORKSHOP_TAG.value, { arn: fn.FunctionArn });
  });
  return { selected: found.filter((r): r is PlannedResource => r !== undefined) };
}

const sourceName = (arn: string | undefined) => (arn ? arn.slice(arn.lastIndexOf('/') + 1) || arn : 'unknown source');

/** Stage 2: the triggers of the functions stage 1 selected. */
async function discoverMappings(ctx: ResetContext, found: readonly PlannedResource[]): Promise<Discovered> {
  const lambda = lambdaOf(ctx);
  const selected: PlannedResource[] = [];
  for (const fn of found.filter((r) => r.kind === 'lambda-function')) {
    const mappings: EventSourceMappingConfiguration[] = [];
    let Marker: string | undefined;
    do {
      const page = await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: fn.name, Marker }), { abortSignal: ctx.signal });
      mappings.push(...(page.EventSourceMappings ?? []));
      Marker = page.NextMarker;
    } while (Marker);
    for (const m of mappings) {
      if (m.State === 'Deleting') continue;
      selected.push({
        kind: 'lambda-event-source-mapping',
        name: `${sourceName(m.EventSourceArn)} → ${fn.name}`,
        id: m.UUID,
        arn: m.EventSourceMappingArn,
        lab: fn.lab,
        why: [{ via: { key: 'selection.triggerOf', values: { function: fn.name } } }],
      });
    }
  }
  return { selected };
}

const deleteMapping: Deleter = async (r, ctx) => {
  const deleted = await deleteIfExists(ctx, () => lambdaOf(ctx).send(new DeleteEventSourceMappingCommand({ UUID: r.id }), { abortSignal: ctx.signal }), ['ResourceInUseException']);
  return deleted ? { status: 'deleted' } : ALREADY_GONE;
};

const deleteFunction: Deleter = async (r, ctx) => {
  const deleted = await deleteIfExists(ctx, () => lambdaOf(ctx).send(new DeleteFunctionCommand({ FunctionName: r.name }), { abortSignal: ctx.signal }), [
    'ResourceConflictException',
  ]);
  return deleted ? { status: 'deleted' } : ALREADY_GONE;
};

export const lambdaFunctionsReset: ServiceReset = {
  service: 'lambda',
  stage: 1,
  discover: discoverFunctions,
  deleters: { 'lambda-function': deleteFunction },
};

export const lambdaMappingsReset: ServiceReset = {
  service: 'lambda',
  stage: 2,
  discover: discoverMappings,
  deleters: { 'lambda-event-source-mapping': deleteMapping },
};
