// Deploy step: a Lambda function from a zip built at deploy time; code and configuration updated only
// when they differ, each update waited for before the next (Lambda refuses overlapping updates).

import {
  CreateFunctionCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import type { SolutionContext } from '../../src/engine/solution.js';
import type { Ledger } from './ledger.js';
import { retryWhileRolePropagates, waitFor } from './wait.js';
import { orUndefined } from '../../checks/lib/not-found.js';
import { codeSha256 } from './zip.js';
import { ts } from './messages.js';

export interface FunctionSpec {
  name: string;
  runtime: string;
  handler: string;
  roleArn: string;
  zip: Uint8Array;
  environment: Record<string, string>;
  timeout: number;
  description: string;
}

export async function ensureFunction(ctx: SolutionContext, ledger: Ledger, spec: FunctionSpec): Promise<string> {
  const lambda = ctx.clients.get(LambdaClient);
  const describe = () => orUndefined(lambda.send(new GetFunctionConfigurationCommand({ FunctionName: spec.name })));
  const settled = (fn: FunctionConfiguration | undefined) => fn?.State === 'Active' && fn.LastUpdateStatus !== 'InProgress';
  const waitSettled = () => waitFor(ctx, async () => settled(await describe()), { what: ts('waits.functionActive', { name: spec.name }) });
  const existing = await describe();
  if (!existing) {
    await retryWhileRolePropagates(ctx, () =>
      lambda.send(
        new CreateFunctionCommand({
          FunctionName: spec.name,
          Runtime: spec.runtime as never,
          Handler: spec.handler,
          Role: spec.roleArn,
          Code: { ZipFile: spec.zip },
          Environment: { Variables: spec.environment },
          Timeout: spec.timeout,
          Description: spec.description,
          Tags: { ...ctx.tags },
        }),
      ),
    );
    ledger.record(ts('ledger.function', { name: spec.name, runtime: spec.runtime }), 'created');
    await waitSettled();
    return (await describe())!.FunctionArn!;
  }
  if (!settled(existing)) await waitSettled();
  const configurationDiffers =
    existing.Runtime !== spec.runtime ||
    existing.Handler !== spec.handler ||
    existing.Role !== spec.roleArn ||
    existing.Timeout !== spec.timeout ||
    JSON.stringify(existing.Environment?.Variables ?? {}) !== JSON.stringify(spec.environment);
  const codeDiffers = existing.CodeSha256 !== codeSha256(spec.zip);
  // A runtime switch needs the new code first: the old handler name may not exist in the new runtime.
  if (codeDiffers) {
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: spec.name, ZipFile: spec.zip }));
    await waitSettled();
    ledger.record(ts('ledger.functionCode', { name: spec.name }), 'updated');
  }
  if (configurationDiffers) {
    await retryWhileRolePropagates(ctx, () =>
      lambda.send(
        new UpdateFunctionConfigurationCommand({
          FunctionName: spec.name,
          Runtime: spec.runtime as never,
          Handler: spec.handler,
          Role: spec.roleArn,
          Timeout: spec.timeout,
          Environment: { Variables: spec.environment },
        }),
      ),
    );
    await waitSettled();
    ledger.record(ts('ledger.functionConfiguration', { name: spec.name, runtime: spec.runtime }), 'updated');
  }
  if (!codeDiffers && !configurationDiffers) ledger.record(ts('ledger.function', { name: spec.name, runtime: spec.runtime }), 'unchanged');
  return existing.FunctionArn!;
}
