// Per-run memory for lookups several checks share (the rule, the stream, the function): one AWS call
// answers them all. Entries expire quickly so a check polled again sees fresh state.

import type { CheckContext } from '../../src/engine/types.js';

const FRESH_FOR_MS = 3_000;
const runs = new WeakMap<CheckContext, Map<string, { at: number; value: Promise<unknown> }>>();

export function memo<T>(ctx: CheckContext, key: string, load: () => Promise<T>): Promise<T> {
  let entries = runs.get(ctx);
  if (!entries) runs.set(ctx, (entries = new Map()));
  const now = ctx.clock.now();
  const hit = entries.get(key);
  if (hit && now - hit.at < FRESH_FOR_MS) return hit.value as Promise<T>;
  const value = load();
  entries.set(key, { at: now, value });
  // A failed lookup is not remembered: the next check asks again and reports its own error.
  value.catch(() => entries.delete(key));
  return value;
}

/** Prefix-named candidates first, so a student's own resources win over a neighbour's in a shared account. */
export function preferPrefix<T>(items: readonly T[], nameOf: (item: T) => string, prefix: string): T[] {
  const own = items.filter((i) => nameOf(i).startsWith(prefix));
  return [...own, ...items.filter((i) => !nameOf(i).startsWith(prefix))];
}
