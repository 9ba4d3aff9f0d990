// DeletePartition: removes one partition by its values.

import { defineOperation } from '../../definition.js';
import { tableRef, valueStringList } from '../shapes.js';
import { deletePartition as remove, requireTable } from '../catalog.js';
import { partitionNotFound } from '../errors.js';

const input = tableRef({ PartitionValues: valueStringList(true) });

export const deletePartition = defineOperation<{ DatabaseName: string; TableName: string; PartitionValues: string[] }>({
  name: 'DeletePartition',
  input,
  handler(input, ctx) {
    const table = requireTable(ctx.sandbox, ctx, input.DatabaseName, input.TableName);
    if (!remove(ctx.sandbox, ctx, table, input.PartitionValues)) throw partitionNotFound();
    return {};
  },
});
