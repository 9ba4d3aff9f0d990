// What a hop of the trace is: one place of the pipeline where the reading can be seen, found through
// the labs' own locators before the publish, then watched until the reading shows up or time is up.

import type { CheckContext } from '../engine/types.js';
import type { MarkedReading } from './marked-reading.js';
import { inEnglish, type TraceText } from './messages.js';

/** Hops read from this long before the publish: the machine's clock and AWS's may differ a little. */
export const CLOCK_SKEW_MS = 30_000;

export type HopId = 'topic' | 'stream' | 'table' | 'api' | 'lake';

/**
 * `found`: seen, with the time since the publish; `not-found`: not seen within the timeout;
 * `not-built`: the lab that builds this hop is not there yet; `broken`: the lab is there but this hop
 * cannot carry the reading (a missing resource, a disabled rule, an AWS error).
 */
export type HopStatus = 'found' | 'not-found' | 'not-built' | 'broken';

/** A check context (the labs' locators take one) plus the device being traced. */
export interface TraceContext extends CheckContext {
  device: string;
  topic: string;
}

export interface Published {
  reading: MarkedReading;
  payload: string;
  /** When the publish was sent (ms, the trace's clock). */
  at: number;
}

export type WatchResult =
  /** `at`: when it was seen, when that is earlier than the moment the watcher returns. */
  | { seen: true; detail: TraceText; at?: number; evidence?: Record<string, unknown> }
  /** `note`: what the watcher saw instead, for the student. */
  | { seen: false; note?: TraceText };

/** Watches for the reading until it is seen, or until `signal` aborts (time is up): then says what it last saw. */
export type Watcher = (published: Published, signal: AbortSignal) => Promise<WatchResult>;

export type Preparation =
  | {
      state: 'built';
      /** What is watched and how it was found: `stream iotlab-stream (named by rule iotlab_telemetry_to_stream)`. */
      where: TraceText;
      watch: Watcher;
      /** How long this hop may take by design (a Firehose buffer interval), for the default timeout. */
      expectedMs?: number;
      evidence?: Record<string, unknown>;
    }
  | { state: 'not-built' | 'broken'; message: TraceText };

export interface HopKind {
  id: HopId;
  /** In English, as the --json document names the hop; the terminal shows `hops.<id>` of the catalogue. */
  title: string;
  /** The lab that builds this hop. */
  lab: number;
  /** Finds the hop's resources, read-only, before the reading is published. */
  prepare(ctx: TraceContext): Promise<Preparation>;
}

export interface HopOutcome {
  id: HopId;
  title: string;
  lab: number;
  status: HopStatus;
  /** Time from the publish to the first sighting. */
  afterMs?: number;
  where?: string;
  message: string;
  evidence?: Record<string, unknown>;
}

/** A hop's outcome with its words still to be said: shown in the workbook's language as it comes in. */
export interface HopReport extends Omit<HopOutcome, 'where' | 'message'> {
  where?: TraceText;
  message: TraceText;
}

/** The outcome as the --json document carries it: in English whatever the language. */
export function outcomeInEnglish(report: HopReport): HopOutcome {
  // Key by key, so the document keeps its fields in the order they were set.
  const said = (key: string, value: unknown) => (key === 'where' || key === 'message') && value !== undefined ? inEnglish(value as TraceText) : value;
  return Object.fromEntries(Object.entries(report).map(([key, value]) => [key, said(key, value)])) as unknown as HopOutcome;
}
