// CreateThing: a thing with attributes; creating the same thing again with the same attributes is a no-op.

import { randomUUID } from 'node:crypto';
import { defineOperation } from '../../definition.js';
import { map, str, struct } from '../../../protocols/shapes.js';
import { thingExists } from '../errors.js';
import { iotArn, thingName } from '../shapes.js';
import { things } from '../store.js';

const input = struct({
  thingName: thingName(),
  thingTypeName: str({ min: 1, max: 128, pattern: '[a-zA-Z0-9:_-]+' }),
  attributePayload: struct({ attributes: map(str({ max: 128 }), str({ max: 800 })) }),
  billingGroupName: str({ min: 1, max: 128, pattern: '[a-zA-Z0-9:_-]+' }),
});

interface Input {
  thingName: string;
  thingTypeName?: string;
  attributePayload?: { attributes?: Record<string, string> };
}

export const createThing = defineOperation<Input>({
  name: 'CreateThing',
  input,
  http: { method: 'POST', path: '/things/{thingName}' },
  handler(input, ctx) {
    const table = things(ctx.sandbox, ctx);
    const attributes = input.attributePayload?.attributes ?? {};
    const existing = table.get(input.thingName);
    if (existing) {
      const same = existing.thingTypeName === input.thingTypeName && JSON.stringify(existing.attributes) === JSON.stringify(attributes);
      if (!same) throw thingExists(existing.thingName, existing.thingArn, existing.thingId);
      return { thingName: existing.thingName, thingArn: existing.thingArn, thingId: existing.thingId };
    }
    const thing = {
      thingName: input.thingName,
      thingId: randomUUID(),
      thingArn: iotArn(ctx, `thing/${input.thingName}`),
      thingTypeName: input.thingTypeName,
      attributes,
      version: 1,
      createdAt: ctx.clock.now(),
    };
    table.set(thing.thingName, thing);
    return { thingName: thing.thingName, thingArn: thing.thingArn, thingId: thing.thingId };
  },
});
