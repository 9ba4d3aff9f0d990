// Check builder: a Kinesis data stream exists and is ACTIVE.

import { DescribeStreamSummaryCommand, KinesisClient, type StreamDescriptionSummary } from '@aws-sdk/client-kinesis';
import type { Check, CheckContext } from '../../src/engine/types.js';
import { fail, pass, pending } from '../../src/engine/result.js';
import { memo } from './memo.js';
import { orUndefined } from './not-found.js';
import type { Locator } from './located.js';

export function describeStream(ctx: CheckContext, name: string): Promise<StreamDescriptionSummary | undefined> {
  return memo(ctx, `kinesis.stream.${name}`, async () => {
    const out = await orUndefined(ctx.clients.get(KinesisClient).send(new DescribeStreamSummaryCommand({ StreamName: name }), { abortSignal: ctx.signal }));
    return out?.StreamDescriptionSummary;
  });
}

export function streamActiveCheck(spec: Omit<Check, 'run'> & { locate: Locator }): Check {
  const { locate, ...check } = spec;
  return {
    ...check,
    async run(ctx) {
      const { name, via } = await locate(ctx);
      const stream = await describeStream(ctx, name);
      if (!stream) {
        return fail(`There is no Kinesis stream ${name} (${via}).`, {
          hint: `Create it: aws kinesis create-stream --stream-name ${name} --shard-count 1`,
          evidence: { streamName: name },
        });
      }
      const evidence = { streamName: name, status: stream.StreamStatus, shards: stream.OpenShardCount, streamArn: stream.StreamARN };
      if (stream.StreamStatus === 'CREATING' || stream.StreamStatus === 'UPDATING') return pending(`Stream ${name} is ${stream.StreamStatus}.`, { evidence });
      if (stream.StreamStatus !== 'ACTIVE') return fail(`Stream ${name} is ${stream.StreamStatus}.`, { hint: 'Recreate the stream.', evidence });
      return pass(`Stream ${name} is ACTIVE with ${stream.OpenShardCount} shard(s) (${via}).`, { evidence });
    },
  };
}
