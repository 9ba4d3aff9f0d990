// ListEventSourceMappings: the region's mappings, optionally of one event source and/or one function,
// paged by Marker and MaxItems (default 100).

import { defineOperation } from '../../definition.js';
import { int, str, struct } from '../../../protocols/shapes.js';
import { functionArn, parseFunctionName } from '../configuration.js';
import { invalidParameter } from '../errors.js';
import { namespacedFunctionName } from '../shapes.js';
import { mappingConfiguration, mappingState } from '../event-source/configuration.js';
import { eventSourceArn } from '../event-source/shapes.js';
import { mappings } from '../event-source/store.js';

const input = struct({
  EventSourceArn: eventSourceArn(),
  FunctionName: { ...namespacedFunctionName(), required: false },
  Marker: str(),
  MaxItems: int({ min: 1, max: 10000 }),
});

interface Input {
  EventSourceArn?: string;
  FunctionName?: string;
  Marker?: string;
  MaxItems?: number;
}

const DEFAULT_PAGE = 100;

/** Markers are opaque to clients: the UUID the next page starts at, base64-encoded. */
const encodeMarker = (uuid: string) => Buffer.from(uuid).toString('base64');
const decodeMarker = (marker: string) => Buffer.from(marker, 'base64').toString('utf8');

export const listEventSourceMappings = defineOperation<Input>({
  name: 'ListEventSourceMappings',
  input,
  http: {
    method: 'GET',
    path: '/2015-03-31/event-source-mappings',
    query: { EventSourceArn: 'EventSourceArn', FunctionName: 'FunctionName', Marker: 'Marker', MaxItems: 'MaxItems' },
  },
  handler(input, ctx) {
    const now = ctx.clock.now();
    const wantedFunction = input.FunctionName !== undefined ? functionArn(ctx, parseFunctionName(input.FunctionName).name) : undefined;
    const all = mappings(ctx.sandbox, ctx)
      .values()
      .filter((m) => mappingState(ctx.sandbox, m, now) !== 'Deleted')
      .filter((m) => input.EventSourceArn === undefined || m.EventSourceArn === input.EventSourceArn)
      .filter((m) => wantedFunction === undefined || m.FunctionArn === wantedFunction)
      .sort((a, b) => (a.UUID < b.UUID ? -1 : a.UUID > b.UUID ? 1 : 0));
    let start = 0;
    if (input.Marker !== undefined) {
      const from = decodeMarker(input.Marker);
      if (!from) throw invalidParameter('Invalid marker token');
      start = all.findIndex((m) => m.UUID >= from);
      if (start < 0) start = all.length;
    }
    const size = input.MaxItems ?? DEFAULT_PAGE;
    const next = all[start + size];
    return {
      EventSourceMappings: all.slice(start, start + size).map((m) => mappingConfiguration(ctx.sandbox, ctx, m, now)),
      NextMarker: next ? encodeMarker(next.UUID) : undefined,
    };
  },
});
