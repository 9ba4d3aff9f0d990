// UpdatePartition: replaces a partition (found by PartitionValueList) with PartitionInput, whose Values may move it.

import { defineOperation } from '../../definition.js';
import { partitionInput, tableRef, valueStringList } from '../shapes.js';
import { findPartition, requireTable, updatePartition as update, type PartitionInput } from '../catalog.js';
import { partitionNotFound } from '../errors.js';

const input = tableRef({ PartitionValueList: valueStringList(true), PartitionInput: partitionInput(true) });

export const updatePartition = defineOperation<{ DatabaseName: string; TableName: string; PartitionValueList: string[]; PartitionInput: PartitionInput }>({
  name: 'UpdatePartition',
  input,
  handler(input, ctx) {
    const table = requireTable(ctx.sandbox, ctx, input.DatabaseName, input.TableName);
    const current = findPartition(ctx.sandbox, ctx, table, input.PartitionValueList);
    if (!current) throw partitionNotFound();
    update(ctx.sandbox, ctx, table, current, { ...input.PartitionInput, Values: input.PartitionInput.Values ?? current.Values });
    return {};
  },
});
