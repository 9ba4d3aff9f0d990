// ListFunctions: the region's functions in name order, paged by Marker and MaxItems (default 50).

import { defineOperation } from '../../definition.js';
import { int, str, struct } from '../../../protocols/shapes.js';
import { configuration } from '../configuration.js';
import { invalidParameter } from '../errors.js';
import { functions } from '../store.js';

const input = struct({
  MasterRegion: str({ pattern: 'ALL|[a-z]{2}(-gov)?-[a-z]+-\\d{1}' }),
  FunctionVersion: str({ enum: ['ALL'] }),
  Marker: str(),
  MaxItems: int({ min: 1, max: 10000 }),
});

const DEFAULT_PAGE = 50;

/** Markers are opaque to clients: the name the next page starts at, base64-encoded. */
const encodeMarker = (name: string) => Buffer.from(name).toString('base64');
const decodeMarker = (marker: string) => Buffer.from(marker, 'base64').toString('utf8');

export const listFunctions = defineOperation<{ Marker?: string; MaxItems?: number }>({
  name: 'ListFunctions',
  input,
  http: { method: 'GET', path: '/2015-03-31/functions', query: { MasterRegion: 'MasterRegion', FunctionVersion: 'FunctionVersion', Marker: 'Marker', MaxItems: 'MaxItems' } },
  handler(input, ctx) {
    const all = functions(ctx.sandbox, ctx)
      .values()
      .sort((a, b) => (a.FunctionName < b.FunctionName ? -1 : a.FunctionName > b.FunctionName ? 1 : 0));
    let start = 0;
    if (input.Marker !== undefined) {
      const from = decodeMarker(input.Marker);
      if (!from) throw invalidParameter('Invalid marker token');
      // The function the marker names may have been deleted since: start at the next name.
      start = all.findIndex((fn) => fn.FunctionName >= from);
      if (start < 0) start = all.length;
    }
    const size = input.MaxItems ?? DEFAULT_PAGE;
    const page = all.slice(start, start + size);
    const next = all[start + size];
    const now = ctx.clock.now();
    return { Functions: page.map((fn) => configuration(ctx.sandbox, fn, now)), NextMarker: next ? encodeMarker(next.FunctionName) : undefined };
  },
});
