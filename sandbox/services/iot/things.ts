// Things: lookup with AWS's not-found error, and the wire form DescribeThing and ListThings return.

import type { RequestContext } from '../../edge/context.js';
import { thingNotFound } from './errors.js';
import { things, type ThingRecord } from './store.js';

export function requireThing(ctx: RequestContext, thingName: string): ThingRecord {
  const thing = things(ctx.sandbox, ctx).get(thingName);
  if (!thing) throw thingNotFound(thingName);
  return thing;
}

export const thingAttributes = (thing: ThingRecord) => ({
  thingName: thing.thingName,
  thingTypeName: thing.thingTypeName,
  thingArn: thing.thingArn,
  attributes: thing.attributes,
  version: thing.version,
});
