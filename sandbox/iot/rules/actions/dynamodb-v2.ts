// The dynamoDBv2 action: the rule's output (a JSON object) written as one item, each top-level
// member an attribute of the DynamoDB type its JSON value maps to.

import { substitute } from '../templates.js';
import { failureFrom, requireRole, resourceArn, text, ActionFailure, type RuleActionHandler } from './action.js';

type AttributeValue = Record<string, unknown>;

function attribute(value: unknown): AttributeValue {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (value === null) return { NULL: true };
  if (Array.isArray(value)) return { L: value.map(attribute) };
  return { M: item(value as Record<string, unknown>) };
}

function item(doc: Record<string, unknown>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(doc).map(([k, v]) => [k, attribute(v)]));
}

export const dynamoDbV2Action: RuleActionHandler = {
  actionType: 'DynamoDBv2',
  failedAction: 'DynamoDBv2Action',
  async run(params, ctx) {
    const putItem = (params.putItem ?? {}) as Record<string, unknown>;
    const tableName = substitute(text(putItem.tableName), ctx.message);
    try {
      requireRole(ctx, params.roleArn, 'dynamodb:PutItem', resourceArn('dynamodb', ctx, `table/${tableName}`), tableName);
      let doc: unknown;
      try {
        doc = JSON.parse(ctx.output.toString('utf8'));
      } catch {
        doc = undefined;
      }
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new ActionFailure(tableName, 'The payload must be a JSON object to be written as a DynamoDB item');
      await ctx.sandbox.api('dynamodb').putItem(ctx.owner, tableName, item(doc as Record<string, unknown>));
    } catch (err) {
      throw failureFrom(tableName, err);
    }
  },
};
