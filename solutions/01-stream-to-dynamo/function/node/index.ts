// Ingest function of lab 1 in TypeScript (AWS SDK v3): device readings from the Kinesis stream into
// the DynamoDB table. Deployed as one ES module, so it imports nothing but the SDK the runtime provides.
// A malformed message is logged and skipped: throwing would make Lambda retry the whole batch.

import { BatchWriteItemCommand, DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';

interface KinesisRecord {
  eventID?: string;
  kinesis: { data: string };
}

interface KinesisEvent {
  Records?: KinesisRecord[];
}

interface Item {
  deviceid: string;
  timestamp: string;
  humidity: number;
  temperature: number;
}

const TABLE_NAME = process.env.TABLE_NAME!;
const dynamodb = new DynamoDBClient({});
const TIMESTAMP_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
/** BatchWriteItem takes at most 25 items. */
const BATCH_LIMIT = 25;

export function checkReading(message: unknown): { item?: Item; problem?: string } {
  if (!message || typeof message !== 'object' || Array.isArray(message)) return { problem: 'not a JSON object' };
  const m = message as Record<string, unknown>;
  if (typeof m.DEVICE_NAME !== 'string' || m.DEVICE_NAME === '') return { problem: 'no DEVICE_NAME' };
  if (typeof m.TIMESTAMP !== 'string' || !TIMESTAMP_FORMAT.test(m.TIMESTAMP)) return { problem: 'no TIMESTAMP of the form yyyy-mm-ddThh:MM:SS' };
  if (!Number.isInteger(m.HUMIDITY)) return { problem: 'no integer HUMIDITY' };
  if (!Number.isInteger(m.TEMPERATURE)) return { problem: 'no integer TEMPERATURE' };
  return { item: { deviceid: m.DEVICE_NAME, timestamp: m.TIMESTAMP, humidity: m.HUMIDITY as number, temperature: m.TEMPERATURE as number } };
}

function decode(record: KinesisRecord): unknown {
  try {
    return JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
}

function toRequest(item: Item): WriteRequest {
  return {
    PutRequest: {
      Item: {
        deviceid: { S: item.deviceid },
        timestamp: { S: item.timestamp },
        humidity: { N: String(item.humidity) },
        temperature: { N: String(item.temperature) },
      },
    },
  };
}

/** Writes one batch of at most 25, retrying what DynamoDB left unprocessed (throttling) with backoff. */
async function writeBatch(requests: WriteRequest[]): Promise<void> {
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
    const out = await dynamodb.send(new BatchWriteItemCommand({ RequestItems: { [TABLE_NAME]: pending } }));
    pending = out.UnprocessedItems?.[TABLE_NAME] ?? [];
  }
}

export async function handler(event: KinesisEvent): Promise<{ written: number; skipped: number }> {
  const records = event.Records ?? [];
  // The same reading twice in one batch (a device retry) is written once: DynamoDB refuses duplicate keys in a batch.
  const items = new Map<string, Item>();
  let skipped = 0;
  for (const record of records) {
    const { item, problem } = checkReading(decode(record));
    if (!item) {
      skipped++;
      console.log(`skipped record ${record.eventID ?? '?'}: ${problem ?? 'not JSON'}`);
      continue;
    }
    items.set(`${item.deviceid}\u0000${item.timestamp}`, item);
  }
  const requests = [...items.values()].map(toRequest);
  for (let i = 0; i < requests.length; i += BATCH_LIMIT) await writeBatch(requests.slice(i, i + BATCH_LIMIT));
  console.log(JSON.stringify({ received: records.length, written: items.size, skipped }));
  return { written: items.size, skipped };
}
