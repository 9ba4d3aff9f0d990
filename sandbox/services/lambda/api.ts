// What other services ask Lambda in-process: event source mappings and API Gateway invoke functions
// (with the same checks, logs and metrics as the Invoke operation) and look at their configuration
// and resource policy.

import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { findFunction, functionState } from './configuration.js';
import { invokeFunction, type InvokeOptions, type InvokeResponse } from './invocation.js';
import { allowsInvoke, type InvokeCaller } from './policy.js';
import { isServiceError } from '../../protocols/errors.js';

export type { InvokeOptions, InvokeResponse, InvocationType } from './invocation.js';
export type { InvokeCaller } from './policy.js';

export interface LambdaFunctionView {
  functionName: string;
  functionArn: string;
  runtime: string;
  handler: string;
  role: string;
  timeout: number;
  memorySize: number;
  state: 'Pending' | 'Active';
  environment: Record<string, string>;
}

export interface LambdaApi {
  /**
   * Invokes a function (name, partial or full ARN) in the owner's account and region. Resolves with the
   * response as Invoke returns it (a failing function is `functionError: 'Unhandled'` with AWS's error
   * payload, not a rejection); rejects with a ServiceError when Lambda itself refuses (no such function,
   * not Active yet, payload too large or not JSON).
   */
  invoke(owner: Principal, functionNameOrArn: string, payload: Buffer, options?: InvokeOptions): Promise<InvokeResponse>;
  /** The function, or undefined if there is none of that name or ARN. */
  getFunction(owner: Principal, functionNameOrArn: string): LambdaFunctionView | undefined;
  /** Whether the function's resource policy lets `caller` invoke it (API Gateway's permission check). */
  allowsInvoke(owner: Principal, functionNameOrArn: string, caller: InvokeCaller): boolean;
}

export function createLambdaApi(sandbox: Sandbox): LambdaApi {
  const lookup = (owner: Principal, nameOrArn: string) => {
    try {
      return findFunction(sandbox, owner, nameOrArn);
    } catch (err) {
      if (isServiceError(err)) return undefined;
      throw err;
    }
  };
  return {
    invoke: (owner, nameOrArn, payload, options) => invokeFunction(sandbox, owner, nameOrArn, payload, options),
    getFunction(owner, nameOrArn) {
      const fn = lookup(owner, nameOrArn);
      if (!fn) return undefined;
      return {
        functionName: fn.FunctionName,
        functionArn: fn.FunctionArn,
        runtime: fn.Runtime,
        handler: fn.Handler,
        role: fn.Role,
        timeout: fn.Timeout,
        memorySize: fn.MemorySize,
        state: functionState(sandbox, fn, owner.clock.now()).State,
        environment: { ...fn.Environment },
      };
    },
    allowsInvoke(owner, nameOrArn, caller) {
      const fn = lookup(owner, nameOrArn);
      return fn ? allowsInvoke(fn, caller) : false;
    },
  };
}
