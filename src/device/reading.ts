// The readings a simulated device sends, in the workshop's message schema:
// {"DEVICE_NAME": "...", "TIMESTAMP": "yyyy-mm-ddThh:MM:SS" (UTC), "HUMIDITY": int, "TEMPERATURE": int}.

import { td } from './messages.js';

export interface Reading {
  DEVICE_NAME: string;
  TIMESTAMP: string;
  HUMIDITY: number;
  TEMPERATURE: number;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** UTC, to the second, without zone designator: the format the table's sort key and the labs use. */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/** A bounded random walk: each reading moves a little from the last, as a real sensor's would. */
export class RandomWalk {
  private value: number;
  constructor(
    private readonly min: number,
    private readonly max: number,
    private readonly step: number,
    private readonly random: () => number = Math.random,
  ) {
    this.value = min + (max - min) * (0.3 + 0.4 * random());
  }
  next(): number {
    this.value = Math.min(this.max, Math.max(this.min, this.value + (this.random() * 2 - 1) * this.step));
    return Math.round(this.value);
  }
}

export class ReadingSource {
  private readonly humidity: RandomWalk;
  private readonly temperature: RandomWalk;
  constructor(
    readonly device: string,
    random: () => number = Math.random,
  ) {
    this.humidity = new RandomWalk(20, 90, 3, random);
    this.temperature = new RandomWalk(10, 35, 1, random);
  }
  next(now: number): Reading {
    return { DEVICE_NAME: this.device, TIMESTAMP: formatTimestamp(now), HUMIDITY: this.humidity.next(), TEMPERATURE: this.temperature.next() };
  }
}

/** Undefined when `value` is a reading of the schema, otherwise what is wrong with it. */
export function readingProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return td('reading.notObject');
  const r = value as Record<string, unknown>;
  if (typeof r.DEVICE_NAME !== 'string' || r.DEVICE_NAME === '') return td('reading.noDeviceName');
  if (typeof r.TIMESTAMP !== 'string' || !TIMESTAMP.test(r.TIMESTAMP)) return td('reading.noTimestamp');
  for (const field of ['HUMIDITY', 'TEMPERATURE']) {
    if (!Number.isInteger(r[field])) return td('reading.noInteger', { field });
  }
  return undefined;
}
