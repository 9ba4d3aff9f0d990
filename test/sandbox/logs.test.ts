// CloudWatch Logs over the wire with @aws-sdk/client-cloudwatch-logs at default settings: groups,
// streams, events (ordering, rejection, paging tokens), filter patterns, retention, tags, the
// in-process putEvents, persistence across a restart, and the AWS CLI v1.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DeleteLogStreamCommand,
  DeleteRetentionPolicyCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  ListTagsForResourceCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { ManualClock, startSandbox } from '../../sandbox/index.js';
import { clientConfig, useSandbox } from './support.js';
import { awsCli, requireAwsCli } from './aws-cli.js';

const T0 = Date.UTC(2026, 10, 28, 10, 0, 0);
const DAY = 86_400_000;

describe('CloudWatch Logs', () => {
  const clock = new ManualClock(T0);
  const sb = useSandbox({ clock });
  const logs = () => new CloudWatchLogsClient(sb.config());
  const put = (logGroupName: string, logStreamName: string, events: [number, string][]) =>
    logs().send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents: events.map(([timestamp, message]) => ({ timestamp, message })) }));

  it('creates, describes (prefix, pattern, pages) and deletes log groups', async () => {
    for (const name of ['/aws/lambda/ingest', '/aws/lambda/api', '/lab/app', '/lab/Other']) await logs().send(new CreateLogGroupCommand({ logGroupName: name }));
    await expect(logs().send(new CreateLogGroupCommand({ logGroupName: '/lab/app' }))).rejects.toMatchObject({
      name: 'ResourceAlreadyExistsException',
      message: 'The specified log group already exists',
    });
    await expect(logs().send(new CreateLogGroupCommand({ logGroupName: 'bad:name' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining("at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern"),
    });
    const lambda = await logs().send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/' }));
    expect(lambda.logGroups!.map((g) => g.logGroupName)).toEqual(['/aws/lambda/api', '/aws/lambda/ingest']);
    expect(lambda.logGroups![0]).toMatchObject({
      creationTime: T0,
      arn: 'arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/api:*',
      logGroupArn: 'arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/api',
      storedBytes: 0,
      metricFilterCount: 0,
    });
    const pattern = await logs().send(new DescribeLogGroupsCommand({ logGroupNamePattern: 'other' }));
    expect(pattern.logGroups!.map((g) => g.logGroupName)).toEqual(['/lab/Other']);
    await expect(logs().send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/a', logGroupNamePattern: 'b' }))).rejects.toMatchObject({ name: 'InvalidParameterException' });

    const names: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await logs().send(new DescribeLogGroupsCommand({ limit: 3, nextToken }));
      names.push(...page.logGroups!.map((g) => g.logGroupName!));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    expect(pages).toBe(2);
    expect(names).toEqual(['/aws/lambda/api', '/aws/lambda/ingest', '/lab/Other', '/lab/app']);

    await logs().send(new DeleteLogGroupCommand({ logGroupName: '/lab/Other' }));
    await expect(logs().send(new DeleteLogGroupCommand({ logGroupName: '/lab/Other' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
  });

  it('creates, orders, pages and deletes log streams', async () => {
    const g = '/lab/app';
    for (const s of ['b', 'a', 'c', 'a-2']) await logs().send(new CreateLogStreamCommand({ logGroupName: g, logStreamName: s }));
    await expect(logs().send(new CreateLogStreamCommand({ logGroupName: g, logStreamName: 'a' }))).rejects.toMatchObject({ name: 'ResourceAlreadyExistsException' });
    await expect(logs().send(new CreateLogStreamCommand({ logGroupName: '/nope', logStreamName: 'a' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
    await put(g, 'c', [[T0 - 3000, 'c1']]);
    await put(g, 'a', [[T0 - 1000, 'a1']]);
    await put(g, 'b', [[T0 - 2000, 'b1']]);

    const byName = await logs().send(new DescribeLogStreamsCommand({ logGroupName: g }));
    expect(byName.logStreams!.map((s) => s.logStreamName)).toEqual(['a', 'a-2', 'b', 'c']);
    expect(byName.logStreams![0]).toMatchObject({
      creationTime: T0,
      firstEventTimestamp: T0 - 1000,
      lastEventTimestamp: T0 - 1000,
      lastIngestionTime: T0,
      arn: 'arn:aws:logs:us-east-1:000000000000:log-group:/lab/app:log-stream:a',
    });
    const prefixed = await logs().send(new DescribeLogStreamsCommand({ logGroupName: g, logStreamNamePrefix: 'a' }));
    expect(prefixed.logStreams!.map((s) => s.logStreamName)).toEqual(['a', 'a-2']);
    const latest = await logs().send(new DescribeLogStreamsCommand({ logGroupIdentifier: 'arn:aws:logs:us-east-1:000000000000:log-group:/lab/app', orderBy: 'LastEventTime', descending: true }));
    expect(latest.logStreams!.map((s) => s.logStreamName)).toEqual(['a', 'b', 'c', 'a-2']);
    await expect(logs().send(new DescribeLogStreamsCommand({ logGroupName: g, orderBy: 'LastEventTime', logStreamNamePrefix: 'a' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'Cannot order by LastEventTime with a logStreamNamePrefix.',
    });
    const first = await logs().send(new DescribeLogStreamsCommand({ logGroupName: g, limit: 3, descending: true }));
    const second = await logs().send(new DescribeLogStreamsCommand({ logGroupName: g, limit: 3, descending: true, nextToken: first.nextToken }));
    expect([...first.logStreams!, ...second.logStreams!].map((s) => s.logStreamName)).toEqual(['c', 'b', 'a-2', 'a']);
    expect(second.nextToken).toBeUndefined();

    await logs().send(new DeleteLogStreamCommand({ logGroupName: g, logStreamName: 'a-2' }));
    await expect(logs().send(new DeleteLogStreamCommand({ logGroupName: g, logStreamName: 'a-2' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The specified log stream does not exist.',
    });
  });

  it('puts events: chronological batches, a sequence token, too old and too new rejected', async () => {
    const g = '/lab/put';
    await logs().send(new CreateLogGroupCommand({ logGroupName: g }));
    await logs().send(new CreateLogStreamCommand({ logGroupName: g, logStreamName: 's' }));
    const ok = await put(g, 's', [
      [T0 - 2000, 'one'],
      [T0 - 1000, 'two'],
    ]);
    expect(ok.nextSequenceToken).toMatch(/^\d+$/);
    expect(ok.rejectedLogEventsInfo).toBeUndefined();
    const again = await logs().send(new PutLogEventsCommand({ logGroupName: g, logStreamName: 's', sequenceToken: 'whatever', logEvents: [{ timestamp: T0, message: 'three' }] }));
    expect(again.nextSequenceToken).not.toBe(ok.nextSequenceToken);

    await expect(
      put(g, 's', [
        [T0, 'late'],
        [T0 - 1, 'early'],
      ]),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'Log events in a single PutLogEvents request must be in chronological order.' });
    await expect(put(g, 'missing', [[T0, 'x']])).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'The specified log stream does not exist.' });
    await expect(put('/lab/missing', 's', [[T0, 'x']])).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'The specified log group does not exist.' });
    await expect(logs().send(new PutLogEventsCommand({ logGroupName: g, logStreamName: 's', logEvents: [] }))).rejects.toMatchObject({ name: 'InvalidParameterException' });

    await expect(
      put(g, 's', [
        [T0 - 2 * DAY, 'a'],
        [T0, 'b'],
      ]),
    ).rejects.toMatchObject({ name: 'InvalidParameterException', message: 'The batch of log events in a single PutLogEvents request cannot span more than 24 hours.' });

    const old = await put(g, 's', [
      [T0 - 14 * DAY - 7_200_000, 'ancient'],
      [T0 - 14 * DAY - 3_600_000, 'ancient too'],
      [T0 - 14 * DAY + 3_600_000, 'old but kept'],
    ]);
    expect(old.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 1 });
    const future = await put(g, 's', [
      [T0 + 1, 'now'],
      [T0 + 3 * 3_600_000, 'future'],
    ]);
    expect(future.rejectedLogEventsInfo).toEqual({ tooNewLogEventStartIndex: 1 });
    const all = await logs().send(new GetLogEventsCommand({ logGroupName: g, logStreamName: 's', startFromHead: true }));
    expect(all.events!.map((e) => e.message)).toEqual(['old but kept', 'one', 'two', 'three', 'now']);
    expect(all.events![1]).toEqual({ timestamp: T0 - 2000, message: 'one', ingestionTime: T0 });
  });

  it('pages GetLogEvents forward and backward with f/ and b/ tokens', async () => {
    const g = '/lab/get';
    await logs().send(new CreateLogGroupCommand({ logGroupName: g }));
    await logs().send(new CreateLogStreamCommand({ logGroupName: g, logStreamName: 's' }));
    await put(g, 's', Array.from({ length: 10 }, (_, i): [number, string] => [T0 - 10_000 + i * 1000, `e${i}`]));
    const get = (extra: object) => logs().send(new GetLogEventsCommand({ logGroupName: g, logStreamName: 's', limit: 4, ...extra }));
    const msgs = (r: { events?: { message?: string }[] }) => r.events!.map((e) => e.message);

    const tail = await get({});
    expect(msgs(tail)).toEqual(['e6', 'e7', 'e8', 'e9']);
    expect(tail.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);
    expect(tail.nextBackwardToken).toMatch(/^b\/\d{56}\/s$/);
    const older = await get({ nextToken: tail.nextBackwardToken });
    expect(msgs(older)).toEqual(['e2', 'e3', 'e4', 'e5']);
    const oldest = await get({ nextToken: older.nextBackwardToken });
    expect(msgs(oldest)).toEqual(['e0', 'e1']);
    const end = await get({ nextToken: tail.nextForwardToken });
    expect(msgs(end)).toEqual([]);
    expect(end.nextForwardToken).toBe(tail.nextForwardToken);

    const head = await get({ startFromHead: true });
    expect(msgs(head)).toEqual(['e0', 'e1', 'e2', 'e3']);
    const next = await get({ nextToken: head.nextForwardToken });
    expect(msgs(next)).toEqual(['e4', 'e5', 'e6', 'e7']);
    const window = await get({ startFromHead: true, startTime: T0 - 8000, endTime: T0 - 5000, limit: 100 });
    expect(msgs(window)).toEqual(['e2', 'e3', 'e4']);
    await expect(get({ nextToken: 'nonsense' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('filters events with terms, phrases, ?optional, -excluded and %regex% patterns, across streams, in pages', async () => {
    const g = '/lab/filter';
    await logs().send(new CreateLogGroupCommand({ logGroupName: g }));
    for (const s of ['web-1', 'web-2', 'worker']) await logs().send(new CreateLogStreamCommand({ logGroupName: g, logStreamName: s }));
    await put(g, 'web-1', [
      [T0 - 5000, 'ERROR timeout calling db'],
      [T0 - 3000, 'INFO request ok'],
    ]);
    await put(g, 'web-2', [
      [T0 - 4000, 'WARN slow request'],
      [T0 - 2000, 'ERROR disk full'],
    ]);
    await put(g, 'worker', [[T0 - 1000, 'INFO Exiting after ERROR']]);
    const filter = async (filterPattern: string | undefined, extra: object = {}) =>
      (await logs().send(new FilterLogEventsCommand({ logGroupName: g, filterPattern, ...extra }))).events!.map((e) => e.message);

    expect(await filter(undefined)).toEqual(['ERROR timeout calling db', 'WARN slow request', 'INFO request ok', 'ERROR disk full', 'INFO Exiting after ERROR']);
    expect(await filter('ERROR')).toEqual(['ERROR timeout calling db', 'ERROR disk full', 'INFO Exiting after ERROR']);
    expect(await filter('ERROR -Exiting')).toEqual(['ERROR timeout calling db', 'ERROR disk full']);
    expect(await filter('?WARN ?timeout')).toEqual(['ERROR timeout calling db', 'WARN slow request']);
    expect(await filter('"disk full"')).toEqual(['ERROR disk full']);
    expect(await filter('request ok')).toEqual(['INFO request ok']);
    expect(await filter('error')).toEqual([]);
    expect(await filter('%ERROR (disk|timeout)%')).toEqual(['ERROR timeout calling db', 'ERROR disk full']);
    expect(await filter('ERROR', { logStreamNamePrefix: 'web' })).toEqual(['ERROR timeout calling db', 'ERROR disk full']);
    expect(await filter('', { logStreamNames: ['worker', 'web-2'] })).toEqual(['WARN slow request', 'ERROR disk full', 'INFO Exiting after ERROR']);
    expect(await filter('', { startTime: T0 - 4000, endTime: T0 - 2000 })).toEqual(['WARN slow request', 'INFO request ok', 'ERROR disk full']);
    await expect(filter('{ $.level = "ERROR" }')).rejects.toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('JSON filter patterns are not supported') });
    await expect(filter('', { logStreamNames: ['web-1'], logStreamNamePrefix: 'web' })).rejects.toMatchObject({ name: 'InvalidParameterException' });

    const first = await logs().send(new FilterLogEventsCommand({ logGroupName: g, limit: 2 }));
    expect(first.events!.map((e) => e.logStreamName)).toEqual(['web-1', 'web-2']);
    expect(first.events![0].eventId).toMatch(/^\d+$/);
    const rest = await logs().send(new FilterLogEventsCommand({ logGroupName: g, limit: 10, nextToken: first.nextToken }));
    expect(rest.events!.map((e) => e.message)).toEqual(['INFO request ok', 'ERROR disk full', 'INFO Exiting after ERROR']);
    expect(rest.nextToken).toBeUndefined();
    await expect(logs().send(new FilterLogEventsCommand({ logGroupName: '/nope' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('applies retention to reads and lists it, until deleted', async () => {
    const g = '/lab/retention';
    await logs().send(new CreateLogGroupCommand({ logGroupName: g }));
    await logs().send(new CreateLogStreamCommand({ logGroupName: g, logStreamName: 's' }));
    await put(g, 's', [[T0 - 2 * DAY, 'old']]);
    await put(g, 's', [[T0, 'new']]);
    await logs().send(new PutRetentionPolicyCommand({ logGroupName: g, retentionInDays: 1 }));
    expect((await logs().send(new DescribeLogGroupsCommand({ logGroupNamePrefix: g }))).logGroups![0].retentionInDays).toBe(1);
    const read = async () => (await logs().send(new GetLogEventsCommand({ logGroupName: g, logStreamName: 's', startFromHead: true }))).events!.map((e) => e.message);
    expect(await read()).toEqual(['new']);
    await expect(logs().send(new PutRetentionPolicyCommand({ logGroupName: g, retentionInDays: 2 }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining("Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [1, 3, 5"),
    });
    await expect(logs().send(new PutRetentionPolicyCommand({ logGroupName: '/nope', retentionInDays: 1 }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await logs().send(new DeleteRetentionPolicyCommand({ logGroupName: g }));
    expect((await logs().send(new DescribeLogGroupsCommand({ logGroupNamePrefix: g }))).logGroups![0].retentionInDays).toBeUndefined();
    expect(await read()).toEqual(['old', 'new']);
  });

  it('tags log groups by ARN', async () => {
    await logs().send(new CreateLogGroupCommand({ logGroupName: '/lab/tagged', tags: { workshop: 'iot-pipeline-labs' } }));
    const arn = 'arn:aws:logs:us-east-1:000000000000:log-group:/lab/tagged';
    await logs().send(new TagResourceCommand({ resourceArn: arn, tags: { lab: '1' } }));
    expect((await logs().send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ workshop: 'iot-pipeline-labs', lab: '1' });
    await logs().send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['workshop'] }));
    expect((await logs().send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ lab: '1' });
    await expect(logs().send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:logs:us-east-1:000000000000:log-group:/nope' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('takes events in-process, creating the group and stream as Lambda does', async () => {
    const owner = { accountId: '000000000000', region: 'us-east-1', clock };
    sb.running.sandbox.api('logs').putEvents(owner, '/aws/lambda/fn', '2026/11/28/[$LATEST]abc', [
      { timestamp: T0 + 2, message: 'END' },
      { timestamp: T0 + 1, message: 'START' },
    ]);
    const out = await logs().send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/fn' }));
    expect(out.events!.map((e) => [e.logStreamName, e.message])).toEqual([
      ['2026/11/28/[$LATEST]abc', 'START'],
      ['2026/11/28/[$LATEST]abc', 'END'],
    ]);
    // Another account sees nothing of it.
    const other = new CloudWatchLogsClient(sb.config({ accessKeyId: '111111111111' }));
    expect((await other.send(new DescribeLogGroupsCommand({}))).logGroups).toEqual([]);
  });
});

describe('CloudWatch Logs persistence', () => {
  it('keeps groups, streams and events across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'logs-persist-'));
    try {
      const first = await startSandbox({ port: 0, dataDir, verbose: false });
      const config = clientConfig(first.endpoint);
      const c1 = new CloudWatchLogsClient(config);
      await c1.send(new CreateLogGroupCommand({ logGroupName: '/p' }));
      await c1.send(new CreateLogStreamCommand({ logGroupName: '/p', logStreamName: 's' }));
      const now = Date.now();
      await c1.send(new PutLogEventsCommand({ logGroupName: '/p', logStreamName: 's', logEvents: [{ timestamp: now, message: 'kept' }] }));
      await c1.send(new PutLogEventsCommand({ logGroupName: '/p', logStreamName: 's', logEvents: [{ timestamp: now + 1, message: 'also kept' }] }));
      await first.stop();
      const second = await startSandbox({ port: 0, dataDir, verbose: false });
      const c2 = new CloudWatchLogsClient({ ...config, endpoint: second.endpoint });
      const got = await c2.send(new GetLogEventsCommand({ logGroupName: '/p', logStreamName: 's', startFromHead: true }));
      expect(got.events!.map((e) => e.message)).toEqual(['kept', 'also kept']);
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('CloudWatch Logs through the AWS CLI v1', () => {
  const sb = useSandbox();

  it('create-log-group, create-log-stream, put-log-events, filter-log-events', async (ctx) => {
    const cli = awsCli(requireAwsCli(ctx, 'v1'), sb);
    const aws = (...args: string[]) => cli.json('logs', ...args);
    await aws('create-log-group', '--log-group-name', '/cli/app');
    await aws('create-log-stream', '--log-group-name', '/cli/app', '--log-stream-name', 'main');
    const now = Date.now();
    const put = await aws('put-log-events', '--log-group-name', '/cli/app', '--log-stream-name', 'main', '--log-events', `timestamp=${now},message=ERROR boom`, `timestamp=${now + 1},message=INFO fine`);
    expect(put.nextSequenceToken).toMatch(/^\d+$/);
    const found = await aws('filter-log-events', '--log-group-name', '/cli/app', '--filter-pattern', 'ERROR');
    expect(found.events.map((e: { message: string }) => e.message)).toEqual(['ERROR boom']);
    await expect(aws('create-log-group', '--log-group-name', '/cli/app')).rejects.toMatchObject({
      stderr: expect.stringContaining('(ResourceAlreadyExistsException) when calling the CreateLogGroup operation: The specified log group already exists'),
    });
  }, 60_000);
});
