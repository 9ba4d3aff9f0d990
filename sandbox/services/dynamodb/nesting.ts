// DynamoDB's document depth limit: an attribute is level 1 and every map or list adds one, up to 32
// levels. Deeper values are refused before anything runs, as AWS does (dynalite has no such check and
// recursing without bound is how a request turns into a 500).

import { nestingTooDeep } from './errors.js';

export const MAX_NESTING_LEVELS = 32;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether an AttributeValue goes deeper than `levels` (counting itself as one); stops as soon as it does. */
function deeperThan(value: Json, levels: number): boolean {
  if (levels <= 0) return true;
  if (!isObject(value)) return false;
  const children = isObject(value.M) ? Object.values(value.M) : Array.isArray(value.L) ? value.L : [];
  return children.some((child) => deeperThan(child, levels - 1));
}

/** Whether any value of an attribute map (an item, a key, ExpressionAttributeValues) is too deep. */
function mapTooDeep(map: Json): boolean {
  return isObject(map) && Object.values(map).some((value) => deeperThan(value, MAX_NESTING_LEVELS));
}

/** The attribute maps an operation's input writes or compares, wherever the operation keeps them. */
function attributeMaps(operation: string, input: Record<string, Json>): Json[] {
  const common = [input.Item, input.Key, input.ExpressionAttributeValues];
  if (operation === 'UpdateItem' && isObject(input.AttributeUpdates)) {
    common.push(Object.fromEntries(Object.entries(input.AttributeUpdates).map(([name, update]) => [name, isObject(update) ? update.Value : undefined])));
  }
  if (operation === 'BatchWriteItem' && isObject(input.RequestItems)) {
    for (const requests of Object.values(input.RequestItems)) {
      if (!Array.isArray(requests)) continue;
      for (const request of requests) {
        if (!isObject(request)) continue;
        if (isObject(request.PutRequest)) common.push(request.PutRequest.Item);
        if (isObject(request.DeleteRequest)) common.push(request.DeleteRequest.Key);
      }
    }
  }
  return common;
}

/** Throws AWS's ValidationException when a value in the request is nested past 32 levels. */
export function checkNesting(operation: string, input: Json): void {
  if (!isObject(input)) return;
  if (attributeMaps(operation, input).some(mapTooDeep)) throw nestingTooDeep();
}
