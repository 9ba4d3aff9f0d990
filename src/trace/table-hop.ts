// Hop 3 (lab 1): the reading as an item of the table the ingest function writes (its TABLE_NAME),
// read with one Query on the item's key: the device and the reading's TIMESTAMP.

import { DynamoDBClient, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { locateTable } from '../../checks/lib/stream-pipeline.js';
import { describeTable } from '../../checks/lib/table-check.js';
import type { HopKind } from './hop.js';
import type { MarkedReading } from './marked-reading.js';
import { pollUntilSeen } from './poll.js';
import { lab1Route } from './routes.js';
import { text, type TraceText } from './messages.js';

const POLL_MS = 500;

export const tableHop: HopKind = {
  id: 'table',
  title: 'DynamoDB table',
  lab: 1,
  async prepare(ctx) {
    const route = await lab1Route(ctx, ctx.topic);
    if ('state' in route) return route;
    const { name, via } = await locateTable(ctx);
    const table = await describeTable(ctx, name);
    if (!table) return { state: 'broken', message: text('table.missing', { table: name, via }) };
    const keyOf = (kind: 'HASH' | 'RANGE') => table.KeySchema?.find((k) => k.KeyType === kind)?.AttributeName;
    const hash = keyOf('HASH');
    const range = keyOf('RANGE');
    if (!hash || !range) return { state: 'broken', message: text('table.noKeys', { table: name }) };
    return {
      state: 'built',
      where: text('table.where', { table: name, via }),
      evidence: { tableName: name, partitionKey: hash, sortKey: range },
      watch: (published, signal) => {
        const { reading } = published;
        const look = async () => {
          const out = await ctx.clients.get(DynamoDBClient).send(
            new QueryCommand({
              TableName: name,
              // `timestamp` is a reserved word: both keys go through placeholders.
              KeyConditionExpression: '#h = :h AND #r = :r',
              ExpressionAttributeNames: { '#h': hash, '#r': range },
              ExpressionAttributeValues: { ':h': { S: reading.DEVICE_NAME }, ':r': { S: reading.TIMESTAMP } },
            }),
            { abortSignal: signal },
          );
          const item = out.Items?.[0];
          const key = { device: reading.DEVICE_NAME, timestamp: reading.TIMESTAMP, table: name };
          if (!item) return { seen: false as const, note: text('table.noItem', key) };
          if (holdsReading(item, reading)) return { seen: true as const, detail: text('table.seen', key) };
          return { seen: false as const, note: text('table.overwritten', { ...key, values: describeValues(item) }) };
        };
        return pollUntilSeen(look, POLL_MS, ctx.clock, signal);
      },
    };
  },
};

/** The item's values are the reading's, whichever spelling the function kept (humidity or HUMIDITY). */
function holdsReading(item: Record<string, AttributeValue>, reading: MarkedReading): boolean {
  return valueOf(item, 'humidity') === reading.HUMIDITY && valueOf(item, 'temperature') === reading.TEMPERATURE;
}

function valueOf(item: Record<string, AttributeValue>, field: string): number | undefined {
  const value = item[field] ?? item[field.toUpperCase()];
  return value?.N !== undefined ? Number(value.N) : undefined;
}

function describeValues(item: Record<string, AttributeValue>): TraceText {
  return text('table.values', { humidity: valueOf(item, 'humidity') ?? '?', temperature: valueOf(item, 'temperature') ?? '?' });
}
