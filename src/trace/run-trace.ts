// Runs one trace: finds every hop through the labs' own locators, publishes one marked reading as the
// lab 0 device, watches all built hops at once, and reports when each saw it. The publish is the only
// write; every other call is a read.

import { describeError, EnvironmentError } from '../errors.js';
import type { Clock } from '../engine/clock.js';
import type { LabConfig } from '../config.js';
import { deviceDir, loadDeviceCredentials } from '../device/credentials.js';
import { resourceNames, telemetryTopic } from '../labs/resource-names.js';
import type { ClientFactory } from '../target/clients.js';
import type { TargetInfo } from '../target/target.js';
import { apiHop } from './api-hop.js';
import { openDeviceLink } from './device-link.js';
import type { HopKind, HopOutcome, Preparation, Published, TraceContext } from './hop.js';
import { lakeHop } from './lake-hop.js';
import { markedReading, type MarkedReading } from './marked-reading.js';
import { streamHop } from './stream-hop.js';
import { tableHop } from './table-hop.js';
import { topicHop } from './topic-hop.js';
import { formatElapsed, verdict } from './verdict.js';

/** Without Firehose to wait for, the stream path answers in seconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** With it: its buffer interval and this much more. */
export const BUFFER_MARGIN_MS = 60_000;
const HEARTBEAT_MS = 15_000;

export interface TraceSettings {
  clients: ClientFactory;
  target: TargetInfo;
  config: LabConfig;
  clock: Clock;
  signal: AbortSignal;
  /** The lab home holding the device's certificate. */
  home: string;
  /** Undefined: the default (the Firehose buffer interval + 60 s, or 30 s without lab 2). */
  timeoutMs?: number;
  onEvent?(event: TraceEvent): void;
}

export type TraceEvent =
  | { type: 'ready'; device: string; topic: string; clientId: string; timeoutMs: number; watching: { title: string; where: string }[]; unwatched: HopOutcome[] }
  | { type: 'published'; payload: string }
  | { type: 'hop'; outcome: HopOutcome }
  | { type: 'waiting'; elapsedMs: number; titles: string[] };

export interface TraceResult {
  device: string;
  topic: string;
  clientId: string;
  reading: MarkedReading;
  publishedAt: string;
  timeoutMs: number;
  /** In pipeline order: topic, stream, table, api, lake. */
  hops: HopOutcome[];
  verdict: string;
  /** Every built hop saw the reading. */
  passed: boolean;
}

export async function runTrace(settings: TraceSettings): Promise<TraceResult> {
  const { clients, target, config, clock, signal } = settings;
  const emit = settings.onEvent ?? (() => undefined);
  const credentials = await loadDeviceCredentials(settings.home);
  if (!credentials) {
    throw new EnvironmentError(`No device certificate in ${deviceDir(settings.home)}, so there is no device to publish as.`, 'Do lab 0 (save the certificate and private key there), or deploy its reference with `lab solve 0`.');
  }
  const device = credentials.identity?.thingName ?? resourceNames(config.prefix).thing;
  const topic = telemetryTopic(config.prefix, device);
  // The lab 0 policy lets `<prefix>-*` clients connect; the running `lab device` uses the thing's own name.
  const clientId = `${device}-trace`;
  const ctx: TraceContext = { clients, target, config, clock, signal, lab: { number: -1, slug: 'trace' }, device, topic };

  const link = await openDeviceLink({ clients, credentials, clientId, topic, now: () => clock.now(), signal });
  try {
    const kinds: HopKind[] = [topicHop(link), streamHop, tableHop, apiHop, lakeHop];
    const prepared = await Promise.all(kinds.map((kind) => prepare(kind, ctx)));
    const built = prepared.flatMap((p, i) => (p.state === 'built' ? [{ kind: kinds[i]!, prep: p }] : []));
    const expected = built.map((b) => b.prep.expectedMs).filter((ms): ms is number => ms !== undefined);
    const timeoutMs = settings.timeoutMs ?? (expected.length > 0 ? Math.max(...expected) + BUFFER_MARGIN_MS : DEFAULT_TIMEOUT_MS);
    const unwatched = prepared.flatMap((p, i) => (p.state === 'built' ? [] : [outcomeOf(kinds[i]!, p.state, p.message)]));
    emit({ type: 'ready', device, topic, clientId, timeoutMs, watching: built.map((b) => ({ title: b.kind.title, where: b.prep.where })), unwatched });

    const reading = markedReading(device, clock.now());
    const payload = JSON.stringify(reading);
    const published: Published = { reading, payload, at: clock.now() };
    await link.publish(payload);
    emit({ type: 'published', payload });

    const timeUp = AbortSignal.any([signal, AbortSignal.timeout(Math.max(0, published.at + timeoutMs - clock.now()))]);
    const waiting = new Set(built.map((b) => b.kind.title));
    const heartbeat = setInterval(() => emit({ type: 'waiting', elapsedMs: clock.now() - published.at, titles: [...waiting] }), HEARTBEAT_MS);
    let watched: HopOutcome[];
    try {
      watched = await Promise.all(
        built.map(async ({ kind, prep }) => {
          const outcome = await watch(kind, prep, published, timeUp, ctx, timeoutMs);
          waiting.delete(kind.title);
          emit({ type: 'hop', outcome });
          return outcome;
        }),
      );
    } finally {
      clearInterval(heartbeat);
    }
    const hops = kinds.map((kind) => watched.find((o) => o.id === kind.id) ?? unwatched.find((o) => o.id === kind.id)!);
    const lake = built.find((b) => b.kind.id === 'lake');
    return {
      device,
      topic,
      clientId,
      reading,
      publishedAt: new Date(published.at).toISOString(),
      timeoutMs,
      hops,
      verdict: verdict(hops, timeoutMs, lake?.prep.expectedMs === undefined ? undefined : lake.prep.expectedMs / 1000),
      passed: hops.every((h) => h.status === 'found' || h.status === 'not-built'),
    };
  } finally {
    await link.close();
  }
}

async function prepare(kind: HopKind, ctx: TraceContext): Promise<Preparation> {
  try {
    return await kind.prepare(ctx);
  } catch (err) {
    return { state: 'broken', message: `could not look it up: ${describeError(err, ctx.target).message}` };
  }
}

async function watch(kind: HopKind, prep: Extract<Preparation, { state: 'built' }>, published: Published, signal: AbortSignal, ctx: TraceContext, timeoutMs: number): Promise<HopOutcome> {
  const base = { id: kind.id, title: kind.title, lab: kind.lab, where: prep.where };
  try {
    const result = await prep.watch(published, signal);
    if (result.seen) {
      const afterMs = Math.max(0, (result.at ?? ctx.clock.now()) - published.at);
      return { ...base, status: 'found', afterMs, message: `found after ${formatElapsed(afterMs)}: ${result.detail}`, evidence: { ...prep.evidence, ...result.evidence } };
    }
    const why = ctx.signal.aborted ? 'interrupted' : `not seen within ${formatElapsed(timeoutMs)}`;
    return { ...base, status: 'not-found', message: result.note ? `${why}: ${result.note}` : why, evidence: prep.evidence };
  } catch (err) {
    return { ...base, status: 'broken', message: `could not watch it: ${describeError(err, ctx.target).message}`, evidence: prep.evidence };
  }
}

function outcomeOf(kind: HopKind, status: 'not-built' | 'broken', message: string): HopOutcome {
  return { id: kind.id, title: kind.title, lab: kind.lab, status, message };
}
