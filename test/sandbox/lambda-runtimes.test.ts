// AWS's runtime lifecycle, judged by the sandbox's clock: a runtime past its block-create date is refused
// for new functions with AWS's message, accepted before it; past its block-update date a function on it
// can only be moved to a supported runtime.

import { CreateFunctionCommand, LambdaClient, type Runtime, UpdateFunctionCodeCommand, UpdateFunctionConfigurationCommand, waitUntilFunctionUpdatedV2 } from '@aws-sdk/client-lambda';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../sandbox/index.js';
import { useSandbox } from './support.js';
import { zipFixture } from './lambda-zip.js';
import { trustPolicy } from './trust-policy.js';

const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
const REFUSED_NODE20 =
  'The runtime parameter of nodejs20.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (nodejs24.x) while creating or updating functions.';

describe('Lambda runtime lifecycle', () => {
  const clock = new ManualClock(day('2026-12-03'));
  const sb = useSandbox({ clock });
  let lambda: LambdaClient;
  let role: string;
  const create = (name: string, runtime: string) =>
    lambda.send(new CreateFunctionCommand({ FunctionName: name, Runtime: runtime as Runtime, Handler: 'index.handler', Role: role, Code: { ZipFile: zipFixture('node-esm') } }));

  beforeAll(async () => {
    lambda = new LambdaClient(sb.config());
    const iam = new IAMClient(sb.config());
    role = (await iam.send(new CreateRoleCommand({ RoleName: 'runtime-exec', AssumeRolePolicyDocument: trustPolicy('lambda.amazonaws.com') }))).Role!.Arn!;
  });

  it('refuses nodejs20.x for a new function today, with AWS’s message, and takes the supported ones', async () => {
    clock.set(day('2026-12-03'));
    await expect(create('today-20', 'nodejs20.x')).rejects.toMatchObject({ name: 'InvalidParameterValueException', message: REFUSED_NODE20, $metadata: { httpStatusCode: 400 } });
    await expect(create('today-16', 'nodejs16.x')).rejects.toMatchObject({ name: 'InvalidParameterValueException', message: expect.stringContaining('The runtime parameter of nodejs16.x is no longer supported') });
    for (const runtime of ['nodejs22.x', 'nodejs24.x', 'python3.14']) {
      expect((await create(`today-${runtime.replace('.', '-')}`, runtime)).Runtime).toBe(runtime);
    }
    // Deprecated but not yet blocked: still created, as on AWS.
    expect((await create('today-py39', 'python3.9')).Runtime).toBe('python3.9');
  });

  it('accepts nodejs20.x with the clock before its block-create date, then blocks updates after the block-update date', async () => {
    clock.set(day('2026-08-30'));
    expect((await create('old-20', 'nodejs20.x')).Runtime).toBe('nodejs20.x');
    await waitUntilFunctionUpdatedV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: 'old-20' });

    // Between the two dates: no new functions, but existing ones may still change.
    clock.set(day('2026-09-15'));
    await expect(create('mid-20', 'nodejs20.x')).rejects.toMatchObject({ message: REFUSED_NODE20 });
    expect((await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'old-20', Timeout: 5 }))).Timeout).toBe(5);
    await waitUntilFunctionUpdatedV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: 'old-20' });

    clock.set(day('2026-10-01'));
    await expect(lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'old-20', Timeout: 6 }))).rejects.toMatchObject({ message: REFUSED_NODE20 });
    await expect(lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'old-20', ZipFile: zipFixture('node-esm') }))).rejects.toMatchObject({ message: REFUSED_NODE20 });
    // Moving it to a supported runtime is the way out.
    expect((await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'old-20', Runtime: 'nodejs22.x' }))).Runtime).toBe('nodejs22.x');
  });
});
