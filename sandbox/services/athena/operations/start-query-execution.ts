// StartQueryExecution: accepts a query (QUEUED) and returns its id at once; the query runs in the background.
// A repeated ClientRequestToken returns the first call's id. Without an output location anywhere the call
// itself is refused; every other problem with the query is reported by the query's FAILED state.

import { defineOperation } from '../../definition.js';
import { any, list, str, struct } from '../../../protocols/shapes.js';
import { startQuery, type StartInput } from '../executions.js';
import { catalogName, databaseString, idempotencyToken, queryString, resultConfiguration, workGroupName } from '../shapes.js';

const input = struct({
  QueryString: queryString(true),
  ClientRequestToken: idempotencyToken,
  QueryExecutionContext: struct({ Database: databaseString(), Catalog: catalogName() }),
  ResultConfiguration: resultConfiguration,
  WorkGroup: workGroupName(),
  ExecutionParameters: list(str({ min: 1, max: 1024 }), { min: 1 }),
  ResultReuseConfiguration: any(),
  EngineConfiguration: any(),
});

export const startQueryExecution = defineOperation<StartInput>({
  name: 'StartQueryExecution',
  input,
  handler(input, ctx) {
    return { QueryExecutionId: startQuery(ctx, input) };
  },
});
