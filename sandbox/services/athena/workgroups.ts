// Workgroups: `primary` always exists (made on first use in each account and region, and never deleted);
// others are created with AWS's defaults. A workgroup's result configuration wins over the query's when it
// is enforced; otherwise the query's does, falling back to the workgroup's.

import type { Principal } from '../../edge/context.js';
import { arn } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { workGroupDisabled, workGroupNotFound } from './errors.js';
import { ENGINE_VERSION, PRIMARY, workGroups, type ResultConfiguration, type WorkGroupConfiguration, type WorkGroupRecord } from './store.js';

export function workGroupArn(owner: Pick<Principal, 'accountId' | 'region'>, name: string): string {
  return arn('athena', owner, `workgroup/${name}`);
}

/** The workgroup, or undefined; `primary` is created here the first time it is asked for. */
export function findWorkGroup(sandbox: Sandbox, owner: Principal, name: string): WorkGroupRecord | undefined {
  const table = workGroups(sandbox, owner);
  const found = table.get(name);
  if (found || name !== PRIMARY) return found;
  const primary: WorkGroupRecord = {
    name: PRIMARY,
    state: 'ENABLED',
    creationTime: owner.clock.now(),
    configuration: { EnforceWorkGroupConfiguration: false, PublishCloudWatchMetricsEnabled: false, RequesterPaysEnabled: false, EngineVersion: { ...ENGINE_VERSION } },
    tags: [],
  };
  table.set(PRIMARY, primary);
  return primary;
}

export function requireWorkGroup(sandbox: Sandbox, owner: Principal, name: string, notFound: (name: string) => Error = workGroupNotFound): WorkGroupRecord {
  const found = findWorkGroup(sandbox, owner, name);
  if (!found) throw notFound(name);
  return found;
}

/** A workgroup queries may run in. */
export function enabledWorkGroup(sandbox: Sandbox, owner: Principal, name: string, notFound: (name: string) => Error): WorkGroupRecord {
  const wg = requireWorkGroup(sandbox, owner, name, notFound);
  if (wg.state === 'DISABLED') throw workGroupDisabled(name);
  return wg;
}

/** A new workgroup's configuration: AWS's defaults under what was given. */
export function newConfiguration(given: WorkGroupConfiguration | undefined): WorkGroupConfiguration {
  const selected = given?.EngineVersion?.SelectedEngineVersion ?? 'AUTO';
  return {
    EnforceWorkGroupConfiguration: true,
    PublishCloudWatchMetricsEnabled: true,
    RequesterPaysEnabled: false,
    ...given,
    EngineVersion: { SelectedEngineVersion: selected, EffectiveEngineVersion: ENGINE_VERSION.EffectiveEngineVersion },
  };
}

/** The result configuration a query runs with. */
export function effectiveResultConfiguration(wg: WorkGroupRecord, given: ResultConfiguration | undefined): ResultConfiguration {
  const own = wg.configuration.ResultConfiguration ?? {};
  if (wg.configuration.EnforceWorkGroupConfiguration && own.OutputLocation) return { ...own };
  return { ...own, ...given, OutputLocation: given?.OutputLocation ?? own.OutputLocation };
}

/** GetWorkGroup's WorkGroup. */
export function workGroupView(wg: WorkGroupRecord) {
  return {
    Name: wg.name,
    State: wg.state,
    Configuration: wg.configuration,
    Description: wg.description,
    CreationTime: new Date(wg.creationTime),
  };
}

/** ListWorkGroups' WorkGroupSummary. */
export function workGroupSummary(wg: WorkGroupRecord) {
  return {
    Name: wg.name,
    State: wg.state,
    Description: wg.description ?? '',
    CreationTime: new Date(wg.creationTime),
    EngineVersion: wg.configuration.EngineVersion ?? ENGINE_VERSION,
  };
}
