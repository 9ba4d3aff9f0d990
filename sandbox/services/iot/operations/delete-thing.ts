// DeleteThing: removes a thing (deleting one that does not exist succeeds, as in AWS); an
// expectedVersion that is not the current one is a VersionConflictException.

import { defineOperation } from '../../definition.js';
import { long, struct } from '../../../protocols/shapes.js';
import { ServiceError } from '../../../protocols/errors.js';
import { thingName } from '../shapes.js';
import { tags, thingPrincipals, things } from '../store.js';

export const deleteThing = defineOperation<{ thingName: string; expectedVersion?: number }>({
  name: 'DeleteThing',
  input: struct({ thingName: thingName(), expectedVersion: long() }),
  http: { method: 'DELETE', path: '/things/{thingName}', query: { expectedVersion: 'expectedVersion' } },
  handler(input, ctx) {
    const thing = things(ctx.sandbox, ctx).get(input.thingName);
    if (!thing) return {};
    if (input.expectedVersion !== undefined && input.expectedVersion !== thing.version) {
      throw new ServiceError('VersionConflictException', `The version for thing ${thing.thingName} does not match the expected version.`, 409);
    }
    const principals = thingPrincipals(ctx.sandbox, ctx);
    for (const name of principals.names(`${thing.thingName}\n`)) principals.delete(name);
    things(ctx.sandbox, ctx).delete(thing.thingName);
    tags(ctx.sandbox, ctx).delete(thing.thingArn);
    return {};
  },
});
