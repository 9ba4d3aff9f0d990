// `lab trace`: publishes one marked reading as the lab 0 device and reports, hop by hop, when it
// became visible: on the MQTT topic, in the Kinesis stream, in DynamoDB, through the API and in S3.
// The publish is its only write. `--json` prints the result as a document on stdout.

import { systemClock, type Clock } from '../engine/clock.js';
import { connect, openSession, type GlobalOptions } from '../session.js';
import { headerLine } from '../target/target.js';
import { padColumns, stderr, stdout, type Output } from '../output.js';
import type { HopOutcome, HopReport } from '../trace/hop.js';
import { runTrace, type TraceEvent, type TraceResult } from '../trace/run-trace.js';
import { elapsed, sayVerdict } from '../trace/verdict.js';
import { say, text } from '../trace/messages.js';
import { positiveNumber } from '../cli/option-values.js';

export interface TraceOptions extends GlobalOptions {
  /** Seconds to wait for the slowest hop. */
  timeout?: string;
  json?: boolean;
}

/** Version of the `--json` document. */
export const TRACE_DOCUMENT_VERSION = 1;

export async function traceCommand(options: TraceOptions, clock: Clock = systemClock): Promise<{ passed: boolean }> {
  const timeoutMs = options.timeout === undefined ? undefined : positiveNumber('--timeout', options.timeout, 'seconds') * 1000;
  const session = await openSession(options);
  const out = options.json ? stderr : stdout;
  const { clients, target } = await connect(session);
  const controller = new AbortController();
  const onInterrupt = () => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onInterrupt);
  try {
    out.line(headerLine(target));
    const result = await runTrace({ clients, target, config: session.config, clock, signal: controller.signal, home: session.home, timeoutMs, onEvent: (e) => show(e, out) });
    if (options.json) stdout.line(JSON.stringify(document(result, target), null, 2));
    return { passed: result.passed };
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    clients.destroy();
  }
}

const MARK: Record<HopOutcome['status'], string> = { found: '✔', 'not-found': '✖', 'not-built': '–', broken: '✖' };

/** The hop's name as the terminal shows it, in the workbook's language. */
const titleOf = (id: HopReport['id']) => say(text(`hops.${id}`));

function show(event: TraceEvent, out: Output): void {
  switch (event.type) {
    case 'ready':
      out.line(say(text('show.ready', { device: event.device, topic: event.topic, clientId: event.clientId, timeout: elapsed(event.timeoutMs) })));
      for (const hop of event.watching) out.line(`  ${say(text('show.watching', { title: text(`hops.${hop.id}`), where: hop.where }))}`);
      for (const hop of event.unwatched) out.line(`  ${MARK[hop.status]} ${padColumns(titleOf(hop.id), 16)} ${say(hop.message)}`);
      break;
    case 'published':
      out.line(say(text('show.published', { payload: event.payload })));
      break;
    case 'hop':
      out.line(`  ${MARK[event.outcome.status]} ${padColumns(titleOf(event.outcome.id), 16)} ${say(event.outcome.message)}`);
      break;
    case 'waiting':
      out.line(`  ${say(text('show.waiting', { elapsed: elapsed(event.elapsedMs), titles: event.hops.map((id) => text(`hops.${id}`)) }))}`);
      break;
    case 'verdict':
      out.line(say(text('show.verdict', { verdict: sayVerdict(event.verdict) })));
      break;
  }
}

function document(result: TraceResult, target: object) {
  return { version: TRACE_DOCUMENT_VERSION, target, ...result };
}

