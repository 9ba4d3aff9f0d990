// CreateTable: a table in a database (names folded to lower case), recorded as version 0. Open table
// formats (OpenTableFormatInput) and partition indexes are not emulated.

import { defineOperation } from '../../definition.js';
import { any, list, struct } from '../../../protocols/shapes.js';
import type { RequestContext } from '../../../edge/context.js';
import { catalogId, nameString, tableInput, transactionId } from '../shapes.js';
import { createTable as create, type TableInput } from '../catalog.js';
import { invalidInput, notEmulated } from '../errors.js';

const input = struct({
  CatalogId: catalogId,
  DatabaseName: nameString(true),
  Name: nameString(),
  TableInput: tableInput(),
  PartitionIndexes: list(any()),
  TransactionId: transactionId,
  OpenTableFormatInput: any(),
});

/** Who Glue records as a table's creator: the caller's IAM identity. */
export function callerArn(ctx: RequestContext): string {
  const session = ctx.sandbox.apis.sts?.sessionForAccessKey(ctx.accessKeyId);
  if (session) return `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`;
  return `arn:aws:iam::${ctx.accountId}:root`;
}

export const createTable = defineOperation<{ DatabaseName: string; TableInput?: TableInput; OpenTableFormatInput?: unknown; PartitionIndexes?: unknown[] }>({
  name: 'CreateTable',
  input,
  handler(input, ctx) {
    if (input.OpenTableFormatInput !== undefined) throw notEmulated('open table formats (OpenTableFormatInput)');
    if (input.PartitionIndexes?.length) throw notEmulated('partition indexes');
    if (!input.TableInput) throw invalidInput('TableInput is required.');
    create(ctx.sandbox, ctx, input.DatabaseName, input.TableInput, ctx.clock.now(), callerArn(ctx));
    return {};
  },
});
