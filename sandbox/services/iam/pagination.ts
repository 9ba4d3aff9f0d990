// IAM's Marker/MaxItems paging, shared by every List operation: the marker names the first item of the
// next page (opaque to clients), so a page boundary survives items added or removed before it.

const DEFAULT_MAX_ITEMS = 100;

export interface Page<T> {
  items: T[];
  IsTruncated: boolean;
  Marker?: string;
}

/** One page of `items` (already in listing order; `keyOf` must be unique and increase along it). */
export function paginate<T>(items: T[], keyOf: (item: T) => string, marker: string | undefined, maxItems: number | undefined): Page<T> {
  const limit = maxItems ?? DEFAULT_MAX_ITEMS;
  const from = marker === undefined ? undefined : Buffer.from(marker, 'base64url').toString('utf8');
  const start = from === undefined ? 0 : items.findIndex((item) => keyOf(item) >= from);
  const rest = start < 0 ? [] : items.slice(start);
  const page = rest.slice(0, limit);
  const next = rest[limit];
  return next === undefined
    ? { items: page, IsTruncated: false }
    : { items: page, IsTruncated: true, Marker: Buffer.from(keyOf(next), 'utf8').toString('base64url') };
}

/** Items sorted by a string key, as IAM lists them. */
export function sortedBy<T>(items: T[], keyOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}
