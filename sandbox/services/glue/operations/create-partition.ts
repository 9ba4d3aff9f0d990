// CreatePartition: one partition of a table, its Values in partition-key order.

import { defineOperation } from '../../definition.js';
import { partitionInput, tableRef } from '../shapes.js';
import { createPartition as create, requireTable, type PartitionInput } from '../catalog.js';

const input = tableRef({ PartitionInput: partitionInput(true) });

export const createPartition = defineOperation<{ DatabaseName: string; TableName: string; PartitionInput: PartitionInput }>({
  name: 'CreatePartition',
  input,
  handler(input, ctx) {
    const table = requireTable(ctx.sandbox, ctx, input.DatabaseName, input.TableName);
    create(ctx.sandbox, ctx, table, input.PartitionInput, ctx.clock.now());
    return {};
  },
});
