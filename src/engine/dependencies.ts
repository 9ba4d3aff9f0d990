// Validates the dependency graph of a lab's checks before anything runs: a lab author's mistake, caught early.

import type { Check } from './types.js';

// Ids go into JSON, JUnit and grade exports: lower-case words joined by dots and dashes (`stream.active`).
const CHECK_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

export function assertValidGraph(labLabel: string, checks: Check[]): void {
  const ids = new Set<string>();
  for (const check of checks) {
    if (!CHECK_ID.test(check.id)) throw new Error(`${labLabel}: check id "${check.id}" must be lower-case words joined by dots or dashes, like stream.active`);
    if (ids.has(check.id)) throw new Error(`${labLabel}: check id "${check.id}" is used twice`);
    ids.add(check.id);
  }
  for (const check of checks) {
    for (const dep of check.dependsOn ?? []) {
      if (!ids.has(dep)) throw new Error(`${labLabel}: check "${check.id}" depends on unknown check "${dep}"`);
    }
  }
  const byId = new Map(checks.map((c) => [c.id, c]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') throw new Error(`${labLabel}: checks depend on each other in a cycle: ${[...path, id].join(' → ')}`);
    state.set(id, 'visiting');
    for (const dep of byId.get(id)?.dependsOn ?? []) visit(dep, [...path, id]);
    state.set(id, 'done');
  };
  for (const check of checks) visit(check.id, []);
}
