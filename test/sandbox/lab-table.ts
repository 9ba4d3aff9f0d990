// The labs' DynamoDB table as tests and benchmarks create it: readings of a device (`deviceid`), ordered
// by their `timestamp` sort key, on demand. No test-runner imports, so the benchmarks can use it.

import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export function labTable(TableName: string): CreateTableCommandInput {
  return {
    TableName,
    AttributeDefinitions: [
      { AttributeName: 'deviceid', AttributeType: 'S' },
      { AttributeName: 'timestamp', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'deviceid', KeyType: 'HASH' },
      { AttributeName: 'timestamp', KeyType: 'RANGE' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  };
}
