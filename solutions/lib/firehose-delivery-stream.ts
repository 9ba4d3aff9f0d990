// Deploy step: a Direct PUT Firehose delivery stream to S3, created or updated to match, tagged, and
// waited for until ACTIVE.

import {
  CreateDeliveryStreamCommand,
  DescribeDeliveryStreamCommand,
  FirehoseClient,
  UpdateDestinationCommand,
  type DeliveryStreamDescription,
  type ExtendedS3DestinationConfiguration,
} from '@aws-sdk/client-firehose';
import type { SolutionContext } from '../../src/engine/solution.js';
import { s3Destination } from '../../checks/lib/firehose-pipeline.js';
import { orUndefined } from '../../checks/lib/not-found.js';
import type { Ledger } from './ledger.js';
import { retryWhileRolePropagates, waitFor } from './wait.js';
import { sameContent } from './same-content.js';
import { ts } from './messages.js';

/** The destination fields the solution sets, compared with what the stream describes. */
const COMPARED = ['RoleARN', 'BucketARN', 'Prefix', 'ErrorOutputPrefix', 'BufferingHints', 'CompressionFormat', 'CloudWatchLoggingOptions'] as const;

export async function ensureDeliveryStream(ctx: SolutionContext, ledger: Ledger, name: string, destination: ExtendedS3DestinationConfiguration): Promise<string> {
  const firehose = ctx.clients.get(FirehoseClient);
  const describe = async () => (await orUndefined(firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }))))?.DeliveryStreamDescription;
  let stream = await describe();
  if (!stream) {
    await retryWhileRolePropagates(ctx, () =>
      firehose.send(
        new CreateDeliveryStreamCommand({
          DeliveryStreamName: name,
          DeliveryStreamType: 'DirectPut',
          ExtendedS3DestinationConfiguration: destination,
          Tags: Object.entries(ctx.tags).map(([Key, Value]) => ({ Key, Value })),
        }),
      ),
    );
    ledger.record(ts('ledger.deliveryStream', { name }), 'created');
  } else {
    if (stream.DeliveryStreamType !== 'DirectPut') {
      throw new Error(ts('refusals.notDirectPut', { name, type: String(stream.DeliveryStreamType) }));
    }
    const current = s3Destination(stream) as Record<string, unknown> | undefined;
    const differs = COMPARED.filter((field) => !sameContent(current?.[field], (destination as unknown as Record<string, unknown>)[field]));
    if (differs.length > 0) {
      await waitUntilActive(ctx, name, describe);
      stream = await describe();
      await retryWhileRolePropagates(ctx, () =>
        firehose.send(
          new UpdateDestinationCommand({
            DeliveryStreamName: name,
            CurrentDeliveryStreamVersionId: stream!.VersionId,
            DestinationId: stream!.Destinations![0]!.DestinationId,
            ExtendedS3DestinationUpdate: destination,
          }),
        ),
      );
      ledger.record(ts('ledger.deliveryStreamChanged', { name, settings: differs.join(', ') }), 'updated');
    } else {
      ledger.record(ts('ledger.deliveryStream', { name }), 'unchanged');
    }
  }
  return (await waitUntilActive(ctx, name, describe)).DeliveryStreamARN!;
}

async function waitUntilActive(ctx: SolutionContext, name: string, describe: () => Promise<DeliveryStreamDescription | undefined>) {
  let stream = await describe();
  if (stream?.DeliveryStreamStatus !== 'ACTIVE') {
    ctx.log(ts('progress.waitingDeliveryStream', { name }));
    await waitFor(ctx, async () => (stream = await describe())?.DeliveryStreamStatus === 'ACTIVE', { what: ts('waits.deliveryStreamActive', { name }) });
  }
  return stream!;
}
