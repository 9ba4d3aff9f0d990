// The IAM permissions DynamoDB's operations need: the action named after the operation, on the table
// (or index) each names; batch and transact calls need it on every table they touch.

import { arn, type RequestContext } from '../../edge/context.js';
import type { Permission } from '../definition.js';

interface TableInput {
  TableName?: string;
  IndexName?: string;
  ResourceArn?: string;
  RequestItems?: Record<string, unknown>;
}

export function permissions(operation: string, input: TableInput, ctx: RequestContext): Permission[] {
  const action = `dynamodb:${operation}`;
  const table = (name: string) => arn('dynamodb', ctx, `table/${name}`);
  if (input.RequestItems) return Object.keys(input.RequestItems).map((name) => ({ action, resource: table(name) }));
  if (input.ResourceArn) return [{ action, resource: input.ResourceArn }];
  if (input.TableName) return [{ action, resource: input.IndexName ? `${table(input.TableName)}/index/${input.IndexName}` : table(input.TableName) }];
  return [{ action, resource: '*' }];
}
