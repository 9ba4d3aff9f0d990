// Values of command-line options, checked once for every command: a wrong one is a usage error that says
// what the option takes, never a stack trace or an SDK message.

import { isRegionName } from '../../aws-facts/regions.js';
import { UsageError } from '../errors.js';
import { t } from '../i18n/index.js';

/** A whole number from 1 up to the largest integer JavaScript holds exactly. */
export function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!/^[1-9]\d*$/.test(value)) throw new UsageError(t('usage.wholeNumber', { flag, value }));
  if (!Number.isSafeInteger(n)) throw new UsageError(t('usage.wholeNumberMax', { flag, value, max: Number.MAX_SAFE_INTEGER }));
  return n;
}

/** A number of seconds (fractions allowed, zero allowed), as milliseconds. */
export function seconds(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value)) throw new UsageError(t('usage.seconds', { flag, value }));
  // Node's timers hold at most 2^31-1 ms.
  if (n * 1000 > 2 ** 31 - 1) throw new UsageError(t('usage.secondsMax', { flag, value }));
  return n * 1000;
}

/** A number above zero (fractions allowed), of `unit` when it has one. */
export function positiveNumber(flag: string, value: string, unit?: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || !Number.isFinite(n)) throw new UsageError(unit ? t('usage.positiveOf', { flag, unit, value }) : t('usage.positive', { flag, value }));
  return n;
}

export function regionName(source: string, value: string): string {
  if (!isRegionName(value)) throw new UsageError(t('usage.notRegion', { source, value }));
  return value;
}
