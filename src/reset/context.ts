// What every part of a reset works with: the clients bound to one account and region, the prefix's
// names, the lab home (lab 0's saved certificate), the clock, cancellation and the retry policy.

import type { Clock } from '../engine/clock.js';
import type { ClientFactory } from '../target/clients.js';
import type { TargetInfo } from '../target/target.js';
import { labOfTagged, nameIndex, prefixNames } from './names.js';
import type { PlannedResource, ResourceKind, Selection } from './resource.js';
import type { RetryOptions, RetryScope } from './retry.js';

export interface ResetContext extends RetryScope {
  clients: ClientFactory;
  target: TargetInfo;
  prefix: string;
  home: string;
  clock: Clock;
  signal: AbortSignal;
  retry: RetryOptions;
  /** The lab whose prefix name this is, if it is one. */
  labOfName(kind: ResourceKind, name: string): number | undefined;
}

export function resetContext(options: Omit<ResetContext, 'labOfName'>): ResetContext {
  const labOfName = nameIndex(prefixNames(options.prefix, options.target.accountId));
  return { ...options, labOfName };
}

/**
 * The resource if it has the workshop tag or one of the prefix's names, else undefined: nothing else
 * is ever selected on its own (only through a selected resource, see `Selection`).
 */
export function selectByTagOrName(
  ctx: ResetContext,
  kind: ResourceKind,
  name: string,
  tagged: boolean,
  extra: Omit<PlannedResource, 'kind' | 'name' | 'lab' | 'why'> = {},
): PlannedResource | undefined {
  const named = ctx.labOfName(kind, name);
  if (named === undefined && !tagged) return undefined;
  const why: Selection[] = [...(tagged ? (['tag'] as const) : []), ...(named !== undefined ? (['name'] as const) : [])];
  return { kind, name, lab: named ?? labOfTagged(kind, name), why, ...extra };
}

/** Tags as each service returns them, read into one shape. */
export function tagMap(tags: unknown): Record<string, string> {
  if (!tags) return {};
  if (Array.isArray(tags)) {
    const out: Record<string, string> = {};
    for (const t of tags as Record<string, unknown>[]) {
      const key = t.Key ?? t.key ?? t.TagKey;
      const value = t.Value ?? t.value ?? t.TagValue;
      if (typeof key === 'string') out[key] = typeof value === 'string' ? value : '';
    }
    return out;
  }
  return tags as Record<string, string>;
}

/** Calls `fn` on every item, at most `limit` at a time, keeping the order of the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
