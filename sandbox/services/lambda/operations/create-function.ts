// CreateFunction: a function from a zip (inline or in S3), with its runtime, handler, role,
// environment, limits and tags; Pending until the provisioning delay has passed.

import { randomUUID } from 'node:crypto';
import { defineOperation } from '../../definition.js';
import { any, blob, bool, list, str, struct } from '../../../protocols/shapes.js';
import { configuration, functionArn } from '../configuration.js';
import { storeCode, zipOf } from '../code.js';
import { functionExists, missingRuntimeOrHandler, requestTooLarge } from '../errors.js';
import { checkEnvironment, checkRole, checkRuntime } from '../settings-check.js';
import { description, environment, functionName, handler, memorySize, roleArn, tags, timeout } from '../shapes.js';
import { functions, type FunctionRecord } from '../store.js';

/** The largest CreateFunction request AWS takes (a 50 MB zip, base64 in JSON). */
export const CODE_REQUEST_LIMIT = 69_905_067;

const input = struct({
  FunctionName: functionName(),
  Runtime: str(),
  Role: roleArn(true),
  Handler: handler(),
  Code: struct(
    {
      ZipFile: blob(),
      S3Bucket: str({ min: 3, max: 63 }),
      S3Key: str({ min: 1, max: 1024 }),
      S3ObjectVersion: str({ min: 1, max: 1024 }),
      ImageUri: str(),
    },
    { required: true },
  ),
  Description: description(),
  Timeout: timeout(),
  MemorySize: memorySize(),
  Publish: bool(),
  PackageType: str({ enum: ['Zip', 'Image'] }),
  Environment: environment(),
  Tags: tags(),
  Architectures: list(str({ enum: ['x86_64', 'arm64'] }), { min: 1, max: 1 }),
  TracingConfig: any(),
  LoggingConfig: any(),
});

interface Input {
  FunctionName: string;
  Runtime?: string;
  Role: string;
  Handler?: string;
  Code: { ZipFile?: Buffer; S3Bucket?: string; S3Key?: string };
  Description?: string;
  Timeout?: number;
  MemorySize?: number;
  Environment?: { Variables?: Record<string, string> };
  Tags?: Record<string, string>;
}

export const createFunction = defineOperation<Input>({
  name: 'CreateFunction',
  input,
  http: { method: 'POST', path: '/2015-03-31/functions', status: 201 },
  handler(input, ctx) {
    if (ctx.http.body.length > CODE_REQUEST_LIMIT) throw requestTooLarge(CODE_REQUEST_LIMIT, 'CreateFunction');
    const table = functions(ctx.sandbox, ctx);
    const name = input.FunctionName.split(':').filter((p) => p !== '').at(-1)!;
    if (table.has(name)) throw functionExists(name);
    if (!input.Runtime || !input.Handler) throw missingRuntimeOrHandler();
    checkRuntime(input.Runtime, 'create', ctx.clock.now());
    checkEnvironment(input.Environment?.Variables);
    checkRole(ctx, input.Role);
    const code = storeCode(ctx.sandbox, ctx, name, zipOf(ctx.sandbox, ctx, input.Code));
    const now = ctx.clock.now();
    const fn: FunctionRecord = {
      FunctionName: name,
      FunctionArn: functionArn(ctx, name),
      Runtime: input.Runtime,
      Role: input.Role,
      Handler: input.Handler,
      Description: input.Description ?? '',
      Timeout: input.Timeout ?? 3,
      MemorySize: input.MemorySize ?? 128,
      Environment: input.Environment?.Variables,
      ...code,
      Tags: input.Tags ?? {},
      policy: [],
      RevisionId: randomUUID(),
      generation: randomUUID(),
      createdAt: now,
      lastModified: now,
    };
    table.set(name, fn);
    return configuration(ctx.sandbox, fn, now);
  },
});
