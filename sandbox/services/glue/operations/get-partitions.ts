// GetPartitions: a table's partitions ordered by their values, filtered by Expression (see expression.ts),
// split into Segments and paged (1,000 a page by default).

import { defineOperation } from '../../definition.js';
import { bool, int, str, struct, timestamp } from '../../../protocols/shapes.js';
import { auditContext, MULTILINE_TEXT, tableRef, token, transactionId } from '../shapes.js';
import { partitionSortKey, partitionsOfTable, partitionView, requireTable } from '../catalog.js';
import { partitionFilter } from '../expression.js';
import { page } from '../paging.js';
import { invalidInput } from '../errors.js';

const input = tableRef({
  Expression: str({ min: 0, max: 2048, pattern: MULTILINE_TEXT }),
  NextToken: token,
  Segment: struct({ SegmentNumber: int({ required: true, min: 0 }), TotalSegments: int({ required: true, min: 1, max: 10 }) }),
  MaxResults: int({ min: 1, max: 1000 }),
  ExcludeColumnSchema: bool(),
  TransactionId: transactionId,
  QueryAsOfTime: timestamp(),
  AuditContext: auditContext,
});

interface Input {
  DatabaseName: string;
  TableName: string;
  Expression?: string;
  NextToken?: string;
  Segment?: { SegmentNumber: number; TotalSegments: number };
  MaxResults?: number;
  ExcludeColumnSchema?: boolean;
}

export const getPartitions = defineOperation<Input>({
  name: 'GetPartitions',
  input,
  handler(input, ctx) {
    const table = requireTable(ctx.sandbox, ctx, input.DatabaseName, input.TableName);
    const matches = partitionFilter(input.Expression ?? '', table.PartitionKeys);
    let all = partitionsOfTable(ctx.sandbox, ctx, table).filter((p) => matches(p.Values));
    if (input.Segment) {
      const { SegmentNumber, TotalSegments } = input.Segment;
      if (SegmentNumber >= TotalSegments) throw invalidInput('SegmentNumber must be less than TotalSegments.');
      all = all.filter((_, i) => i % TotalSegments === SegmentNumber);
    }
    const { items, NextToken } = page(all, partitionSortKey, input.MaxResults ?? 1000, input.NextToken);
    return { Partitions: items.map((p) => partitionView(p, ctx.accountId, input.ExcludeColumnSchema)), NextToken };
  },
});
