// AttachThingPrincipal: links a certificate to a thing (its name then becomes the policy variable
// iot:Connection.Thing.ThingName for a device connecting with that client id).

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { requirePrincipal } from '../certificates.js';
import { thingName } from '../shapes.js';
import { thingPrincipalKey, thingPrincipals } from '../store.js';
import { requireThing } from '../things.js';

export const attachThingPrincipal = defineOperation<{ thingName: string; principal: string }>({
  name: 'AttachThingPrincipal',
  input: struct({ thingName: thingName(), principal: str({ required: true }), thingPrincipalType: str({ enum: ['EXCLUSIVE_THING', 'NON_EXCLUSIVE_THING'] }) }),
  http: { method: 'PUT', path: '/things/{thingName}/principals', headers: { principal: 'x-amzn-principal' }, query: { thingPrincipalType: 'thingPrincipalType' } },
  handler(input, ctx) {
    const thing = requireThing(ctx, input.thingName);
    requirePrincipal(ctx, input.principal);
    thingPrincipals(ctx.sandbox, ctx).set(thingPrincipalKey(thing.thingName, input.principal), { thingName: thing.thingName, principal: input.principal });
    return {};
  },
});
