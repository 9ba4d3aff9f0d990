// BatchGetQueryExecution: up to 50 queries; ids not found come back as UnprocessedQueryExecutionIds.

import { defineOperation } from '../../definition.js';
import { list, struct } from '../../../protocols/shapes.js';
import { executionView } from '../executions.js';
import { queryExecutionId } from '../shapes.js';
import { executions } from '../store.js';

const input = struct({ QueryExecutionIds: list(queryExecutionId(), { required: true, min: 1, max: 50 }) });

export const batchGetQueryExecution = defineOperation<{ QueryExecutionIds: string[] }>({
  name: 'BatchGetQueryExecution',
  input,
  handler(input, ctx) {
    const table = executions(ctx.sandbox, ctx);
    const found = [];
    const unprocessed = [];
    for (const id of input.QueryExecutionIds) {
      const record = table.get(id);
      if (record) found.push(executionView(record, ctx.clock.now()));
      else unprocessed.push({ QueryExecutionId: id, ErrorCode: 'INVALID_INPUT', ErrorMessage: `QueryExecution ${id} was not found` });
    }
    return { QueryExecutions: found, UnprocessedQueryExecutionIds: unprocessed };
  },
});
