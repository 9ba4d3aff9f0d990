// DescribeThing: a thing's identity, attributes and version; its default client id is its name.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { thingName } from '../shapes.js';
import { requireThing } from '../things.js';

export const describeThing = defineOperation<{ thingName: string }>({
  name: 'DescribeThing',
  input: struct({ thingName: thingName() }),
  http: { method: 'GET', path: '/things/{thingName}' },
  handler(input, ctx) {
    const thing = requireThing(ctx, input.thingName);
    return {
      defaultClientId: thing.thingName,
      thingName: thing.thingName,
      thingId: thing.thingId,
      thingArn: thing.thingArn,
      thingTypeName: thing.thingTypeName,
      attributes: thing.attributes,
      version: thing.version,
    };
  },
});
