// Deploy step: a provisioned Kinesis data stream, tagged, waited for until ACTIVE.

import { CreateStreamCommand, DescribeStreamSummaryCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import type { SolutionContext } from '../../src/engine/solution.js';
import type { Ledger } from './ledger.js';
import { waitFor } from './wait.js';
import { orUndefined } from '../../checks/lib/not-found.js';
import { ts } from './messages.js';

export async function ensureStream(ctx: SolutionContext, ledger: Ledger, name: string, shards = 1): Promise<string> {
  const kinesis = ctx.clients.get(KinesisClient);
  const describe = async () => (await orUndefined(kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }))))?.StreamDescriptionSummary;
  let stream = await describe();
  if (!stream) {
    await kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards, StreamModeDetails: { StreamMode: 'PROVISIONED' }, Tags: { ...ctx.tags } }));
    ledger.record(ts('ledger.stream', { name }), 'created');
  } else {
    ledger.record(ts('ledger.stream', { name }), 'unchanged');
  }
  stream ??= await describe();
  if (stream?.StreamStatus !== 'ACTIVE') {
    ctx.log(ts('progress.waitingStream', { name }));
    await waitFor(ctx, async () => (stream = await describe())?.StreamStatus === 'ACTIVE', { what: ts('waits.streamActive', { name }) });
  }
  return stream!.StreamARN!;
}
