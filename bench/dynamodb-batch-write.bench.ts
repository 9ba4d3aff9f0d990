// DynamoDB BatchWriteItem through the sandbox edge (SigV4 parsing, routing, per-account dynalite store)
// against dynalite's own HTTP server in the same process: what the edge costs. Both keep data in memory,
// both are driven by the same SDK v3 client at default settings.

import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, waitUntilTableExists, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { startSandbox, SANDBOX_CREDENTIALS } from '../sandbox/index.js';
import { labTable } from '../test/sandbox/lab-table.js';
import { median } from './stats.js';
import { inFlight } from './in-flight.js';

const require = createRequire(import.meta.url);
const dynalite = require('dynalite') as (options: { createTableMs?: number }) => Server;

const CALLS = 400;
const ITEMS_PER_CALL = 25;
const IN_FLIGHT = 4;
const ROUNDS = 9;
const TABLE = 'bench-readings';

function client(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { ...SANDBOX_CREDENTIALS } });
}

async function createTable(ddb: DynamoDBClient): Promise<void> {
  await ddb.send(new CreateTableCommand(labTable(TABLE)));
  await waitUntilTableExists({ client: ddb, maxWaitTime: 30 }, { TableName: TABLE });
}

/** 25 readings of about 200 bytes each, unique per round and call. */
function batch(round: string, call: number): WriteRequest[] {
  return Array.from({ length: ITEMS_PER_CALL }, (_, i) => ({
    PutRequest: {
      Item: {
        deviceid: { S: `device-${round}-${call % 50}` },
        timestamp: { S: `2026-11-28T10:${String(call).padStart(4, '0')}:${String(i).padStart(2, '0')}` },
        TEMPERATURE: { N: String(20 + (i % 7)) },
        HUMIDITY: { N: String(40 + (i % 11)) },
        payload: { S: 'x'.repeat(110) },
      },
    },
  }));
}

/** Items per second for CALLS BatchWriteItem calls, IN_FLIGHT at a time. */
async function round(ddb: DynamoDBClient, name: string): Promise<number> {
  const started = process.hrtime.bigint();
  await inFlight(CALLS, IN_FLIGHT, async (call) => {
    const out = await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: batch(name, call) } }));
    if (Object.keys(out.UnprocessedItems ?? {}).length) throw new Error('unprocessed items');
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return (CALLS * ITEMS_PER_CALL) / seconds;
}

export default async function bench(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, inMemory: true, verbose: false });
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const direct = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const viaEdge = client(sandbox.endpoint);
    const viaDynalite = client(direct);
    await createTable(viaEdge);
    await createTable(viaDynalite);
    await round(viaEdge, 'warm');
    await round(viaDynalite, 'warm');

    const edgeRates: number[] = [];
    const directRates: number[] = [];
    const overheads: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      // alternate who goes first, and compare each pair run back to back, so drift in the machine's load hits both alike
      let edge = 0;
      let plain = 0;
      for (const side of r % 2 === 0 ? ['edge', 'direct'] : ['direct', 'edge']) {
        if (side === 'edge') edge = await round(viaEdge, `r${r}`);
        else plain = await round(viaDynalite, `r${r}`);
      }
      edgeRates.push(edge);
      directRates.push(plain);
      overheads.push((plain / edge - 1) * 100);
    }
    const edge = median(edgeRates);
    const plain = median(directRates);
    console.log(`BatchWriteItem, ${CALLS} calls x ${ITEMS_PER_CALL} items (~200 B), ${IN_FLIGHT} in flight, medians of ${ROUNDS} paired rounds`);
    console.log(`  sandbox edge      ${edge.toFixed(0).padStart(8)} items/s  (${(edge / ITEMS_PER_CALL).toFixed(0)} calls/s)`);
    console.log(`  dynalite direct   ${plain.toFixed(0).padStart(8)} items/s  (${(plain / ITEMS_PER_CALL).toFixed(0)} calls/s)`);
    console.log(`  edge overhead     ${median(overheads).toFixed(1)}% (median over pairs of extra time per item vs dynalite; aim <= 15%)`);
    viaEdge.destroy();
    viaDynalite.destroy();
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await sandbox.stop();
  }
}
