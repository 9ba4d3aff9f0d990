// What every change to a function's code or configuration does: refuse while the function is not
// ready for it, record the change (a new revision, LastUpdateStatus InProgress for the provisioning
// delay), and retire the warm processes running the old version.

import type { RequestContext } from '../../edge/context.js';
import { functionState } from './configuration.js';
import { notActive, revisionMismatch, updateInProgress } from './errors.js';
import { lambdaHost } from './host.js';
import { randomUUID } from 'node:crypto';
import { functions, workerKey, type FunctionRecord } from './store.js';

export function requireUpdatable(ctx: RequestContext, fn: FunctionRecord, revisionId?: string): void {
  const state = functionState(ctx.sandbox, fn, ctx.clock.now());
  if (state.State !== 'Active') throw notActive(state.State);
  if (state.LastUpdateStatus === 'InProgress') throw updateInProgress(fn.FunctionArn);
  if (revisionId !== undefined && revisionId !== fn.RevisionId) throw revisionMismatch();
}

/** Saves a changed function; `runtimeChanged` retires its warm processes (code or configuration changed). */
export function saveFunction(ctx: RequestContext, fn: FunctionRecord, { runtimeChanged }: { runtimeChanged: boolean }): FunctionRecord {
  const now = ctx.clock.now();
  const saved: FunctionRecord = { ...fn, RevisionId: randomUUID() };
  if (runtimeChanged) {
    saved.updatedAt = now;
    saved.lastModified = now;
    saved.generation = randomUUID();
    lambdaHost(ctx.sandbox).pool.retire(workerKey(ctx, fn.FunctionName));
  }
  functions(ctx.sandbox, ctx).set(fn.FunctionName, saved);
  return saved;
}
