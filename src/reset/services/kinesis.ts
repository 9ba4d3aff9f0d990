// Kinesis data streams by tag or name (registered consumers go with them); one already DELETING is left.

import { DeleteStreamCommand, DescribeStreamSummaryCommand, KinesisClient, ListStreamsCommand, ListTagsForStreamCommand } from '@aws-sdk/client-kinesis';
import { mapLimit, selectByTagOrName, tagMap, type ResetContext } from '../context.js';
import { WORKSHOP_TAG } from '../names.js';
import type { PlannedResource } from '../resource.js';
import { deleteIfExists, isGone } from '../retry.js';
import { ALREADY_GONE, type Deleter, type Discovered, type PassedOver, type ServiceReset } from '../service.js';

const kinesisOf = (ctx: ResetContext) => ctx.clients.get(KinesisClient);

async function discover(ctx: ResetContext): Promise<Discovered> {
  const kinesis = kinesisOf(ctx);
  const names: string[] = [];
  let more = true;
  while (more) {
    const page = await kinesis.send(new ListStreamsCommand({ ExclusiveStartStreamName: names[names.length - 1] }), { abortSignal: ctx.signal });
    names.push(...(page.StreamNames ?? []));
    more = Boolean(page.HasMoreStreams) && (page.StreamNames ?? []).length > 0;
  }
  const selected: PlannedResource[] = [];
  const passedOver: PassedOver[] = [];
  await mapLimit(names, 8, async (name) => {
    try {
      const { Tags = [] } = await kinesis.send(new ListTagsForStreamCommand({ StreamName: name }), { abortSignal: ctx.signal });
      const resource = selectByTagOrName(ctx, 'kinesis-stream', name, tagMap(Tags)[WORKSHOP_TAG.key] === WORKSHOP_TAG.value);
      if (!resource) return;
      const { StreamDescriptionSummary: s } = await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: name }), { abortSignal: ctx.signal });
      resource.arn = s?.StreamARN;
      if (s?.StreamStatus === 'DELETING') passedOver.push({ resource, reason: { key: 'reasons.beingDeleted' } });
      else selected.push(resource);
    } catch (err) {
      if (!isGone(err)) throw err;
    }
  });
  return { selected, passedOver };
}

const deleteStream: Deleter = async (r, ctx) => {
  const deleted = await deleteIfExists(ctx, () => kinesisOf(ctx).send(new DeleteStreamCommand({ StreamName: r.name, EnforceConsumerDeletion: true }), { abortSignal: ctx.signal }), [
    'ResourceInUseException',
  ]);
  return deleted ? { status: 'deleted' } : ALREADY_GONE;
};

export const kinesisReset: ServiceReset = { service: 'kinesis', stage: 1, discover, deleters: { 'kinesis-stream': deleteStream } };
