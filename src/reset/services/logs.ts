// CloudWatch Logs groups: by tag or name, and the groups of the selected functions
// (`/aws/lambda/<function>`) and delivery streams (`/aws/kinesisfirehose/<stream>`), which Lambda and
// the console create without the tag. Found after stage 1, since those depend on what it selected.

import { CloudWatchLogsClient, DeleteLogGroupCommand, DescribeLogGroupsCommand, ListTagsForResourceCommand, type LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import { mapLimit, selectByTagOrName, type ResetContext } from '../context.js';
import { WORKSHOP_TAG, firehoseLogGroup, lambdaLogGroup } from '../names.js';
import type { PlannedResource, Selection } from '../resource.js';
import { deleteIfExists, isGone } from '../retry.js';
import { ALREADY_GONE, type Deleter, type Discovered, type ServiceReset } from '../service.js';

const logsOf = (ctx: ResetContext) => ctx.clients.get(CloudWatchLogsClient);

async function discover(ctx: ResetContext, found: readonly PlannedResource[]): Promise<Discovered> {
  const logs = logsOf(ctx);
  const groups: LogGroup[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(new DescribeLogGroupsCommand({ nextToken }), { abortSignal: ctx.signal });
    groups.push(...(page.logGroups ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  // The groups that belong to a selected function or delivery stream.
  const owners = new Map<string, PlannedResource>();
  for (const r of found) {
    if (r.kind === 'lambda-function') owners.set(lambdaLogGroup(r.name), r);
    if (r.kind === 'firehose-delivery-stream') owners.set(firehoseLogGroup(r.name), r);
  }
  const selected = await mapLimit(groups, 8, async (group) => {
    const name = group.logGroupName!;
    const arn = group.logGroupArn ?? group.arn?.replace(/:\*$/, '');
    let tagged = false;
    try {
      const { tags } = await logs.send(new ListTagsForResourceCommand({ resourceArn: arn }), { abortSignal: ctx.signal });
      tagged = tags?.[WORKSHOP_TAG.key] === WORKSHOP_TAG.value;
    } catch (err) {
      if (isGone(err)) return undefined;
      throw err;
    }
    const resource = selectByTagOrName(ctx, 'logs-log-group', name, tagged, { arn });
    const owner = owners.get(name);
    if (!owner) return resource;
    const via: Selection = { via: { key: owner.kind === 'lambda-function' ? 'selection.functionLogs' : 'selection.deliveryStreamLogs', values: { name: owner.name } } };
    return resource ? { ...resource, lab: owner.lab, why: [...resource.why, via] } : { kind: 'logs-log-group' as const, name, arn, lab: owner.lab, why: [via] };
  });
  return { selected: selected.filter((r): r is PlannedResource => r !== undefined) };
}

const deleteLogGroup: Deleter = async (r, ctx) => {
  const deleted = await deleteIfExists(ctx, () => logsOf(ctx).send(new DeleteLogGroupCommand({ logGroupName: r.name }), { abortSignal: ctx.signal }), [
    'OperationAbortedException',
  ]);
  return deleted ? { status: 'deleted' } : ALREADY_GONE;
};

export const logsReset: ServiceReset = { service: 'logs', stage: 2, discover, deleters: { 'logs-log-group': deleteLogGroup } };
