// The contract of a service's reset module: it finds its resources (selected by the workshop tag or the
// prefix's names) and deletes each kind it owns, saying what it did step by step.

import type { ResetContext } from './context.js';
import type { ResetText } from './messages.js';
import type { PlannedResource, ResourceKind } from './resource.js';

export interface PassedOver {
  resource: PlannedResource;
  /** Why it stays although it was selected: another region, already being deleted, shared with a resource that stays. */
  reason: ResetText;
}

export interface Discovered {
  selected: PlannedResource[];
  passedOver?: PassedOver[];
}

export type DeleteOutcome = { status: 'deleted'; detail?: ResetText } | { status: 'skipped'; reason: ResetText };

/** Deletes one resource; `step` reports progress ("detached 1 policy"). Throws AWS's error when it fails. */
export type Deleter = (resource: PlannedResource, ctx: ResetContext, step: (message: ResetText) => void) => Promise<DeleteOutcome>;

export interface ServiceReset {
  service: string;
  /** 1: on its own; 2: needs what stage 1 found (a function's mappings and log groups). */
  stage: 1 | 2;
  discover(ctx: ResetContext, found: readonly PlannedResource[]): Promise<Discovered>;
  deleters: Partial<Record<ResourceKind, Deleter>>;
}

export const ALREADY_GONE: DeleteOutcome = { status: 'skipped', reason: { key: 'reasons.alreadyDeleted' } };
