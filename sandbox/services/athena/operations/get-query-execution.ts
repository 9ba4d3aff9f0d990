// GetQueryExecution: a query's state, reason, statistics and where its results are.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { executionView, requireExecution } from '../executions.js';
import { queryExecutionId } from '../shapes.js';

const input = struct({ QueryExecutionId: queryExecutionId(true) });

export const getQueryExecution = defineOperation<{ QueryExecutionId: string }>({
  name: 'GetQueryExecution',
  input,
  handler(input, ctx) {
    return { QueryExecution: executionView(requireExecution(ctx.sandbox, ctx, input.QueryExecutionId), ctx.clock.now()) };
  },
});
