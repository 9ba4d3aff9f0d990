// Read-only Lambda look-ups shared by the function and trigger checks.

import {
  GetFunctionConfigurationCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  type EventSourceMappingConfiguration,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import type { CheckContext } from '../../src/engine/types.js';
import { memo } from './memo.js';
import { orUndefined } from './not-found.js';

export function functionConfiguration(ctx: CheckContext, nameOrArn: string): Promise<FunctionConfiguration | undefined> {
  return memo(ctx, `lambda.function.${nameOrArn}`, () =>
    orUndefined(ctx.clients.get(LambdaClient).send(new GetFunctionConfigurationCommand({ FunctionName: nameOrArn }), { abortSignal: ctx.signal })),
  );
}

/** The event source mappings reading from a stream (by ARN) or triggering a function (by name). */
export function eventSourceMappings(ctx: CheckContext, filter: { eventSourceArn?: string; functionName?: string }): Promise<EventSourceMappingConfiguration[]> {
  return memo(ctx, `lambda.mappings.${filter.eventSourceArn ?? ''}.${filter.functionName ?? ''}`, async () => {
    const lambda = ctx.clients.get(LambdaClient);
    const all: EventSourceMappingConfiguration[] = [];
    let marker: string | undefined;
    do {
      const page = await orUndefined(
        lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: filter.eventSourceArn, FunctionName: filter.functionName, Marker: marker }), { abortSignal: ctx.signal }),
      );
      all.push(...(page?.EventSourceMappings ?? []));
      marker = page?.NextMarker;
    } while (marker);
    return all;
  });
}

/** `arn:aws:lambda:r:a:function:name[:qualifier]` → `name`. */
export function functionNameFromArn(arn: string): string {
  const parts = arn.split(':');
  return parts.length >= 7 ? parts[6]! : arn;
}
