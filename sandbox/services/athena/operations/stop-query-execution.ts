// StopQueryExecution: CANCELLED for a queued or running query; a finished query is left as it is.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { stopQuery } from '../executions.js';
import { queryExecutionId } from '../shapes.js';

const input = struct({ QueryExecutionId: queryExecutionId(true) });

export const stopQueryExecution = defineOperation<{ QueryExecutionId: string }>({
  name: 'StopQueryExecution',
  input,
  handler(input, ctx) {
    stopQuery(ctx.sandbox, ctx, input.QueryExecutionId);
    return {};
  },
});
