// BatchCreatePartition: up to 100 partitions; each one that exists already (or does not fit the keys) is an
// entry in Errors and the others are created.

import { defineOperation } from '../../definition.js';
import { list } from '../../../protocols/shapes.js';
import { isServiceError } from '../../../protocols/errors.js';
import { partitionInput, tableRef } from '../shapes.js';
import { createPartition, requireTable, type PartitionInput } from '../catalog.js';

const input = tableRef({ PartitionInputList: list(partitionInput(), { required: true, min: 0, max: 100 }) });

export const batchCreatePartition = defineOperation<{ DatabaseName: string; TableName: string; PartitionInputList: PartitionInput[] }>({
  name: 'BatchCreatePartition',
  input,
  handler(input, ctx) {
    const table = requireTable(ctx.sandbox, ctx, input.DatabaseName, input.TableName);
    const now = ctx.clock.now();
    const Errors: { PartitionValues?: string[]; ErrorDetail: { ErrorCode: string; ErrorMessage: string } }[] = [];
    for (const p of input.PartitionInputList) {
      try {
        createPartition(ctx.sandbox, ctx, table, p, now);
      } catch (err) {
        if (!isServiceError(err)) throw err;
        Errors.push({ PartitionValues: p.Values, ErrorDetail: { ErrorCode: err.code, ErrorMessage: err.message } });
      }
    }
    return { Errors };
  },
});
