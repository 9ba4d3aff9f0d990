// Lambda functions held to AWS's limits, over the wire: memory size (Runtime.OutOfMemory, the next
// invocation in a fresh runtime), processes a function leaves running (ended after the invocation and at
// the timeout, the warm runtime kept), the account's concurrency quota (TooManyRequestsException), and
// deployment packages that would write outside the function's folder or handlers that climb out of it.

import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import {
  CreateFunctionCommand,
  InvokeCommand,
  LambdaClient,
  UpdateFunctionCodeCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
  type InvokeCommandOutput,
} from '@aws-sdk/client-lambda';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { useSandbox } from './support.js';
import { zipFiles } from './lambda-zip.js';
import { trustPolicy } from './trust-policy.js';

const json = (out: InvokeCommandOutput) => JSON.parse(Buffer.from(out.Payload ?? []).toString('utf8'));
const payload = (value: unknown) => Buffer.from(JSON.stringify(value));
const UNZIP_REFUSED = 'Could not unzip uploaded file. Please check your file, then try to upload again.';
const LINUX = process.platform === 'linux';

/** A Node.js handler that allocates, spawns, sleeps or answers, as the event asks. */
const NODE_HANDLER = `
import { spawn, execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
// A process is its pid and its start time (a pid freed by a killed process may soon name another one).
const identity = (pid) => {
  const stat = readFileSync('/proc/' + pid + '/stat', 'latin1');
  return { pid, start: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]) };
};
export const handler = async (event) => {
  if (event.allocateMb) {
    const kept = [];
    for (let i = 1; i * 16 <= event.allocateMb; i++) {
      kept.push(Buffer.alloc(16 * 1024 * 1024, i));
      console.log('allocated', i * 16, 'MB');
    }
    return kept.length;
  }
  const started = [];
  if (event.spawn) {
    // A child in a session of its own (out of the runtime's process group), and one that double-forks
    // away from the runtime altogether (its parent shell exits at once).
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' });
    child.unref();
    started.push(identity(child.pid));
    started.push(identity(Number(execSync('setsid sleep 300 >/dev/null 2>&1 & echo $!', { shell: '/bin/sh' }).toString().trim())));
  }
  if (event.hang) await new Promise((resolve) => setTimeout(resolve, 60_000));
  if (event.sleepMs) await new Promise((resolve) => setTimeout(resolve, event.sleepMs));
  return { pid: process.pid, started };
};
`;

const PYTHON_HANDLER = `
def handler(event, context):
    kept = []
    for i in range(event["allocateMb"] // 16):
        kept.append(b"\\x01" * (16 * 1024 * 1024))
        print("allocated", (i + 1) * 16, "MB")
    return len(kept)
`;

/**
 * Whether a process is still running (a zombie waiting for its parent counts as gone); given its start
 * time, a later process that took over its pid does not count.
 */
function running(pid: number, start?: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[0] !== 'Z' && (start === undefined || Number(fields[19]) === start);
  } catch {
    return false;
  }
}

/** What a process still running is, for an assertion's message. */
function described(pid: number): string {
  try {
    return `${pid}: ${readFileSync(`/proc/${pid}/stat`, 'latin1').trim()} | ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ')}`;
  } catch {
    return `${pid}: gone`;
  }
}

async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe('Lambda limits', () => {
  const sb = useSandbox({ lambdaConcurrency: 3 });
  let lambda: LambdaClient;
  let logs: CloudWatchLogsClient;
  let role: string;

  const create = async (name: string, options: { runtime?: 'nodejs22.x' | 'python3.12'; files?: Record<string, string>; handler?: string; timeout?: number } = {}) => {
    const runtime = options.runtime ?? 'nodejs22.x';
    const files = options.files ?? (runtime === 'nodejs22.x' ? { 'index.mjs': NODE_HANDLER } : { 'app.py': PYTHON_HANDLER });
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: name,
        Runtime: runtime,
        Handler: options.handler ?? (runtime === 'nodejs22.x' ? 'index.handler' : 'app.handler'),
        Role: role,
        Code: { ZipFile: zipFiles(files) },
        MemorySize: 128,
        Timeout: options.timeout ?? 30,
      }),
    );
    await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: name });
  };
  const invoke = (name: string, event: unknown, client = lambda) => client.send(new InvokeCommand({ FunctionName: name, Payload: payload(event), LogType: 'Tail' }));
  const logText = async (name: string) => {
    const out = await logs.send(new FilterLogEventsCommand({ logGroupName: `/aws/lambda/${name}` }));
    return (out.events ?? []).map((e) => e.message).join('\n');
  };

  beforeAll(async () => {
    lambda = new LambdaClient(sb.config());
    logs = new CloudWatchLogsClient(sb.config());
    const iam = new IAMClient(sb.config());
    role = (await iam.send(new CreateRoleCommand({ RoleName: 'limits-exec', AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com') }))).Role!.Arn!;
  });

  describe.runIf(LINUX)('memory size', () => {
    it('ends a 128 MB Node.js function allocating 1 GB with Runtime.OutOfMemory, bounds the sandbox, and runs the next invocation in a fresh runtime', async () => {
      await create('oom-node');
      const warm = json(await invoke('oom-node', {}));
      const rssBefore = process.memoryUsage.rss();

      const out = await invoke('oom-node', { allocateMb: 1024 });
      const rssAfter = process.memoryUsage.rss();
      expect(out.FunctionError).toBe('Unhandled');
      expect(json(out)).toEqual({ errorType: 'Runtime.OutOfMemory', errorMessage: `RequestId: ${out.$metadata.requestId} Error: Runtime exited with error: signal: killed` });
      // Killed near its memory size, long before 1 GB: the last chunk it reported is far below.
      const tail = Buffer.from(out.LogResult!, 'base64').toString();
      const reached = Math.max(0, ...[...tail.matchAll(/allocated (\d+) MB/g)].map((m) => Number(m[1])));
      expect(reached).toBeLessThan(512);
      // The function's memory is its own process's: the sandbox's does not grow with it.
      expect(rssAfter - rssBefore).toBeLessThan(64 * 1024 * 1024);

      const log = await logText('oom-node');
      expect(log).toContain(`RequestId: ${out.$metadata.requestId} Error: Runtime exited with error: signal: killed\nRuntime.OutOfMemory`);
      expect(log).toMatch(new RegExp(`REPORT RequestId: ${out.$metadata.requestId}\\t.*Memory Size: 128 MB\\tMax Memory Used: 128 MB\\t.*Status: error\\tError Type: Runtime.OutOfMemory`));

      const next = await invoke('oom-node', {});
      expect(next.FunctionError).toBeUndefined();
      expect(json(next).pid).not.toBe(warm.pid);
    });

    it('ends a 128 MB Python function allocating 1 GB with Runtime.OutOfMemory', async () => {
      await create('oom-python', { runtime: 'python3.12' });
      const out = await invoke('oom-python', { allocateMb: 1024 });
      expect(out.FunctionError).toBe('Unhandled');
      expect(json(out)).toEqual({ errorType: 'Runtime.OutOfMemory', errorMessage: `RequestId: ${out.$metadata.requestId} Error: Runtime exited with error: signal: killed` });
      const small = await invoke('oom-python', { allocateMb: 16 });
      expect(small.FunctionError).toBeUndefined();
      expect(json(small)).toBe(1);
    });
  });

  describe.runIf(LINUX)('processes a function leaves running', () => {
    it('ends detached children after the invocation and keeps the warm runtime', async () => {
      await create('spawner');
      const first = json(await invoke('spawner', { spawn: true }));
      const started: { pid: number; start: number }[] = first.started;
      expect(started).toHaveLength(2);
      for (const { pid } of started) expect(pid).toBeGreaterThan(0);
      const survivors = () => started.filter(({ pid, start }) => running(pid, start));
      await eventually(() => survivors().length === 0);
      expect(survivors().map(({ pid }) => described(pid))).toEqual([]);
      const second = json(await invoke('spawner', {}));
      expect(second.pid).toBe(first.pid);
      expect(running(first.pid)).toBe(true);
    });

    it('ends the runtime and its detached children at the timeout', async () => {
      await create('spawn-hang', { timeout: 3 });
      // The pids are learned from a first invocation of the same code that returns at once.
      const before = json(await invoke('spawn-hang', {}));
      const out = await invoke('spawn-hang', { spawn: true, hang: true });
      expect(out.FunctionError).toBe('Unhandled');
      expect(json(out).errorMessage).toMatch(/Task timed out after 3\.00 seconds$/);
      expect(await eventually(() => !running(before.pid))).toBe(true);
      // No process of the environment is left: none carries its log stream in its environment any more.
      const stream = (await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/spawn-hang' }))).events![0].logStreamName!;
      const marker = `AWS_LAMBDA_LOG_STREAM_NAME=${stream}`;
      const carriers = () =>
        readdirPids().filter((pid) => {
          try {
            return running(pid) && readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(marker);
          } catch {
            return false;
          }
        });
      expect(await eventually(() => carriers().length === 0)).toBe(true);
    });
  });

  it('throttles synchronous invocations past the account’s concurrency quota with TooManyRequestsException', async () => {
    await create('slow', { files: { 'index.mjs': NODE_HANDLER } });
    // No retries: the SDK retries throttling errors by default.
    const once = new LambdaClient({ ...sb.config(), maxAttempts: 1 });
    const calls = [1, 2, 3, 4].map(() => invoke('slow', { sleepMs: 2500 }, once).then((out) => ({ out }), (error: unknown) => ({ error })));
    const results = await Promise.all(calls);
    const throttled = results.filter((r) => 'error' in r).map((r) => (r as { error: { name: string; message: string; Reason?: string; $metadata: { httpStatusCode?: number } } }).error);
    expect(throttled).toHaveLength(1);
    expect(throttled[0]).toMatchObject({ name: 'TooManyRequestsException', message: 'Rate Exceeded.', Reason: 'ConcurrentInvocationLimitExceeded', $metadata: { httpStatusCode: 429 } });
    for (const r of results) if ('out' in r) expect(r.out.FunctionError).toBeUndefined();
    // With the quota free again, the next one runs.
    expect((await invoke('slow', {}, once)).FunctionError).toBeUndefined();
  });

  describe('deployment packages and handlers', () => {
    const zipWith = (entries: Record<string, { body: string; symlink?: boolean }>) =>
      Buffer.from(
        zipSync(
          Object.fromEntries(
            Object.entries(entries).map(([name, e]) => [name, [Buffer.from(e.body), e.symlink ? { os: 3, attrs: (0o120777 << 16) >>> 0 } : {}]]),
          ) as never,
        ),
      );
    const handler = { body: 'export const handler = async () => "ok";' };
    const refused = (zip: Buffer, name: string) =>
      expect(lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs22.x', Handler: 'index.handler', Role: role, Code: { ZipFile: zip } }))).rejects.toMatchObject({
        name: 'InvalidParameterValueException',
        message: UNZIP_REFUSED,
        $metadata: { httpStatusCode: 400 },
      });

    it('refuses zips with a `..` entry, an absolute entry, or a link pointing out of the folder', async () => {
      await refused(zipWith({ 'index.mjs': handler, '../../escaped.js': { body: 'x' } }), 'slip-dotdot');
      await refused(zipWith({ 'index.mjs': handler, '/tmp/escaped.js': { body: 'x' } }), 'slip-absolute');
      await refused(zipWith({ 'index.mjs': handler, 'etc': { body: '/etc', symlink: true } }), 'slip-link-absolute');
      await refused(zipWith({ 'index.mjs': handler, 'lib/up': { body: '../../..', symlink: true } }), 'slip-link-up');
      // A link inside the folder, then a file written through it.
      await refused(zipWith({ 'index.mjs': handler, here: { body: '.', symlink: true }, 'here/x.js': { body: 'x' } }), 'slip-through-link');
    });

    it('refuses the same zips in UpdateFunctionCode, and keeps links that stay inside', async () => {
      await create('packaged', { files: { 'index.mjs': 'export const handler = async () => "v1";' } });
      await expect(lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'packaged', ZipFile: zipWith({ 'index.mjs': handler, '../x.js': { body: 'x' } }) }))).rejects.toMatchObject({
        name: 'InvalidParameterValueException',
        message: UNZIP_REFUSED,
      });
      const linked = zipWith({
        'lib/real.mjs': { body: 'export const handler = async () => "through a link";' },
        'index.mjs': { body: 'lib/real.mjs', symlink: true },
      });
      await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'packaged', ZipFile: linked }));
      await waitUntilFunctionUpdatedV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: 'packaged' });
      expect(json(await invoke('packaged', {}))).toBe('through a link');
    });

    it('refuses a handler that climbs out of the task root, as AWS’s Node.js runtime does', async () => {
      await create('climber', { handler: '../../x.handler' });
      const out = await invoke('climber', {});
      expect(out.FunctionError).toBe('Unhandled');
      expect(json(out)).toMatchObject({
        errorType: 'Runtime.MalformedHandlerName',
        errorMessage: "'../../x.handler' is not a valid handler name. Use absolute paths when specifying root directories in handler names.",
      });
    });
  });
});

function readdirPids(): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number);
}
