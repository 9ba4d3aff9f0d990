// Deletes a plan in dependency order: one phase per kind (rules, certificates, things, policies,
// mappings, functions, APIs, delivery streams, buckets, ..., log groups, roles), each phase's resources
// a few at a time. A resource that fails is reported with AWS's error and the rest go on; one already
// gone is skipped. Emits events; the terminal view follows them.

import { Semaphore } from '../engine/semaphore.js';
import type { ResetContext } from './context.js';
import { inEnglish, type ResetText } from './messages.js';
import { summarizeError, type ErrorSummary } from './plan.js';
import { RESOURCE_KINDS, type PlannedResource, type ResourceKind } from './resource.js';
import type { Deleter, ServiceReset } from './service.js';

export const DEFAULT_DELETE_CONCURRENCY = 4;

export interface DeletionResult {
  resource: PlannedResource;
  status: 'deleted' | 'skipped' | 'failed';
  /** Why it was skipped, in English: what the JSON report keeps. */
  reason?: string;
  /** The same reason for a person, in the workbook's language, when the workbook has its words. */
  say?: ResetText;
  /** What deleting it involved (emptied objects), in English for the JSON report. */
  detail?: string;
  /** The same for a person, in the workbook's language. */
  sayDetail?: ResetText;
  error?: ErrorSummary;
  durationMs: number;
}

export interface Phase {
  kind: ResourceKind;
  resources: PlannedResource[];
}

export type DeletionEvent =
  | { type: 'resource-start'; resource: PlannedResource }
  | { type: 'resource-step'; resource: PlannedResource; message: ResetText }
  | { type: 'resource-done'; result: DeletionResult };

export function phasesOf(resources: readonly PlannedResource[]): Phase[] {
  return RESOURCE_KINDS.map((kind) => ({ kind, resources: resources.filter((r) => r.kind === kind) })).filter((p) => p.resources.length > 0);
}

export interface DeleteOptions {
  concurrency?: number;
  onEvent?: (event: DeletionEvent) => void;
}

export async function deleteInOrder(resources: readonly PlannedResource[], ctx: ResetContext, services: readonly ServiceReset[], options: DeleteOptions = {}): Promise<DeletionResult[]> {
  const deleters = new Map<ResourceKind, Deleter>();
  for (const service of services) for (const [kind, deleter] of Object.entries(service.deleters)) deleters.set(kind as ResourceKind, deleter);
  const emit = options.onEvent ?? (() => undefined);
  const results: DeletionResult[] = [];
  for (const phase of phasesOf(resources)) {
    const semaphore = new Semaphore(options.concurrency ?? DEFAULT_DELETE_CONCURRENCY);
    const deleter = deleters.get(phase.kind);
    await Promise.all(
      phase.resources.map((resource) =>
        semaphore.use(async () => {
          const started = ctx.clock.now();
          emit({ type: 'resource-start', resource });
          let result: DeletionResult;
          if (ctx.signal.aborted) {
            result = skipped(resource, { key: 'reasons.interrupted' });
          } else if (!deleter) {
            result = skipped(resource, { key: 'reasons.cannotDelete', values: { kind: phase.kind } });
          } else {
            try {
              const outcome = await deleter(resource, ctx, (message) => emit({ type: 'resource-step', resource, message }));
              result =
                outcome.status === 'deleted'
                  ? { resource, status: 'deleted', ...(outcome.detail ? { detail: inEnglish(outcome.detail), sayDetail: outcome.detail } : {}), durationMs: ctx.clock.now() - started }
                  : { ...skipped(resource, outcome.reason), durationMs: ctx.clock.now() - started };
            } catch (err) {
              result = { resource, status: 'failed', error: summarizeError(err), durationMs: ctx.clock.now() - started };
            }
          }
          results.push(result);
          emit({ type: 'resource-done', result });
        }),
      ),
    );
  }
  return results;
}

function skipped(resource: PlannedResource, say: ResetText): DeletionResult {
  return { resource, status: 'skipped', reason: inEnglish(say), say, durationMs: 0 };
}
