// Deploy step: the trigger that makes Lambda poll a stream and invoke a function with batches.

import { CreateEventSourceMappingCommand, LambdaClient, ListEventSourceMappingsCommand, UpdateEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import type { SolutionContext } from '../../src/engine/solution.js';
import type { Ledger } from './ledger.js';
import { retryWhileRolePropagates } from './wait.js';
import { ts } from './messages.js';

export async function ensureStreamTrigger(ctx: SolutionContext, ledger: Ledger, streamArn: string, functionName: string): Promise<void> {
  const lambda = ctx.clients.get(LambdaClient);
  const { EventSourceMappings: existing = [] } = await lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: streamArn, FunctionName: functionName }));
  const what = ts('ledger.trigger', { stream: streamArn.split('/').pop() ?? '', function: functionName });
  const mapping = existing[0];
  if (!mapping) {
    // A role just given its stream permissions is refused ("Cannot access stream") until IAM propagates.
    await retryWhileRolePropagates(ctx, () => lambda.send(
      new CreateEventSourceMappingCommand({
        EventSourceArn: streamArn,
        FunctionName: functionName,
        // From the oldest record kept: readings sent before the trigger existed are not lost.
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 100,
        Enabled: true,
        Tags: { ...ctx.tags },
      }),
    ));
    ledger.record(what, 'created');
  } else if (mapping.State === 'Disabled' || mapping.State === 'Disabling') {
    await lambda.send(new UpdateEventSourceMappingCommand({ UUID: mapping.UUID, Enabled: true }));
    ledger.record(what, 'updated');
  } else {
    ledger.record(what, 'unchanged');
  }
}
