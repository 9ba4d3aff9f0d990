// Stage names and the stage record a CreateStage or a CreateDeployment with `stageName` writes.

import type { RequestContext } from '../../edge/context.js';
import { invalidStageName } from './errors.js';
import { stagesTable, type StageRecord } from './store.js';

export function checkStageName(name: string): void {
  if (!/^[a-zA-Z0-9_]{1,128}$/.test(name)) throw invalidStageName();
}

/** Points a stage at a deployment, creating the stage if it does not exist yet. */
export function putStage(ctx: Pick<RequestContext, 'sandbox' | 'clock'>, apiId: string, stageName: string, settings: Partial<StageRecord> & { deploymentId: string }): StageRecord {
  const table = stagesTable(ctx.sandbox);
  const key = `${apiId}/${stageName}`;
  const existing = table.get(key);
  const now = ctx.clock.now();
  const stage: StageRecord = existing
    ? { ...existing, deploymentId: settings.deploymentId, variables: settings.variables ? { ...existing.variables, ...settings.variables } : existing.variables, lastUpdatedDate: now }
    : {
        apiId,
        stageName,
        deploymentId: settings.deploymentId,
        description: settings.description,
        variables: settings.variables,
        tags: settings.tags ?? {},
        tracingEnabled: settings.tracingEnabled ?? false,
        cacheClusterEnabled: settings.cacheClusterEnabled ?? false,
        cacheClusterSize: settings.cacheClusterSize,
        createdDate: now,
        lastUpdatedDate: now,
      };
  table.set(key, stage);
  return stage;
}
