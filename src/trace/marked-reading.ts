// The one reading `lab trace` publishes: the device's own schema plus a `TRACE` id, so every hop can
// tell it from the device's other readings. Both reference ingest functions and lab 0's check pick
// the schema's fields and ignore others, so the extra field travels through the pipeline unharmed.

import { randomBytes } from 'node:crypto';
import { formatTimestamp, type Reading } from '../device/reading.js';

export interface MarkedReading extends Reading {
  TRACE: string;
}

/**
 * A reading of `device` stamped with the second before `now`. A running `lab device` has already
 * published its reading of that second, so in the table (keyed by device and second) the traced
 * reading lands after it instead of being replaced by it a moment later.
 */
export function markedReading(device: string, now: number, random: () => number = Math.random): MarkedReading {
  return {
    DEVICE_NAME: device,
    TIMESTAMP: formatTimestamp(now - 1000),
    HUMIDITY: 30 + Math.floor(random() * 40),
    TEMPERATURE: 15 + Math.floor(random() * 15),
    TRACE: randomBytes(6).toString('hex'),
  };
}

/**
 * The traced reading, seen where it went: by its TRACE id, or, where a rule's SQL kept only the
 * schema's fields, by all four of them.
 */
export function isTraced(value: unknown, reading: MarkedReading): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  if (v.TRACE !== undefined) return v.TRACE === reading.TRACE;
  return v.DEVICE_NAME === reading.DEVICE_NAME && v.TIMESTAMP === reading.TIMESTAMP && v.HUMIDITY === reading.HUMIDITY && v.TEMPERATURE === reading.TEMPERATURE;
}

/** Parses a message or record body; undefined when it is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
