// ListThings: things of the account and region, optionally those with one attribute value or type.

import { defineOperation } from '../../definition.js';
import { bool, int, str, struct } from '../../../protocols/shapes.js';
import { page } from '../shapes.js';
import { things } from '../store.js';
import { thingAttributes } from '../things.js';

const input = struct({
  nextToken: str(),
  maxResults: int({ min: 1, max: 250 }),
  attributeName: str({ max: 128 }),
  attributeValue: str({ max: 800 }),
  thingTypeName: str({ min: 1, max: 128 }),
  usePrefixAttributeValue: bool(),
});

interface Input {
  nextToken?: string;
  maxResults?: number;
  attributeName?: string;
  attributeValue?: string;
  thingTypeName?: string;
  usePrefixAttributeValue?: boolean;
}

export const listThings = defineOperation<Input>({
  name: 'ListThings',
  input,
  http: { method: 'GET', path: '/things' },
  handler(input, ctx) {
    const matches = things(ctx.sandbox, ctx)
      .values()
      .filter((t) => input.thingTypeName === undefined || t.thingTypeName === input.thingTypeName)
      .filter((t) => {
        if (input.attributeName === undefined) return true;
        const value = t.attributes[input.attributeName];
        if (value === undefined) return false;
        if (input.attributeValue === undefined) return true;
        return input.usePrefixAttributeValue ? value.startsWith(input.attributeValue) : value === input.attributeValue;
      })
      .sort((a, b) => a.thingName.localeCompare(b.thingName));
    const { items, next } = page(matches, input.nextToken, input.maxResults);
    return { things: items.map(thingAttributes), nextToken: next };
  },
});
