// API function of lab 3 in TypeScript (AWS SDK v3): API Gateway's Lambda proxy integration calls it for
// GET /datas/{deviceid}; it answers the device's newest 30 readings, newest first, as
// {"<deviceid>": [{timestamp, value: temperature, humidity}]}. Deployed as one ES module, so it imports
// nothing but the SDK the runtime provides. It sends Access-Control-Allow-Origin itself: a proxy
// integration passes the function's headers through and adds none.

import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';

interface ProxyEvent {
  pathParameters?: Record<string, string | undefined> | null;
}

interface ProxyResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const TABLE_NAME = process.env.TABLE_NAME!;
const dynamodb = new DynamoDBClient({});
const CORS = { 'Access-Control-Allow-Origin': '*' };

const asInt = (n: string | undefined) => (n === undefined ? null : Math.trunc(Number(n)));

export async function handler(event: ProxyEvent): Promise<ProxyResult> {
  try {
    const deviceid = event.pathParameters?.deviceid;
    if (!deviceid) throw new Error('no deviceid path parameter');
    const out = await dynamodb.send(
      new QueryCommand({
        TableName: TABLE_NAME,
        KeyConditionExpression: 'deviceid = :d',
        ExpressionAttributeValues: { ':d': { S: deviceid } },
        ScanIndexForward: false,
        Limit: 30,
      }),
    );
    const datas = (out.Items ?? []).map((item) => ({ timestamp: item.timestamp?.S, value: asInt(item.temperature?.N), humidity: asInt(item.humidity?.N) }));
    return { statusCode: 200, headers: { ...CORS, 'Content-Type': 'application/json' }, body: JSON.stringify({ [deviceid]: datas }) };
  } catch (err) {
    console.log('Could not read the readings:', err);
    return { statusCode: 500, headers: { ...CORS, 'Content-Type': 'text/plain' }, body: `Could not read the readings: ${(err as Error).name}` };
  }
}
