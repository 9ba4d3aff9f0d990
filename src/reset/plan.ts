// Finds what a reset would delete: every service's resources selected by the workshop tag or the
// prefix's names (stage 2 after stage 1, which it builds on), kept to the labs asked for, without lab
// 0's identity under --keep-device, in deletion order. Only reads.

import type { ResetContext } from './context.js';
import { describeError } from '../errors.js';
import { comparePlanned, resourceKey, type PlannedResource, type ResourceKind } from './resource.js';
import type { PassedOver, ServiceReset } from './service.js';
import { errorName } from './retry.js';

/** What `--keep-device` keeps: lab 0's thing, certificate, policy and the saved files. */
export const DEVICE_KINDS: readonly ResourceKind[] = ['iot-thing', 'iot-certificate', 'iot-policy', 'device-files'];

export interface PlanOptions {
  labs: readonly number[];
  keepDevice: boolean;
}

export interface DiscoveryFailure {
  service: string;
  error: ErrorSummary;
}

export interface ErrorSummary {
  name: string;
  message: string;
  httpStatusCode?: number;
  requestId?: string;
}

export interface Plan {
  resources: PlannedResource[];
  passedOver: PassedOver[];
  /** Services that could not be searched: their resources are not in the plan. */
  failures: DiscoveryFailure[];
}

export function summarizeError(err: unknown): ErrorSummary {
  const meta = (err as { $metadata?: { httpStatusCode?: number; requestId?: string } } | undefined)?.$metadata;
  return {
    name: errorName(err),
    message: err instanceof Error ? err.message : describeError(err).message,
    ...(meta?.httpStatusCode ? { httpStatusCode: meta.httpStatusCode } : {}),
    ...(meta?.requestId ? { requestId: meta.requestId } : {}),
  };
}

export async function discoverPlan(ctx: ResetContext, services: readonly ServiceReset[], options: PlanOptions): Promise<Plan> {
  const found: PlannedResource[] = [];
  const passedOver: PassedOver[] = [];
  const failures: DiscoveryFailure[] = [];
  for (const stage of [1, 2] as const) {
    const seen = [...found];
    await Promise.all(
      services
        .filter((s) => s.stage === stage)
        .map(async (service) => {
          try {
            const result = await service.discover(ctx, seen);
            found.push(...result.selected);
            passedOver.push(...(result.passedOver ?? []));
          } catch (err) {
            failures.push({ service: service.service, error: summarizeError(err) });
          }
        }),
    );
  }
  const wanted = (r: PlannedResource) => options.labs.includes(r.lab) && !(options.keepDevice && DEVICE_KINDS.includes(r.kind));
  const unique = new Map<string, PlannedResource>();
  for (const r of found.filter(wanted)) if (!unique.has(resourceKey(r))) unique.set(resourceKey(r), r);
  return {
    resources: [...unique.values()].sort(comparePlanned),
    passedOver: passedOver.filter((p) => wanted(p.resource)).sort((a, b) => comparePlanned(a.resource, b.resource)),
    failures: failures.sort((a, b) => a.service.localeCompare(b.service)),
  };
}
