// AWS's lifecycle of each Lambda runtime, from the tables of AWS's Lambda runtimes page: the day it is
// deprecated (functions keep running and may still be updated), the day creating functions on it is
// blocked, and the day updating them is blocked. A fact about AWS both halves need: the sandbox refuses
// blocked runtimes by its clock, the checks warn about deprecated ones. Depends on nothing.

export interface RuntimeLifecycle {
  deprecated: string;
  blockCreate: string;
  blockUpdate: string;
}

/** ISO dates (UTC midnight); a runtime absent here is not scheduled for deprecation. */
export const RUNTIME_LIFECYCLE: Record<string, RuntimeLifecycle> = {
  'nodejs24.x': { deprecated: '2028-04-30', blockCreate: '2028-06-01', blockUpdate: '2028-07-01' },
  'nodejs22.x': { deprecated: '2027-04-30', blockCreate: '2027-06-01', blockUpdate: '2027-07-01' },
  'nodejs20.x': { deprecated: '2026-04-30', blockCreate: '2026-08-31', blockUpdate: '2026-09-30' },
  'nodejs18.x': { deprecated: '2025-09-01', blockCreate: '2026-02-03', blockUpdate: '2026-03-09' },
  'python3.14': { deprecated: '2029-06-30', blockCreate: '2029-07-31', blockUpdate: '2029-08-31' },
  'python3.13': { deprecated: '2029-06-30', blockCreate: '2029-07-31', blockUpdate: '2029-08-31' },
  'python3.12': { deprecated: '2028-10-31', blockCreate: '2028-11-30', blockUpdate: '2029-01-10' },
  'python3.11': { deprecated: '2026-06-30', blockCreate: '2026-07-31', blockUpdate: '2026-08-31' },
  'python3.10': { deprecated: '2026-06-30', blockCreate: '2026-07-31', blockUpdate: '2026-08-31' },
  'python3.9': { deprecated: '2025-12-15', blockCreate: '2027-02-01', blockUpdate: '2027-03-03' },
};

/** Retired before the dates above were kept: creating or updating on them is refused whatever the date. */
export const RETIRED_RUNTIMES = [
  'nodejs', 'nodejs4.3', 'nodejs4.3-edge', 'nodejs6.10', 'nodejs8.10', 'nodejs10.x', 'nodejs12.x', 'nodejs14.x', 'nodejs16.x',
  'python2.7', 'python3.6', 'python3.7', 'python3.8',
];

export type RuntimeAction = 'create' | 'update';

const at = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Whether AWS refuses to create (or update) a function on `runtime` at `now`. */
export function isBlocked(runtime: string, action: RuntimeAction, now: number): boolean {
  if (RETIRED_RUNTIMES.includes(runtime)) return true;
  const lifecycle = RUNTIME_LIFECYCLE[runtime];
  if (!lifecycle) return false;
  return now >= at(action === 'create' ? lifecycle.blockCreate : lifecycle.blockUpdate);
}

/** The runtime AWS's refusal recommends: the newest of the same language. */
export function recommendedRuntime(runtime: string): string {
  return runtime.startsWith('python') ? 'python3.14' : 'nodejs24.x';
}

/** The lifecycle of a runtime deprecated at `now`, or undefined while it is supported. */
export function deprecation(runtime: string, now: number): RuntimeLifecycle | undefined {
  const lifecycle = RUNTIME_LIFECYCLE[runtime];
  if (lifecycle) return now >= at(lifecycle.deprecated) ? lifecycle : undefined;
  return RETIRED_RUNTIMES.includes(runtime) ? { deprecated: 'long ago', blockCreate: 'long ago', blockUpdate: 'long ago' } : undefined;
}
