// The device loop: one reading per tick on the device's topic (QoS 1, so each publish is acknowledged
// by the broker), every Nth one malformed when asked, until the count is reached or it is stopped.

import type { MqttClient } from 'mqtt';
import { malformedPayload } from './malformed.js';
import { ReadingSource } from './reading.js';

export interface PublishEvent {
  /** 1-based. */
  index: number;
  topic: string;
  payload: string;
  malformed: boolean;
}

export interface DeviceRunOptions {
  client: MqttClient;
  device: string;
  topic: string;
  intervalMs: number;
  /** Stop after this many messages; forever when undefined. */
  count?: number;
  /** Every Nth message is malformed; none when undefined. */
  malformedEvery?: number;
  signal: AbortSignal;
  now?: () => number;
  onPublish?(event: PublishEvent): void;
}

export interface DeviceRunSummary {
  published: number;
  malformed: number;
}

export async function runDevice(options: DeviceRunOptions): Promise<DeviceRunSummary> {
  const now = options.now ?? Date.now;
  const source = new ReadingSource(options.device);
  const start = now();
  let malformed = 0;
  let index = 0;
  while (!options.signal.aborted && (options.count === undefined || index < options.count)) {
    index++;
    // Timestamps follow the schedule, not the moment the timer fired: at one message a second or
    // slower, two readings never share a second (the table's sort key).
    const scheduled = start + (index - 1) * options.intervalMs;
    await sleepUntil(scheduled, now, options.signal);
    if (options.signal.aborted) {
      index--;
      break;
    }
    const reading = source.next(scheduled);
    const bad = options.malformedEvery !== undefined && index % options.malformedEvery === 0;
    const payload = bad ? malformedPayload(reading, malformed) : JSON.stringify(reading);
    if (bad) malformed++;
    await options.client.publishAsync(options.topic, payload, { qos: 1 });
    options.onPublish?.({ index, topic: options.topic, payload, malformed: bad });
  }
  return { published: index, malformed };
}

function sleepUntil(at: number, now: () => number, signal: AbortSignal): Promise<void> {
  const ms = at - now();
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
