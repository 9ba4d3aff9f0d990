// ListThingPrincipals: the certificates linked to a thing.

import { defineOperation } from '../../definition.js';
import { int, str, struct } from '../../../protocols/shapes.js';
import { page, thingName } from '../shapes.js';
import { thingPrincipals } from '../store.js';
import { requireThing } from '../things.js';

export const listThingPrincipals = defineOperation<{ thingName: string; nextToken?: string; maxResults?: number }>({
  name: 'ListThingPrincipals',
  input: struct({ thingName: thingName(), nextToken: str(), maxResults: int({ min: 1, max: 250 }) }),
  http: { method: 'GET', path: '/things/{thingName}/principals' },
  handler(input, ctx) {
    const thing = requireThing(ctx, input.thingName);
    const principals = thingPrincipals(ctx.sandbox, ctx)
      .values(`${thing.thingName}\n`)
      .map((tp) => tp.principal);
    const { items, next } = page(principals, input.nextToken, input.maxResults);
    return { principals: items, nextToken: next };
  },
});
