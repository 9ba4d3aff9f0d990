// How an operation reaches dynalite: the caller's account-and-region store, then dynalite's own
// validation and action. Operations the sandbox serves unchanged are just this.

import type { RequestContext } from '../../edge/context.js';
import { defineOperation } from '../definition.js';
import { runAction, type DynaliteOperation } from './dynalite.js';
import { checkNesting } from './nesting.js';
import { dynamoStores } from './store.js';

export async function callDynalite<T = Record<string, unknown>>(ctx: RequestContext, operation: DynaliteOperation, input: unknown): Promise<T> {
  checkNesting(operation, input);
  return runAction<T>(await dynamoStores(ctx.sandbox).for(ctx), operation, input);
}

export function dynaliteOperation(name: DynaliteOperation) {
  return defineOperation({ name, handler: (input: unknown, ctx) => callDynalite(ctx, name, input) });
}
