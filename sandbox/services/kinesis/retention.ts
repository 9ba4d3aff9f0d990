// Retention bounds both retention operations check before looking at the stream.

import { retentionTooLong, retentionTooShort } from './errors.js';
import type { StreamTarget } from './shapes.js';

export const MIN_RETENTION_HOURS = 24;
export const MAX_RETENTION_HOURS = 8760;

export interface RetentionInput extends StreamTarget {
  RetentionPeriodHours: number;
}

export function checkRetention(hours: number): void {
  if (hours < MIN_RETENTION_HOURS) throw retentionTooShort(hours);
  if (hours > MAX_RETENTION_HOURS) throw retentionTooLong(hours);
}
