// BatchDeletePartition: removes up to 25 partitions; each one that does not exist is an entry in Errors.

import { defineOperation } from '../../definition.js';
import { list } from '../../../protocols/shapes.js';
import { partitionValueList, tableRef } from '../shapes.js';
import { deletePartition, requireTable } from '../catalog.js';
import { partitionNotFound } from '../errors.js';

const input = tableRef({ PartitionsToDelete: list(partitionValueList, { required: true, min: 0, max: 25 }) });

export const batchDeletePartition = defineOperation<{ DatabaseName: string; TableName: string; PartitionsToDelete: { Values: string[] }[] }>({
  name: 'BatchDeletePartition',
  input,
  handler(input, ctx) {
    const table = requireTable(ctx.sandbox, ctx, input.DatabaseName, input.TableName);
    const missing = partitionNotFound();
    const Errors = input.PartitionsToDelete.filter((p) => !deletePartition(ctx.sandbox, ctx, table, p.Values)).map((p) => ({
      PartitionValues: p.Values,
      ErrorDetail: { ErrorCode: missing.code, ErrorMessage: missing.message },
    }));
    return { Errors };
  },
});
