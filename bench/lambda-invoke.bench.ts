// Warm Lambda invoke latency (SDK v3 Invoke -> warm child process -> response) for a Node.js and a
// Python function, against the peer measured in the same run: the edge's own floor, an STS
// GetCallerIdentity round trip through the same server.

import { zipSync } from 'fflate';
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startSandbox } from '../sandbox/index.js';
import { median, percentile } from './stats.js';
import { trustPolicy } from '../test/sandbox/trust-policy.js';

const CALLS = 300;
const ROUNDS = 3;

const FUNCTIONS = [
  { name: 'bench-node', runtime: 'nodejs22.x', handler: 'index.handler', file: 'index.mjs', code: 'export const handler = async (event) => ({ ok: true, n: event.n });\n' },
  { name: 'bench-python', runtime: 'python3.12', handler: 'app.handler', file: 'app.py', code: 'def handler(event, context):\n    return {"ok": True, "n": event["n"]}\n' },
] as const;

async function timeCalls(call: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await call(i);
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = performance.now();
    await call(i);
    times.push(performance.now() - started);
  }
  return times;
}

export default async function (): Promise<void> {
  const running = await startSandbox({ port: 0, inMemory: true, verbose: false });
  try {
    const config = { endpoint: running.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    const trust = trustPolicy('lambda.amazonaws.com');
    const role = (await new IAMClient(config).send(new CreateRoleCommand({ RoleName: 'bench', AssumeRolePolicyDocument: trust }))).Role!.Arn!;
    const lambda = new LambdaClient(config);
    const sts = new STSClient(config);
    for (const fn of FUNCTIONS) {
      await lambda.send(new CreateFunctionCommand({ FunctionName: fn.name, Runtime: fn.runtime, Handler: fn.handler, Role: role, Code: { ZipFile: zipSync({ [fn.file]: Buffer.from(fn.code) }) } }));
    }
    const results: Record<string, { p50: number[]; p99: number[] }> = {};
    const record = (label: string, times: number[]) => {
      results[label] ??= { p50: [], p99: [] };
      results[label].p50.push(percentile(times, 50));
      results[label].p99.push(percentile(times, 99));
    };
    for (let round = 0; round < ROUNDS; round++) {
      record('sts', await timeCalls(() => sts.send(new GetCallerIdentityCommand({}))));
      for (const fn of FUNCTIONS) {
        record(fn.name, await timeCalls(async (n) => {
          const out = await lambda.send(new InvokeCommand({ FunctionName: fn.name, Payload: Buffer.from(JSON.stringify({ n })) }));
          if (out.FunctionError) throw new Error(Buffer.from(out.Payload ?? []).toString());
        }));
      }
    }
    const floor = { p50: median(results.sts.p50), p99: median(results.sts.p99) };
    console.log(`peer (STS GetCallerIdentity round trip): p50 ${floor.p50.toFixed(2)} ms, p99 ${floor.p99.toFixed(2)} ms (median of ${ROUNDS} rounds x ${CALLS} calls)`);
    for (const fn of FUNCTIONS) {
      const p50 = median(results[fn.name].p50);
      const p99 = median(results[fn.name].p99);
      console.log(`warm Invoke ${fn.runtime}: p50 ${p50.toFixed(2)} ms (${(p50 / floor.p50).toFixed(2)}x peer), p99 ${p99.toFixed(2)} ms (${(p99 / floor.p99).toFixed(2)}x peer)`);
    }
  } finally {
    await running.stop();
  }
}
