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
import { outcomeInEnglish, type HopId, type HopKind, type HopOutcome, type HopReport, type Preparation, type Published, type TraceContext } from './hop.js';
import { lakeHop } from './lake-hop.js';
import { markedReading, type MarkedReading } from './marked-reading.js';
import { streamHop } from './stream-hop.js';
import { tableHop } from './table-hop.js';
import { topicHop } from './topic-hop.js';
import { elapsed, sayVerdict, verdict } from './verdict.js';
import { say, text, type TraceText } from './messages.js';

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

/** What the trace tells as it goes, its words still to be said (in the workbook's language). */
export type TraceEvent =
  | { type: 'ready'; device: string; topic: string; clientId: string; timeoutMs: number; watching: { id: HopId; where: TraceText }[]; unwatched: HopReport[] }
  | { type: 'published'; payload: string }
  | { type: 'hop'; outcome: HopReport }
  | { type: 'waiting'; elapsedMs: number; hops: HopId[] }
  | { type: 'verdict'; verdict: TraceText[] };

export interface TraceResult {
  device: string;
  topic: string;
  clientId: string;
  reading: MarkedReading;
  publishedAt: string;
  timeoutMs: number;
  /** In pipeline order: topic, stream, table, api, lake; in English, as a machine format. */
  hops: HopOutcome[];
  /** In English; the terminal shows it in the workbook's language (the `verdict` event). */
  verdict: string;
  /** Every built hop saw the reading. */
  passed: boolean;
}

export async function runTrace(settings: TraceSettings): Promise<TraceResult> {
  const { clients, target, config, clock, signal } = settings;
  const emit = settings.onEvent ?? (() => undefined);
  const credentials = await loadDeviceCredentials(settings.home);
  if (!credentials) {
    throw new EnvironmentError(say(text('run.noCertificate', { dir: deviceDir(settings.home) })), say(text('run.noCertificateHint')));
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
    emit({ type: 'ready', device, topic, clientId, timeoutMs, watching: built.map((b) => ({ id: b.kind.id, where: b.prep.where })), unwatched });

    const reading = markedReading(device, clock.now());
    const payload = JSON.stringify(reading);
    const published: Published = { reading, payload, at: clock.now() };
    await link.publish(payload);
    emit({ type: 'published', payload });

    const timeUp = AbortSignal.any([signal, AbortSignal.timeout(Math.max(0, published.at + timeoutMs - clock.now()))]);
    const waiting = new Set(built.map((b) => b.kind.id));
    const heartbeat = setInterval(() => emit({ type: 'waiting', elapsedMs: clock.now() - published.at, hops: [...waiting] }), HEARTBEAT_MS);
    let watched: HopReport[];
    try {
      watched = await Promise.all(
        built.map(async ({ kind, prep }) => {
          const outcome = await watch(kind, prep, published, timeUp, ctx, timeoutMs);
          waiting.delete(kind.id);
          emit({ type: 'hop', outcome });
          return outcome;
        }),
      );
    } finally {
      clearInterval(heartbeat);
    }
    const hops = kinds.map((kind) => watched.find((o) => o.id === kind.id) ?? unwatched.find((o) => o.id === kind.id)!);
    const lake = built.find((b) => b.kind.id === 'lake');
    const said = verdict(hops, timeoutMs, lake?.prep.expectedMs === undefined ? undefined : lake.prep.expectedMs / 1000);
    emit({ type: 'verdict', verdict: said });
    return {
      device,
      topic,
      clientId,
      reading,
      publishedAt: new Date(published.at).toISOString(),
      timeoutMs,
      hops: hops.map(outcomeInEnglish),
      verdict: sayVerdict(said, 'en'),
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
    return { state: 'broken', message: text('run.cannotLookUp', { error: describeError(err, ctx.target).message }) };
  }
}

async function watch(kind: HopKind, prep: Extract<Preparation, { state: 'built' }>, published: Published, signal: AbortSignal, ctx: TraceContext, timeoutMs: number): Promise<HopReport> {
  const base = { id: kind.id, title: kind.title, lab: kind.lab, where: prep.where };
  try {
    const result = await prep.watch(published, signal);
    if (result.seen) {
      const afterMs = Math.max(0, (result.at ?? ctx.clock.now()) - published.at);
      return { ...base, status: 'found', afterMs, message: text('run.found', { elapsed: elapsed(afterMs), detail: result.detail }), evidence: { ...prep.evidence, ...result.evidence } };
    }
    const why = ctx.signal.aborted ? text('run.interrupted') : text('run.notSeen', { elapsed: elapsed(timeoutMs) });
    return { ...base, status: 'not-found', message: result.note ? text('run.notSeenBecause', { why, note: result.note }) : why, evidence: prep.evidence };
  } catch (err) {
    return { ...base, status: 'broken', message: text('run.cannotWatch', { error: describeError(err, ctx.target).message }), evidence: prep.evidence };
  }
}

function outcomeOf(kind: HopKind, status: 'not-built' | 'broken', message: TraceText): HopReport {
  return { id: kind.id, title: kind.title, lab: kind.lab, status, message };
}
