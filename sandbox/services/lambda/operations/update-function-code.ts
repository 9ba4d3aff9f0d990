// UpdateFunctionCode: new code from a zip (inline or in S3); warm processes of the old code retire.

import { defineOperation } from '../../definition.js';
import { blob, bool, list, str, struct } from '../../../protocols/shapes.js';
import { checkRuntime } from '../settings-check.js';
import { configuration, findFunction } from '../configuration.js';
import { removeCodeDirectories, storeCode, zipOf } from '../code.js';
import { requestTooLarge } from '../errors.js';
import { functionName } from '../shapes.js';
import { requireUpdatable, saveFunction } from '../update.js';
import { CODE_REQUEST_LIMIT } from './create-function.js';

const input = struct({
  FunctionName: functionName(),
  ZipFile: blob(),
  S3Bucket: str({ min: 3, max: 63 }),
  S3Key: str({ min: 1, max: 1024 }),
  S3ObjectVersion: str({ min: 1, max: 1024 }),
  ImageUri: str(),
  Publish: bool(),
  DryRun: bool(),
  RevisionId: str(),
  Architectures: list(str({ enum: ['x86_64', 'arm64'] }), { min: 1, max: 1 }),
});

interface Input {
  FunctionName: string;
  ZipFile?: Buffer;
  S3Bucket?: string;
  S3Key?: string;
  DryRun?: boolean;
  RevisionId?: string;
}

export const updateFunctionCode = defineOperation<Input>({
  name: 'UpdateFunctionCode',
  input,
  http: { method: 'PUT', path: '/2015-03-31/functions/{FunctionName}/code' },
  handler(input, ctx) {
    if (ctx.http.body.length > CODE_REQUEST_LIMIT) throw requestTooLarge(CODE_REQUEST_LIMIT, 'UpdateFunctionCode');
    const fn = findFunction(ctx.sandbox, ctx, input.FunctionName);
    requireUpdatable(ctx, fn, input.RevisionId);
    checkRuntime(fn.Runtime, 'update', ctx.clock.now());
    const zip = zipOf(ctx.sandbox, ctx, input);
    if (input.DryRun) return configuration(ctx.sandbox, fn, ctx.clock.now());
    const code = storeCode(ctx.sandbox, ctx, fn.FunctionName, zip);
    const saved = saveFunction(ctx, { ...fn, ...code }, { runtimeChanged: true });
    // The same code uploaded again lands at the same blob location: keep it then.
    if (fn.codeLocation !== saved.codeLocation) ctx.sandbox.blobs.remove(fn.codeLocation);
    removeCodeDirectories(ctx.sandbox, saved, { keepCurrent: true });
    return configuration(ctx.sandbox, saved, ctx.clock.now());
  },
});
