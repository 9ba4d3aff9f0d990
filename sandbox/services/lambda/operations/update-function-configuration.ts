// UpdateFunctionConfiguration: runtime, handler, role, environment, limits, description; warm
// processes of the old configuration retire.

import { defineOperation } from '../../definition.js';
import { any, str, struct } from '../../../protocols/shapes.js';
import { configuration, findFunction } from '../configuration.js';
import { checkEnvironment, checkRole, checkRuntime } from '../settings-check.js';
import { description, environment, functionName, handler, memorySize, roleArn, timeout } from '../shapes.js';
import { requireUpdatable, saveFunction } from '../update.js';

const input = struct({
  FunctionName: functionName(),
  Role: roleArn(),
  Handler: handler(),
  Description: description(),
  Timeout: timeout(),
  MemorySize: memorySize(),
  Environment: environment(),
  Runtime: str(),
  RevisionId: str(),
  TracingConfig: any(),
  LoggingConfig: any(),
});

interface Input {
  FunctionName: string;
  Role?: string;
  Handler?: string;
  Description?: string;
  Timeout?: number;
  MemorySize?: number;
  Environment?: { Variables?: Record<string, string> };
  Runtime?: string;
  RevisionId?: string;
}

export const updateFunctionConfiguration = defineOperation<Input>({
  name: 'UpdateFunctionConfiguration',
  input,
  http: { method: 'PUT', path: '/2015-03-31/functions/{FunctionName}/configuration' },
  handler(input, ctx) {
    const fn = findFunction(ctx.sandbox, ctx, input.FunctionName);
    requireUpdatable(ctx, fn, input.RevisionId);
    // After the block-update date a function on that runtime can only be moved to a supported one.
    checkRuntime(input.Runtime ?? fn.Runtime, 'update', ctx.clock.now());
    if (input.Environment) checkEnvironment(input.Environment.Variables);
    if (input.Role !== undefined) checkRole(ctx, input.Role);
    const changed = {
      ...fn,
      Role: input.Role ?? fn.Role,
      Handler: input.Handler ?? fn.Handler,
      Description: input.Description ?? fn.Description,
      Timeout: input.Timeout ?? fn.Timeout,
      MemorySize: input.MemorySize ?? fn.MemorySize,
      Runtime: input.Runtime ?? fn.Runtime,
      // An Environment without Variables clears them, as in AWS.
      Environment: input.Environment ? input.Environment.Variables : fn.Environment,
    };
    const saved = saveFunction(ctx, changed, { runtimeChanged: true });
    return configuration(ctx.sandbox, saved, ctx.clock.now());
  },
});
