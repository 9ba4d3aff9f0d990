// DynamoDB tables by tag or name; one already DELETING is left. A table with deletion protection is
// refused by DynamoDB and reported as failed: turning protection off is the owner's decision.

import { DeleteTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand, ListTagsOfResourceCommand, type Tag } from '@aws-sdk/client-dynamodb';
import { mapLimit, selectByTagOrName, tagMap, type ResetContext } from '../context.js';
import { WORKSHOP_TAG } from '../names.js';
import type { PlannedResource } from '../resource.js';
import { deleteIfExists, isGone } from '../retry.js';
import { ALREADY_GONE, type Deleter, type Discovered, type PassedOver, type ServiceReset } from '../service.js';

const dynamodbOf = (ctx: ResetContext) => ctx.clients.get(DynamoDBClient);

async function discover(ctx: ResetContext): Promise<Discovered> {
  const dynamodb = dynamodbOf(ctx);
  const names: string[] = [];
  let ExclusiveStartTableName: string | undefined;
  do {
    const page = await dynamodb.send(new ListTablesCommand({ ExclusiveStartTableName }), { abortSignal: ctx.signal });
    names.push(...(page.TableNames ?? []));
    ExclusiveStartTableName = page.LastEvaluatedTableName;
  } while (ExclusiveStartTableName);
  const selected: PlannedResource[] = [];
  const passedOver: PassedOver[] = [];
  await mapLimit(names, 8, async (name) => {
    try {
      const { Table: table } = await dynamodb.send(new DescribeTableCommand({ TableName: name }), { abortSignal: ctx.signal });
      const tags: Tag[] = [];
      let NextToken: string | undefined;
      do {
        const page = await dynamodb.send(new ListTagsOfResourceCommand({ ResourceArn: table!.TableArn, NextToken }), { abortSignal: ctx.signal });
        tags.push(...(page.Tags ?? []));
        NextToken = page.NextToken;
      } while (NextToken);
      const resource = selectByTagOrName(ctx, 'dynamodb-table', name, tagMap(tags)[WORKSHOP_TAG.key] === WORKSHOP_TAG.value, { arn: table?.TableArn });
      if (!resource) return;
      if (table?.TableStatus === 'DELETING') passedOver.push({ resource, reason: { key: 'reasons.beingDeleted' } });
      else selected.push(resource);
    } catch (err) {
      if (!isGone(err)) throw err;
    }
  });
  return { selected, passedOver };
}

const deleteTable: Deleter = async (r, ctx) => {
  const deleted = await deleteIfExists(ctx, () => dynamodbOf(ctx).send(new DeleteTableCommand({ TableName: r.name }), { abortSignal: ctx.signal }), ['ResourceInUseException']);
  return deleted ? { status: 'deleted' } : ALREADY_GONE;
};

export const dynamodbReset: ServiceReset = { service: 'dynamodb', stage: 1, discover, deleters: { 'dynamodb-table': deleteTable } };
