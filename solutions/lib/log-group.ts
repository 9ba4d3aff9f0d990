// Deploy step: a CloudWatch Logs group and stream, tagged, for a service that writes its errors there
// (Firehose logs failed deliveries only when both exist).

import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, DescribeLogGroupsCommand, DescribeLogStreamsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { SolutionContext } from '../../src/engine/solution.js';
import type { Ledger } from './ledger.js';
import { ts } from './messages.js';

export async function ensureLogStream(ctx: SolutionContext, ledger: Ledger, group: string, stream: string): Promise<void> {
  const logs = ctx.clients.get(CloudWatchLogsClient);
  const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: group }));
  const groupExists = (groups.logGroups ?? []).some((g) => g.logGroupName === group);
  if (!groupExists) {
    await logs.send(new CreateLogGroupCommand({ logGroupName: group, tags: { ...ctx.tags } }));
    ledger.record(ts('ledger.logGroup', { name: group }), 'created');
  }
  const streams = groupExists ? await logs.send(new DescribeLogStreamsCommand({ logGroupName: group, logStreamNamePrefix: stream })) : undefined;
  if ((streams?.logStreams ?? []).some((s) => s.logStreamName === stream)) {
    ledger.record(ts('ledger.logGroup', { name: group }), 'unchanged');
    return;
  }
  await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
  ledger.record(ts('ledger.logStream', { name: `${group}:${stream}` }), 'created');
}
