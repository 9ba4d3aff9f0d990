// Firehose delivery streams by tag or name; one already DELETING is left to finish.

import { DeleteDeliveryStreamCommand, DescribeDeliveryStreamCommand, FirehoseClient, ListDeliveryStreamsCommand, ListTagsForDeliveryStreamCommand } from '@aws-sdk/client-firehose';
import { mapLimit, selectByTagOrName, tagMap, type ResetContext } from '../context.js';
import { WORKSHOP_TAG } from '../names.js';
import type { PlannedResource } from '../resource.js';
import { deleteIfExists, isGone } from '../retry.js';
import { ALREADY_GONE, type Deleter, type Discovered, type PassedOver, type ServiceReset } from '../service.js';

const firehoseOf = (ctx: ResetContext) => ctx.clients.get(FirehoseClient);

async function discover(ctx: ResetContext): Promise<Discovered> {
  const firehose = firehoseOf(ctx);
  const names: string[] = [];
  let more = true;
  while (more) {
    const page = await firehose.send(new ListDeliveryStreamsCommand({ Limit: 10000, ExclusiveStartDeliveryStreamName: names[names.length - 1] }), { abortSignal: ctx.signal });
    names.push(...(page.DeliveryStreamNames ?? []));
    more = Boolean(page.HasMoreDeliveryStreams) && (page.DeliveryStreamNames ?? []).length > 0;
  }
  const selected: PlannedResource[] = [];
  const passedOver: PassedOver[] = [];
  await mapLimit(names, 8, async (name) => {
    try {
      const { Tags = [] } = await firehose.send(new ListTagsForDeliveryStreamCommand({ DeliveryStreamName: name }), { abortSignal: ctx.signal });
      const resource = selectByTagOrName(ctx, 'firehose-delivery-stream', name, tagMap(Tags)[WORKSHOP_TAG.key] === WORKSHOP_TAG.value);
      if (!resource) return;
      const { DeliveryStreamDescription: d } = await firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: name }), { abortSignal: ctx.signal });
      resource.arn = d?.DeliveryStreamARN;
      if (d?.DeliveryStreamStatus === 'DELETING') passedOver.push({ resource, reason: { key: 'reasons.beingDeleted' } });
      else selected.push(resource);
    } catch (err) {
      if (!isGone(err)) throw err;
    }
  });
  return { selected, passedOver };
}

const deleteDeliveryStream: Deleter = async (r, ctx) => {
  const deleted = await deleteIfExists(ctx, () => firehoseOf(ctx).send(new DeleteDeliveryStreamCommand({ DeliveryStreamName: r.name }), { abortSignal: ctx.signal }), [
    'ResourceInUseException',
  ]);
  return deleted ? { status: 'deleted' } : ALREADY_GONE;
};

export const firehoseReset: ServiceReset = { service: 'firehose', stage: 1, discover, deleters: { 'firehose-delivery-stream': deleteDeliveryStream } };
