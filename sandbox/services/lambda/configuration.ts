// A function as Lambda describes it (FunctionConfiguration), its state over time (Pending -> Active,
// LastUpdateStatus InProgress -> Successful, from the provisioning delay and the injected clock), and
// how a FunctionName parameter (name, partial or full ARN, with a qualifier) names one.

import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { functionNotFound, notActive } from './errors.js';
import { functions, type FunctionRecord } from './store.js';

export function functionArn(owner: Pick<Principal, 'accountId' | 'region'>, name: string): string {
  return `arn:aws:lambda:${owner.region}:${owner.accountId}:function:${name}`;
}

/** Lambda's LastModified: `2026-11-28T10:15:00.000+0000`. */
export function lambdaTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

export interface FunctionState {
  State: 'Pending' | 'Active';
  LastUpdateStatus?: 'InProgress' | 'Successful';
}

export function functionState(sandbox: Sandbox, fn: FunctionRecord, now: number): FunctionState {
  const delay = sandbox.options.provisioningDelayMs ?? 0;
  if (now < fn.createdAt + delay) return { State: 'Pending' };
  if (fn.updatedAt !== undefined && now < fn.updatedAt + delay) return { State: 'Active', LastUpdateStatus: 'InProgress' };
  return { State: 'Active', LastUpdateStatus: 'Successful' };
}

export function configuration(sandbox: Sandbox, fn: FunctionRecord, now: number): Record<string, unknown> {
  const state = functionState(sandbox, fn, now);
  return {
    FunctionName: fn.FunctionName,
    FunctionArn: fn.FunctionArn,
    Runtime: fn.Runtime,
    Role: fn.Role,
    Handler: fn.Handler,
    CodeSize: fn.CodeSize,
    Description: fn.Description,
    Timeout: fn.Timeout,
    MemorySize: fn.MemorySize,
    LastModified: lambdaTimestamp(fn.lastModified),
    CodeSha256: fn.CodeSha256,
    Version: '$LATEST',
    Environment: fn.Environment ? { Variables: fn.Environment } : undefined,
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: fn.RevisionId,
    State: state.State,
    ...(state.State === 'Pending' ? { StateReason: 'The function is being created.', StateReasonCode: 'Creating' } : {}),
    LastUpdateStatus: state.LastUpdateStatus,
    ...(state.LastUpdateStatus === 'InProgress' ? { LastUpdateStatusReason: 'The function is being created.', LastUpdateStatusReasonCode: 'Creating' } : {}),
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${fn.FunctionName}` },
  };
}

export interface FunctionRef {
  name: string;
  qualifier?: string;
}

const ARN_FORM = /^(?:arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):)?(?:(\d{12}):)?(?:function:)?([a-zA-Z0-9-_.]+)(?::([a-zA-Z0-9-_$.]+))?$/;

/** The function a FunctionName parameter names: `my-fn`, `123456789012:function:my-fn`, or a full ARN, maybe with `:qualifier`. */
export function parseFunctionName(value: string, qualifier?: string): FunctionRef {
  const m = ARN_FORM.exec(value);
  if (!m) return { name: value, qualifier };
  return { name: m[3], qualifier: m[4] ?? qualifier };
}

/** Looks a function up by name or ARN in the owner's account and region; AWS's not-found error otherwise. */
export function findFunction(sandbox: Sandbox, owner: Pick<Principal, 'accountId' | 'region'>, nameOrArn: string, qualifier?: string): FunctionRecord {
  const ref = parseFunctionName(nameOrArn, qualifier);
  const fn = functions(sandbox, owner).get(ref.name);
  const arn = functionArn(owner, ref.name);
  if (!fn) throw functionNotFound(ref.qualifier ? `${arn}:${ref.qualifier}` : arn);
  // Only $LATEST exists here: the sandbox does not publish versions or aliases.
  if (ref.qualifier && ref.qualifier !== '$LATEST') throw functionNotFound(`${arn}:${ref.qualifier}`);
  return fn;
}

/** Invocations need an Active function, as in AWS. */
export function requireActive(sandbox: Sandbox, fn: FunctionRecord, now: number): void {
  const { State } = functionState(sandbox, fn, now);
  if (State !== 'Active') throw notActive(State);
}
