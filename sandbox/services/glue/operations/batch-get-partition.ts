// BatchGetPartition: up to 1,000 partitions by their values; those that do not exist are left out.

import { defineOperation } from '../../definition.js';
import { any, list } from '../../../protocols/shapes.js';
import { auditContext, partitionValueList, tableRef } from '../shapes.js';
import { findPartition, partitionView, requireTable } from '../catalog.js';

const input = tableRef({ PartitionsToGet: list(partitionValueList, { required: true, min: 0, max: 1000 }), AuditContext: auditContext, QuerySessionContext: any() });

export const batchGetPartition = defineOperation<{ DatabaseName: string; TableName: string; PartitionsToGet: { Values: string[] }[] }>({
  name: 'BatchGetPartition',
  input,
  handler(input, ctx) {
    const table = requireTable(ctx.sandbox, ctx, input.DatabaseName, input.TableName);
    const found = input.PartitionsToGet.map((p) => findPartition(ctx.sandbox, ctx, table, p.Values)).filter((p) => p !== undefined);
    return { Partitions: found.map((p) => partitionView(p, ctx.accountId)), UnprocessedKeys: [] };
  },
});
