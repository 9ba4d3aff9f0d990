// Check builder: a Kinesis data stream exists and is ACTIVE.

import { DescribeStreamSummaryCommand, KinesisClient, type StreamDescriptionSummary } from '@aws-sdk/client-kinesis';
import type { Check, CheckContext } from '../../src/engine/types.js';
import { fail, pass, pending } from '../../src/engine/result.js';
import { memo } from './memo.js';
import { orUndefined } from './not-found.js';
import type { Locator } from './located.js';
import { tc } from './messages.js';

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
        return fail(tc('stream.missing', { name, via }), {
          hint: tc('stream.missingHint', { command: `aws kinesis create-stream --stream-name ${name} --shard-count 1` }),
          evidence: { streamName: name },
        });
      }
      const evidence = { streamName: name, status: stream.StreamStatus, shards: stream.OpenShardCount, streamArn: stream.StreamARN };
      const status = String(stream.StreamStatus);
      if (status === 'CREATING' || status === 'UPDATING') return pending(tc('stream.changing', { name, status }), { evidence });
      if (status !== 'ACTIVE') return fail(tc('stream.broken', { name, status }), { hint: tc('stream.brokenHint'), evidence });
      return pass(tc('stream.active', { name, shards: stream.OpenShardCount ?? 0, via }), { evidence });
    },
  };
}
