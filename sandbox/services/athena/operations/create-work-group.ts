// CreateWorkGroup: a workgroup with AWS's defaults (enforced configuration, CloudWatch metrics on) under
// what was given. `primary` exists already and cannot be created.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { primaryNotCreatable, tooManyTags, workGroupExists } from '../errors.js';
import { PRIMARY, workGroups, type Tag, type WorkGroupConfiguration } from '../store.js';
import { tagList, workGroupConfiguration, workGroupName } from '../shapes.js';
import { findWorkGroup, newConfiguration } from '../workgroups.js';
import { MAX_TAGS } from './tag-resource.js';

const input = struct({
  Name: workGroupName(true),
  Configuration: workGroupConfiguration,
  Description: str({ min: 0, max: 1024 }),
  Tags: tagList(),
});

export const createWorkGroup = defineOperation<{ Name: string; Configuration?: WorkGroupConfiguration; Description?: string; Tags?: Tag[] }>({
  name: 'CreateWorkGroup',
  input,
  handler(input, ctx) {
    if (input.Name === PRIMARY) throw primaryNotCreatable();
    if (findWorkGroup(ctx.sandbox, ctx, input.Name)) throw workGroupExists();
    const tags = input.Tags ?? [];
    if (tags.length > MAX_TAGS) throw tooManyTags();
    workGroups(ctx.sandbox, ctx).set(input.Name, {
      name: input.Name,
      state: 'ENABLED',
      description: input.Description,
      creationTime: ctx.clock.now(),
      configuration: newConfiguration(input.Configuration),
      tags: tags.map((t) => ({ Key: t.Key, Value: t.Value ?? '' })),
    });
    return {};
  },
});
