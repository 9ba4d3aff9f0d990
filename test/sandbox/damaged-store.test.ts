// A damaged data directory is named and never served, never silently dropped: each store is written
// through the real SDK, stopped, damaged on disk, and then the start must stop with one line naming the
// service and the file and leave every file as it was; `repair` must start and keep every write that
// can be read, before and after the damage, with the damaged files moved into `<data>/damaged-<time>/`.

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand, ScanCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { CreateFunctionCommand, GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startSandbox, type RunningSandbox } from '../../sandbox/index.js';
import { zipFiles } from './lambda-zip.js';
import { StoreDamagedError } from '../../sandbox/store/damage.js';
import { clientConfig } from './support.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'damaged-store-'));
  dirs.push(dir);
  return dir;
}

async function withSandbox<T>(dataDir: string, work: (running: RunningSandbox) => Promise<T>, repair = false): Promise<T> {
  const running = await startSandbox({ port: 0, dataDir, verbose: false, repair });
  try {
    return await work(running);
  } finally {
    await running.stop();
  }
}

/** Every file under `dir` with the hash of its bytes, to show a refused start changed nothing. */
function fingerprint(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    if (statSync(path).isFile() && !name.endsWith('LOCK')) files[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return files;
}

/** The start refuses: one line naming the service and the file, and not one file changed. */
async function expectRefused(dataDir: string, service: string, file: RegExp): Promise<StoreDamagedError> {
  const before = fingerprint(dataDir);
  const err = await startSandbox({ port: 0, dataDir, verbose: false }).then(
    async (running) => {
      await running.stop();
      throw new Error('the sandbox started on a damaged data directory');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreDamagedError);
  const damaged = err as StoreDamagedError;
  expect(damaged.reason).not.toContain('\n');
  expect(damaged.reason).toMatch(new RegExp(`^${service} data is damaged: `));
  expect(damaged.file).toMatch(file);
  expect(damaged.reason).toContain(damaged.file);
  expect(damaged.message).toContain('lab sandbox start --repair');
  expect(damaged.message).toContain('lab sandbox reset');
  expect(fingerprint(dataDir)).toEqual(before);
  return damaged;
}

/** The dated folder --repair moved things into. */
function damagedFolder(dataDir: string): string {
  const folders = readdirSync(dataDir).filter((n) => n.startsWith('damaged-'));
  expect(folders).toHaveLength(1);
  return join(dataDir, folders[0]);
}

const BUCKET = 'damage-bucket';
const TABLE = 'damage-table';
const body = (i: number) => `object ${i} `.repeat(1 + (i % 5));
const s3 = (r: RunningSandbox) => new S3Client({ ...clientConfig(r.endpoint), forcePathStyle: true });
const iam = (r: RunningSandbox) => new IAMClient(clientConfig(r.endpoint));
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

async function putObjects(r: RunningSandbox, from: number, to: number): Promise<void> {
  const client = s3(r);
  for (let i = from; i < to; i++) await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: `k/${i}`, Body: body(i) }));
}

/** The objects k/from..k/to-1 that read back with their bytes, and those that are gone (NoSuchKey). */
async function readObjects(r: RunningSandbox, from: number, to: number): Promise<{ present: number[]; missing: number[] }> {
  const client = s3(r);
  const present: number[] = [];
  const missing: number[] = [];
  for (let i = from; i < to; i++) {
    try {
      const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `k/${i}` }));
      expect(await got.Body!.transformToString()).toBe(body(i));
      present.push(i);
    } catch (err) {
      expect((err as Error).name).toBe('NoSuchKey');
      missing.push(i);
    }
  }
  return { present, missing };
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('the state journal', () => {
  it('stops at a damaged middle line, naming the file and line; --repair keeps every other line and moves the journal aside', { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    await withSandbox(dataDir, async (r) => {
      await s3(r).send(new CreateBucketCommand({ Bucket: BUCKET }));
      await putObjects(r, 0, 100);
      for (let i = 0; i < 5; i++) await iam(r).send(new CreateRoleCommand({ RoleName: `after-${i}`, AssumeRolePolicyDocument: TRUST }));
    });
    const journal = join(dataDir, 'state.journal');
    const lines = readFileSync(journal, 'utf8').split('\n');
    const victim = lines.findIndex((l) => l.includes('"k":"k/40"'));
    expect(victim).toBeGreaterThan(0);
    // A few bytes of the line overwritten, as a disk or an editor might: the line no longer parses.
    lines[victim] = lines[victim].slice(0, 30) + '\u0000\u0000\u0000' + lines[victim].slice(33);
    const damagedText = lines.join('\n');
    writeFileSync(journal, damagedText);

    const refused = await expectRefused(dataDir, 'S3', /state\.journal$/);
    expect(refused.reason).toContain(`line ${victim + 1} of `);

    await withSandbox(
      dataDir,
      async (r) => {
        const { missing } = await readObjects(r, 0, 100);
        expect(missing).toEqual([40]); // only the damaged line's write, none after it
        for (let i = 0; i < 5; i++) expect((await iam(r).send(new GetRoleCommand({ RoleName: `after-${i}` }))).Role?.RoleName).toBe(`after-${i}`);
        expect(r.sandbox.repair?.steps.join('\n')).toMatch(/state\.journal line \d+ could not be read: kept the other \d+ entries/);
      },
      true,
    );
    expect(readFileSync(join(damagedFolder(dataDir), 'state.journal'), 'utf8')).toBe(damagedText);
    // Repaired for good: the next start needs no --repair.
    await withSandbox(dataDir, async (r) => expect((await readObjects(r, 0, 100)).missing).toEqual([40]));
  });

  it('passes over a last line cut short by a crash, quietly', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    await withSandbox(dataDir, async (r) => {
      await s3(r).send(new CreateBucketCommand({ Bucket: BUCKET }));
      await putObjects(r, 0, 10);
    });
    appendFileSync(join(dataDir, 'state.journal'), '{"t":"iam.roles","k":"000000000000/half","v":{"RoleName":"ha');
    await withSandbox(dataDir, async (r) => {
      expect((await readObjects(r, 0, 10)).missing).toEqual([]);
      expect(r.sandbox.repair).toBeUndefined();
    });
    expect(readdirSync(dataDir).some((n) => n.startsWith('damaged-'))).toBe(false);
  });
});

describe('the state snapshot', () => {
  /** 60 objects in the snapshot (a restart compacts them) and 20 more in the journal after it. */
  async function snapshotAndJournal(): Promise<{ dataDir: string; snapshot: string }> {
    const dataDir = tempDir();
    await withSandbox(dataDir, async (r) => {
      await s3(r).send(new CreateBucketCommand({ Bucket: BUCKET }));
      await putObjects(r, 0, 60);
    });
    await withSandbox(dataDir, async (r) => putObjects(r, 60, 80));
    return { dataDir, snapshot: join(dataDir, 'state.json') };
  }

  /** Objects of the snapshot whose whole row lies before `offset`. */
  function rowsBefore(text: string, offset: number): number[] {
    return range(0, 60).filter((i) => {
      const next = text.indexOf(',"k/', text.indexOf(`"k/${i}":`) + 1);
      return next !== -1 && next < offset;
    });
  }

  it('stops on a state.json cut short; --repair keeps its readable rows and every write after it', { timeout: 120_000 }, async () => {
    const { dataDir, snapshot } = await snapshotAndJournal();
    const text = readFileSync(snapshot, 'utf8');
    const cut = Math.floor(text.length * 0.6);
    truncateSync(snapshot, cut);
    const refused = await expectRefused(dataDir, 'Sandbox state', /state\.json$/);
    expect(refused.reason).toContain('is cut short or not JSON');

    const expected = rowsBefore(text, cut);
    expect(expected.length).toBeGreaterThan(10);
    await withSandbox(
      dataDir,
      async (r) => {
        const { present } = await readObjects(r, 0, 80);
        expect(present.filter((i) => i < 60)).toEqual(expect.arrayContaining(expected));
        expect(present.filter((i) => i >= 60)).toEqual(range(60, 80));
      },
      true,
    );
    expect(readFileSync(join(damagedFolder(dataDir), 'state.json'), 'utf8')).toBe(text.slice(0, cut));
  });

  it('stops on garbage in state.json; --repair keeps the rows before it and every write after it', { timeout: 120_000 }, async () => {
    const { dataDir, snapshot } = await snapshotAndJournal();
    const bytes = readFileSync(snapshot);
    const at = Math.floor(bytes.length / 2);
    bytes.write('"}]{garbage\u0000\u00ff', at, 'latin1'); // breaks the JSON itself, not only a string in it
    writeFileSync(snapshot, bytes);
    await expectRefused(dataDir, 'Sandbox state', /state\.json$/);

    const expected = rowsBefore(bytes.toString('latin1'), at);
    expect(expected.length).toBeGreaterThan(10);
    await withSandbox(
      dataDir,
      async (r) => {
        const { present } = await readObjects(r, 0, 80);
        expect(present.filter((i) => i < 60)).toEqual(expect.arrayContaining(expected));
        expect(present.filter((i) => i >= 60)).toEqual(range(60, 80));
      },
      true,
    );
  });
});

describe('Kinesis shard logs', () => {
  it('stops at a damaged middle line of a shard log; --repair keeps every other record in order', { timeout: 90_000 }, async () => {
    const dataDir = tempDir();
    const kinesis = (r: RunningSandbox) => new KinesisClient(clientConfig(r.endpoint));
    const sent: string[] = [];
    await withSandbox(dataDir, async (r) => {
      await kinesis(r).send(new CreateStreamCommand({ StreamName: 'damage-stream', ShardCount: 1 }));
      for (let i = 0; i < 30; i++) {
        await kinesis(r).send(new PutRecordCommand({ StreamName: 'damage-stream', PartitionKey: 'p', Data: Buffer.from(`r${i}`) }));
        sent.push(`r${i}`);
      }
    });
    const logs = readdirSync(join(dataDir, 'kinesis'), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.log'));
    expect(logs).toHaveLength(1);
    const log = join(dataDir, 'kinesis', logs[0]);
    const lines = readFileSync(log, 'utf8').split('\n');
    lines[11] = lines[11].slice(0, 20); // line 12 cut in the middle of the file
    const damagedText = lines.join('\n');
    writeFileSync(log, damagedText);

    const refused = await expectRefused(dataDir, 'Kinesis', /\.log$/);
    expect(refused.file).toBe(log);
    expect(refused.reason).toContain('line 12 of 30');

    await withSandbox(
      dataDir,
      async (r) => {
        const client = kinesis(r);
        const { Shards } = await client.send(new ListShardsCommand({ StreamName: 'damage-stream' }));
        let iterator = (await client.send(new GetShardIteratorCommand({ StreamName: 'damage-stream', ShardId: Shards![0].ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
        const out = await client.send(new GetRecordsCommand({ ShardIterator: iterator }));
        expect(out.Records!.map((rec) => Buffer.from(rec.Data!).toString())).toEqual(sent.filter((_, i) => i !== 11));
        const last = out.Records![out.Records!.length - 1].SequenceNumber!;
        const after = await client.send(new PutRecordCommand({ StreamName: 'damage-stream', PartitionKey: 'p', Data: Buffer.from('after') }));
        expect(BigInt(after.SequenceNumber!) > BigInt(last)).toBe(true);
        iterator = undefined;
      },
      true,
    );
    expect(readFileSync(join(damagedFolder(dataDir), 'kinesis', logs[0]), 'utf8')).toBe(damagedText);
  });
});

describe('blobs the state refers to', () => {
  it('stops when an object file is missing, naming it; --repair drops that object and says so', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    await withSandbox(dataDir, async (r) => {
      await s3(r).send(new CreateBucketCommand({ Bucket: BUCKET }));
      await putObjects(r, 0, 10);
    });
    const hash = createHash('sha256').update('k/3').digest('hex');
    const folder = join(dataDir, 'files', 's3', BUCKET);
    const file = readdirSync(folder).find((n) => n.startsWith(hash))!;
    unlinkSync(join(folder, file));

    const refused = await expectRefused(dataDir, 'S3', new RegExp(`${file.replace('.', '\\.')}$`));
    expect(refused.reason).toContain('is missing, yet the object damage-bucket/k/3 refers to it');

    await withSandbox(
      dataDir,
      async (r) => {
        expect(await readObjects(r, 0, 10)).toEqual({ present: range(0, 10).filter((i) => i !== 3), missing: [3] });
        expect(r.sandbox.repair?.steps).toEqual([expect.stringMatching(/^S3: dropped the object damage-bucket\/k\/3, whose file .* is missing$/)]);
      },
      true,
    );
  });
});

describe('Lambda code the state refers to', () => {
  it('stops when a function\'s code zip is missing, naming it; --repair drops that function and keeps the others', { timeout: 60_000 }, async () => {
    const dataDir = tempDir();
    const lambda = (r: RunningSandbox) => new LambdaClient(clientConfig(r.endpoint));
    await withSandbox(dataDir, async (r) => {
      const role = await iam(r).send(new CreateRoleCommand({ RoleName: 'fn-role', AssumeRolePolicyDocument: TRUST }));
      for (const name of ['kept-fn', 'lost-fn']) {
        await lambda(r).send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role.Role!.Arn, Code: { ZipFile: zipFiles({ 'index.mjs': `export const handler = async () => '${name}';` }) } }));
      }
    });
    const folder = join(dataDir, 'files', 'lambda', '000000000000', 'us-east-1', 'lost-fn');
    const [zip] = readdirSync(folder);
    unlinkSync(join(folder, zip));

    const refused = await expectRefused(dataDir, 'Lambda', new RegExp(`lost-fn/${zip.replace('.', '\\.')}$`));
    expect(refused.reason).toContain('is missing, yet the function arn:aws:lambda:us-east-1:000000000000:function:lost-fn (its code) refers to it');

    await withSandbox(
      dataDir,
      async (r) => {
        expect((await lambda(r).send(new GetFunctionCommand({ FunctionName: 'kept-fn' }))).Configuration?.FunctionName).toBe('kept-fn');
        await expect(lambda(r).send(new GetFunctionCommand({ FunctionName: 'lost-fn' }))).rejects.toThrow(/Function not found/);
      },
      true,
    );
  });
});

describe('DynamoDB LevelDB stores', () => {
  const dynamo = (r: RunningSandbox) => new DynamoDBClient(clientConfig(r.endpoint));
  const item = (i: number) => ({ id: { S: `item-${String(i).padStart(4, '0')}` }, payload: { S: `payload ${i} `.repeat(20) } });

  /** Items 0..199 in a LevelDB table file (a restart writes the log into one), 200..219 in the log after it. */
  async function tableFileAndLog(): Promise<{ dataDir: string; store: string }> {
    const dataDir = tempDir();
    await withSandbox(dataDir, async (r) => {
      await dynamo(r).send(new CreateTableCommand({ TableName: TABLE, AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' }));
      await waitUntilTableExists({ client: dynamo(r), maxWaitTime: 30 }, { TableName: TABLE }); // ACTIVE a moment after CreateTable answers
      for (let i = 0; i < 200; i++) await dynamo(r).send(new PutItemCommand({ TableName: TABLE, Item: item(i) }));
    });
    await withSandbox(dataDir, async (r) => {
      for (let i = 200; i < 220; i++) await dynamo(r).send(new PutItemCommand({ TableName: TABLE, Item: item(i) }));
    });
    return { dataDir, store: join(dataDir, 'dynamodb', '000000000000', 'us-east-1') };
  }

  async function itemsPresent(r: RunningSandbox): Promise<number[]> {
    const present: number[] = [];
    for (let i = 0; i < 220; i++) {
      const got = await dynamo(r).send(new GetItemCommand({ TableName: TABLE, Key: { id: item(i).id } }));
      if (got.Item) {
        expect(got.Item).toEqual(item(i));
        present.push(i);
      }
    }
    return present;
  }

  const tableFiles = (store: string) => readdirSync(store).filter((n) => n.endsWith('.ldb'));

  it('stops on a LevelDB table file cut short, naming it; --repair keeps what LevelDB can read and the store as it was', { timeout: 120_000 }, async () => {
    const { dataDir, store } = await tableFileAndLog();
    const [table] = tableFiles(store);
    expect(table).toBeDefined();
    const size = statSync(join(store, table)).size;
    truncateSync(join(store, table), Math.floor(size / 2));
    const refused = await expectRefused(dataDir, 'DynamoDB', new RegExp(`${table.replace('.', '\\.')}$`));
    expect(refused.reason).toContain('LevelDB: ');
    expect(refused.reason).not.toContain('.dynamodb-check');

    await withSandbox(
      dataDir,
      async (r) => {
        // The table file's items are past reading (its index is at its end); every write after it is kept, and the store answers.
        await dynamo(r).send(new ScanCommand({ TableName: TABLE })).catch((err: Error) => expect(err.name).toBe('ResourceNotFoundException'));
        expect(r.sandbox.repair?.steps.join('\n')).toMatch(/LevelDB's repair kept the \d+ entries/);
      },
      true,
    );
    const copy = join(damagedFolder(dataDir), 'dynamodb', '000000000000', 'us-east-1', table);
    expect(statSync(copy).size).toBe(Math.floor(size / 2));
  });

  it('stops on garbage in the LevelDB write-ahead log (which LevelDB itself passes over); --repair keeps every write before and after it', { timeout: 120_000 }, async () => {
    const { dataDir, store } = await tableFileAndLog();
    const [log] = readdirSync(store).filter((n) => n.endsWith('.log'));
    const path = join(store, log);
    const bytes = readFileSync(path);
    const at = Math.floor(bytes.length / 2);
    bytes.fill(0x5a, at, at + 16);
    writeFileSync(path, bytes);
    const refused = await expectRefused(dataDir, 'DynamoDB', new RegExp(`us-east-1/${log.replace('.', '\\.')}$`));
    expect(refused.reason).toContain(`its write-ahead log is damaged at byte `);

    await withSandbox(
      dataDir,
      async (r) => {
        const present = await itemsPresent(r);
        expect(present.filter((i) => i < 200)).toEqual(range(0, 200)); // every write before the log
        // The log's writes before and after the damaged one (LevelDB alone would drop every write after it).
        expect(present.filter((i) => i >= 200)).toHaveLength(19);
        expect(present).toContain(219);
      },
      true,
    );
    expect(readFileSync(join(damagedFolder(dataDir), 'dynamodb', '000000000000', 'us-east-1', log))).toEqual(bytes);
  });

  it('stops on garbage in a LevelDB table file; --repair keeps every item outside the damaged block', { timeout: 120_000 }, async () => {
    const { dataDir, store } = await tableFileAndLog();
    const [table] = tableFiles(store);
    const path = join(store, table);
    const bytes = readFileSync(path);
    const at = Math.floor(bytes.length / 2);
    bytes.fill(0x5a, at, at + 64);
    writeFileSync(path, bytes);
    const refused = await expectRefused(dataDir, 'DynamoDB', new RegExp(`us-east-1/${table.replace('.', '\\.')}$`));
    expect(refused.reason).toContain('LevelDB: Corruption');
    expect(refused.reason).not.toContain('.dynamodb-check');

    await withSandbox(
      dataDir,
      async (r) => {
        const present = await itemsPresent(r);
        expect(present.filter((i) => i >= 200)).toEqual(range(200, 220)); // every write after the damage
        // LevelDB blocks are about 4 KiB: one block of these ~250-byte items holds at most 20 of them.
        expect(present.filter((i) => i < 200).length).toBeGreaterThanOrEqual(180);
      },
      true,
    );
    expect(existsSync(join(damagedFolder(dataDir), 'dynamodb', '000000000000', 'us-east-1', table))).toBe(true);
    expect(relative(dataDir, damagedFolder(dataDir))).toMatch(/^damaged-\d{4}-\d\d-\d\dT/);
  });
});
