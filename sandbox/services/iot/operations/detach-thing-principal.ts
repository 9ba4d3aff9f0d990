// DetachThingPrincipal: unlinks a certificate from a thing.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { thingName } from '../shapes.js';
import { thingPrincipalKey, thingPrincipals } from '../store.js';
import { requireThing } from '../things.js';

export const detachThingPrincipal = defineOperation<{ thingName: string; principal: string }>({
  name: 'DetachThingPrincipal',
  input: struct({ thingName: thingName(), principal: str({ required: true }) }),
  http: { method: 'DELETE', path: '/things/{thingName}/principals', headers: { principal: 'x-amzn-principal' } },
  handler(input, ctx) {
    const thing = requireThing(ctx, input.thingName);
    thingPrincipals(ctx.sandbox, ctx).delete(thingPrincipalKey(thing.thingName, input.principal));
    return {};
  },
});
