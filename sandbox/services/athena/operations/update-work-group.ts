// UpdateWorkGroup: description, state (ENABLED | DISABLED) and configuration updates, including the
// Remove* switches of ResultConfigurationUpdates. `primary` may be updated too.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { workGroupConfigurationUpdates, workGroupName } from '../shapes.js';
import { ENGINE_VERSION, workGroups, type ResultConfiguration, type WorkGroupConfiguration } from '../store.js';
import { requireWorkGroup } from '../workgroups.js';

const input = struct({
  WorkGroup: workGroupName(true),
  Description: str({ min: 0, max: 1024 }),
  ConfigurationUpdates: workGroupConfigurationUpdates,
  State: str({ enum: ['ENABLED', 'DISABLED'] }),
});

type ResultUpdates = ResultConfiguration & {
  RemoveOutputLocation?: boolean;
  RemoveEncryptionConfiguration?: boolean;
  RemoveExpectedBucketOwner?: boolean;
  RemoveAclConfiguration?: boolean;
};

interface Input {
  WorkGroup: string;
  Description?: string;
  State?: 'ENABLED' | 'DISABLED';
  ConfigurationUpdates?: Record<string, unknown> & { ResultConfigurationUpdates?: ResultUpdates; RemoveBytesScannedCutoffPerQuery?: boolean };
}

export const updateWorkGroup = defineOperation<Input>({
  name: 'UpdateWorkGroup',
  input,
  handler(input, ctx) {
    const wg = requireWorkGroup(ctx.sandbox, ctx, input.WorkGroup);
    const configuration: WorkGroupConfiguration = { ...wg.configuration };
    const updates = input.ConfigurationUpdates;
    if (updates) {
      const { ResultConfigurationUpdates: results, RemoveBytesScannedCutoffPerQuery: removeCutoff, RemoveCustomerContentEncryptionConfiguration: removeCmk, ...rest } = updates;
      for (const [k, v] of Object.entries(rest)) if (v !== undefined) configuration[k] = v;
      if (removeCutoff) delete configuration.BytesScannedCutoffPerQuery;
      if (removeCmk) delete configuration.CustomerContentEncryptionConfiguration;
      if (rest.EngineVersion) configuration.EngineVersion = { ...(rest.EngineVersion as object), EffectiveEngineVersion: ENGINE_VERSION.EffectiveEngineVersion };
      if (results) {
        const current: ResultConfiguration = { ...configuration.ResultConfiguration };
        const { RemoveOutputLocation, RemoveEncryptionConfiguration, RemoveExpectedBucketOwner, RemoveAclConfiguration, ...set } = results;
        Object.assign(current, Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)));
        if (RemoveOutputLocation) delete current.OutputLocation;
        if (RemoveEncryptionConfiguration) delete current.EncryptionConfiguration;
        if (RemoveExpectedBucketOwner) delete current.ExpectedBucketOwner;
        if (RemoveAclConfiguration) delete current.AclConfiguration;
        configuration.ResultConfiguration = current;
      }
    }
    workGroups(ctx.sandbox, ctx).set(wg.name, {
      ...wg,
      description: input.Description ?? wg.description,
      state: input.State ?? wg.state,
      configuration,
    });
    return {};
  },
});
