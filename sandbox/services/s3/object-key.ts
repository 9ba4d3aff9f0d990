// Object key limits S3 enforces on writes.

import { keyTooLong } from './errors.js';

export const MAX_KEY_BYTES = 1024;

export function checkKey(key: string): void {
  const size = Buffer.byteLength(key);
  if (size > MAX_KEY_BYTES) throw keyTooLong(size);
}
