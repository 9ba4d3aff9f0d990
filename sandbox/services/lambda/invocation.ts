// One invocation from request to response, shared by the Invoke operation and the in-process API
// (event source mappings, API Gateway): checks as AWS makes them, the run on a warm worker, the
// function's logs (START/END/REPORT) in CloudWatch Logs, AWS/Lambda metrics, and the response.

import { randomBytes, randomUUID } from 'node:crypto';
import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import type { InvokeOutcome, WorkerSpec } from '../../runtime/worker.js';
import { codeDirectory } from './code.js';
import { findFunction, requireActive } from './configuration.js';
import { concurrencyLimitExceeded, invalidRequestContent, invokePayloadTooLarge } from './errors.js';
import { lambdaHost } from './host.js';
import { workerKey, type FunctionRecord } from './store.js';

export type InvocationType = 'RequestResponse' | 'Event' | 'DryRun';

export interface InvokeOptions {
  invocationType?: InvocationType;
  logType?: 'None' | 'Tail';
  /** X-Amz-Client-Context: base64 JSON handed to the function as context.clientContext. */
  clientContext?: string;
  qualifier?: string;
  /** The request id the invocation runs under (the caller's, or a new one). */
  requestId?: string;
}

export interface InvokeResponse {
  /** 200 (RequestResponse), 202 (Event), 204 (DryRun). */
  statusCode: number;
  payload: Buffer;
  /** `Unhandled` when the function failed (threw, timed out, exited). */
  functionError?: 'Unhandled';
  /** Base64 of the last 4 KB of the invocation's log (LogType Tail). */
  logResult?: string;
  executedVersion: string;
  requestId: string;
}

/** AWS's payload limits: 6 MB synchronous, 256 KB asynchronous (request), 6 MB response. */
const SYNC_REQUEST_LIMIT = 6_291_456;
const ASYNC_REQUEST_LIMIT = 262_144;
const RESPONSE_LIMIT = 6_291_556;
const TAIL_BYTES = 4096;

export async function invokeFunction(sandbox: Sandbox, owner: Principal, nameOrArn: string, payload: Buffer, options: InvokeOptions = {}): Promise<InvokeResponse> {
  const fn = findFunction(sandbox, owner, nameOrArn, options.qualifier);
  const type = options.invocationType ?? 'RequestResponse';
  const requestId = options.requestId ?? randomUUID();
  requireActive(sandbox, fn, owner.clock.now());
  if (type === 'Event' && payload.length > ASYNC_REQUEST_LIMIT) throw invokePayloadTooLarge(ASYNC_REQUEST_LIMIT, 'InvokeAsync');
  if (payload.length > SYNC_REQUEST_LIMIT) throw invokePayloadTooLarge(SYNC_REQUEST_LIMIT, 'Invoke');
  const event = payload.length === 0 ? '{}' : payload.toString('utf8');
  try {
    JSON.parse(event);
  } catch (err) {
    throw invalidRequestContent((err as Error).message);
  }
  const base = { payload: Buffer.alloc(0), executedVersion: '$LATEST', requestId };
  if (type === 'DryRun') return { ...base, statusCode: 204 };
  const { concurrency } = lambdaHost(sandbox);
  const scope = `${owner.accountId}/${owner.region}`;
  if (type === 'Event') {
    // Accepted now, run in the background when the quota has room, as Lambda's internal queue does.
    concurrency
      .acquire(scope)
      .then(() => run(sandbox, owner, fn, event, requestId, options.clientContext).finally(() => concurrency.release(scope)))
      .catch((err: unknown) => sandbox.warn(`lambda: event invocation of ${fn.FunctionName} failed: ${(err as Error).stack ?? String(err)}`));
    return { ...base, statusCode: 202 };
  }
  if (!concurrency.tryAcquire(scope)) {
    publishThrottle(sandbox, owner, fn);
    throw concurrencyLimitExceeded();
  }
  let ran: RunResult;
  try {
    ran = await run(sandbox, owner, fn, event, requestId, options.clientContext);
  } finally {
    concurrency.release(scope);
  }
  return {
    ...base,
    statusCode: 200,
    payload: ran.payload,
    functionError: ran.functionError,
    logResult: options.logType === 'Tail' ? tail(ran.logLines) : undefined,
  };
}

interface RunResult {
  payload: Buffer;
  functionError?: 'Unhandled';
  logLines: string[];
}

async function run(sandbox: Sandbox, owner: Principal, fn: FunctionRecord, event: string, requestId: string, clientContext: string | undefined): Promise<RunResult> {
  const host = lambdaHost(sandbox);
  const outcome = await host.pool.invoke(workerKey(owner, fn.FunctionName), fn.generation, () => workerSpec(sandbox, owner, fn), {
    requestId,
    payload: event,
    invokedFunctionArn: fn.FunctionArn,
    clientContext: decodeClientContext(clientContext),
    timeoutMs: fn.Timeout * 1000,
  });
  const now = owner.clock.now();
  const { payload, failed, logLine } = responseOf(outcome, fn, requestId, now);
  const logLines = [`START RequestId: ${requestId} Version: $LATEST`, ...outcome.logs, ...(logLine ? [logLine] : []), `END RequestId: ${requestId}`, report(outcome, fn, requestId)];
  sandbox.apis.logs?.putEvents(owner, `/aws/lambda/${fn.FunctionName}`, outcome.logStreamName, logLines.map((message) => ({ timestamp: now, message })));
  publishMetrics(sandbox, owner, fn, outcome, failed);
  return { payload, functionError: failed ? 'Unhandled' : undefined, logLines };
}

function responseOf(outcome: InvokeOutcome, fn: FunctionRecord, requestId: string, now: number): { payload: Buffer; failed: boolean; logLine?: string } {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const result = outcome.result;
  switch (result.kind) {
    case 'success': {
      const payload = Buffer.from(result.payload);
      if (payload.length > RESPONSE_LIMIT) {
        const error = { errorMessage: `Response payload size exceeded maximum allowed payload size (${RESPONSE_LIMIT} bytes).`, errorType: 'Function.ResponseSizeTooLarge' };
        return { payload: json(error), failed: true };
      }
      return { payload, failed: false };
    }
    case 'error':
      return { payload: json(result.error), failed: true };
    case 'timeout': {
      const message = `${new Date(now).toISOString()} ${requestId} Task timed out after ${fn.Timeout.toFixed(2)} seconds`;
      return { payload: json({ errorMessage: message }), failed: true, logLine: message };
    }
    case 'exit':
    case 'out-of-memory': {
      const errorType = exitErrorType(result.kind);
      const message = `RequestId: ${requestId} Error: Runtime exited with error: ${result.reason}`;
      return { payload: json({ errorType, errorMessage: message }), failed: true, logLine: `${message}\n${errorType}` };
    }
    case 'unavailable':
      return { payload: json({ errorType: 'Runtime.Unavailable', errorMessage: result.message }), failed: true, logLine: result.message };
  }
}

function report(outcome: InvokeOutcome, fn: FunctionRecord, requestId: string): string {
  const parts = [
    `REPORT RequestId: ${requestId}`,
    `Duration: ${outcome.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${Math.max(1, Math.ceil(outcome.durationMs))} ms`,
    `Memory Size: ${fn.MemorySize} MB`,
    `Max Memory Used: ${outcome.memoryMb ?? 0} MB`,
  ];
  if (outcome.initMs !== undefined) parts.push(`Init Duration: ${outcome.initMs.toFixed(2)} ms`);
  if (outcome.result.kind === 'timeout') parts.push('Status: timeout');
  if (outcome.result.kind === 'exit' || outcome.result.kind === 'out-of-memory') parts.push(`Status: error\tError Type: ${exitErrorType(outcome.result.kind)}`);
  return parts.join('\t');
}

/** A process past its memory size was killed by AWS (Runtime.OutOfMemory); any other end is Runtime.ExitError. */
function exitErrorType(kind: 'exit' | 'out-of-memory'): string {
  return kind === 'out-of-memory' ? 'Runtime.OutOfMemory' : 'Runtime.ExitError';
}

function tail(lines: string[]): string {
  const text = Buffer.from(lines.join('\n') + '\n');
  return text.subarray(Math.max(0, text.length - TAIL_BYTES)).toString('base64');
}

function publishMetrics(sandbox: Sandbox, owner: Principal, fn: FunctionRecord, outcome: InvokeOutcome, failed: boolean): void {
  const cloudwatch = sandbox.apis.cloudwatch;
  if (!cloudwatch) return;
  const put = (name: string, value: number, unit: string) =>
    cloudwatch.putMetric(owner, { namespace: 'AWS/Lambda', name, dimensions: { FunctionName: fn.FunctionName }, value, unit });
  put('Invocations', 1, 'Count');
  put('Errors', failed ? 1 : 0, 'Count');
  put('Throttles', 0, 'Count');
  put('Duration', Number(outcome.durationMs.toFixed(2)), 'Milliseconds');
}

/** A throttled invocation counts in Throttles, not in Invocations. */
function publishThrottle(sandbox: Sandbox, owner: Principal, fn: FunctionRecord): void {
  sandbox.apis.cloudwatch?.putMetric(owner, { namespace: 'AWS/Lambda', name: 'Throttles', dimensions: { FunctionName: fn.FunctionName }, value: 1, unit: 'Count' });
}

function decodeClientContext(header: string | undefined): unknown {
  if (!header) return undefined;
  try {
    return JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Everything a function's process sees in its environment, as in AWS. */
function workerSpec(sandbox: Sandbox, owner: Principal, fn: FunctionRecord): WorkerSpec {
  const codeDir = codeDirectory(sandbox, fn);
  const day = new Date(owner.clock.now()).toISOString().slice(0, 10).replace(/-/g, '/');
  const logStreamName = `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
  // The function calls as its execution role: a session of the role, in the role's account, held to the
  // role's policies. With --iam-enforcement off (or no STS), as the role's account itself.
  const roleAccount = /^arn:aws[a-zA-Z-]*:iam::(\d{12}):/.exec(fn.Role)?.[1] ?? owner.accountId;
  const session = sandbox.options.iamEnforcement !== false ? sandbox.apis.sts?.serviceSession(fn.Role, fn.FunctionName) : undefined;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    LAMBDA_TASK_ROOT: codeDir,
    LAMBDA_RUNTIME_DIR: codeDir,
    _HANDLER: fn.Handler,
    AWS_REGION: owner.region,
    AWS_DEFAULT_REGION: owner.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.Runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.FunctionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.MemorySize),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.FunctionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: logStreamName,
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_ACCESS_KEY_ID: session?.accessKeyId ?? roleAccount,
    AWS_SECRET_ACCESS_KEY: session?.secretAccessKey ?? sandbox.secretAccessKey,
    AWS_SESSION_TOKEN: session?.sessionToken ?? `lambda-sandbox-session-${fn.FunctionName}`,
    AWS_ENDPOINT_URL: sandbox.endpoint,
    // The machine's own AWS configuration must not leak into functions.
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    ...fn.Environment,
  };
  return { runtime: fn.Runtime, env, codeDir, logStreamName, memoryMb: fn.MemorySize };
}
