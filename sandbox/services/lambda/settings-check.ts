// The checks CreateFunction and the Update operations share: runtime, role, environment variables.

import type { RequestContext } from '../../edge/context.js';
import { SUPPORTED_RUNTIMES } from '../../runtime/launch.js';
import { isBlocked, recommendedRuntime, type RuntimeAction } from '../../../aws-facts/lambda-runtimes.js';
import { deprecatedRuntime, environmentTooLarge, reservedEnvironmentKeys, roleCannotBeAssumed, unsupportedRuntime } from './errors.js';

/** A runtime the sandbox runs and AWS still accepts for this action today (by the sandbox's clock). */
export function checkRuntime(runtime: string, action: RuntimeAction, now: number): void {
  if (isBlocked(runtime, action, now)) throw deprecatedRuntime(runtime, recommendedRuntime(runtime));
  if (!SUPPORTED_RUNTIMES.includes(runtime)) throw unsupportedRuntime(runtime, SUPPORTED_RUNTIMES);
}

/** The role must exist and trust lambda.amazonaws.com (checked only when IAM runs in this sandbox). */
export function checkRole(ctx: RequestContext, roleArn: string): void {
  const iam = ctx.sandbox.apis.iam;
  if (!iam) return;
  const role = iam.getRoleByArn(roleArn);
  if (!role || !iam.trustsService(role, 'lambda.amazonaws.com')) throw roleCannotBeAssumed();
}

/** Variables the Lambda service sets itself; a function may not define them. */
const RESERVED = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);

/** AWS's limit on the environment variables of a function, measured as their JSON. */
const ENVIRONMENT_LIMIT = 4096;

export function checkEnvironment(variables: Record<string, string> | undefined): void {
  if (!variables) return;
  const reserved = Object.keys(variables).filter((k) => RESERVED.has(k));
  if (reserved.length > 0) throw reservedEnvironmentKeys(reserved);
  const size = Buffer.byteLength(JSON.stringify(variables));
  if (size > ENVIRONMENT_LIMIT) throw environmentTooLarge(size);
}
