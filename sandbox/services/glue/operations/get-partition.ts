// GetPartition: one partition by its values, or EntityNotFoundException "Cannot find partition.".

import { defineOperation } from '../../definition.js';
import { auditContext, tableRef, valueStringList } from '../shapes.js';
import { findPartition, partitionView, requireTable } from '../catalog.js';
import { partitionNotFound } from '../errors.js';

const input = tableRef({ PartitionValues: valueStringList(true), AuditContext: auditContext });

export const getPartition = defineOperation<{ DatabaseName: string; TableName: string; PartitionValues: string[] }>({
  name: 'GetPartition',
  input,
  handler(input, ctx) {
    const table = requireTable(ctx.sandbox, ctx, input.DatabaseName, input.TableName);
    const found = findPartition(ctx.sandbox, ctx, table, input.PartitionValues);
    if (!found) throw partitionNotFound();
    return { Partition: partitionView(found, ctx.accountId) };
  },
});
