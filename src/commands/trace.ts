// `lab trace`: publishes one marked reading as the lab 0 device and reports, hop by hop, when it
// became visible: on the MQTT topic, in the Kinesis stream, in DynamoDB, through the API and in S3.
// The publish is its only write. `--json` prints the result as a document on stdout.

import { systemClock, type Clock } from '../engine/clock.js';
import { connect, openSession, type GlobalOptions } from '../session.js';
import { headerLine } from '../target/target.js';
import { stderr, stdout, type Output } from '../output.js';
import type { HopOutcome } from '../trace/hop.js';
import { runTrace, type TraceEvent, type TraceResult } from '../trace/run-trace.js';
import { formatElapsed } from '../trace/verdict.js';
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
    out.line(`Verdict: ${result.verdict}`);
    if (options.json) stdout.line(JSON.stringify(document(result, target), null, 2));
    return { passed: result.passed };
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    clients.destroy();
  }
}

const MARK: Record<HopOutcome['status'], string> = { found: '✔', 'not-found': '✖', 'not-built': '–', broken: '✖' };

function show(event: TraceEvent, out: Output): void {
  switch (event.type) {
    case 'ready':
      out.line(`Tracing one reading of ${event.device} on ${event.topic}, published as client ${event.clientId} (the trace's only write); waiting up to ${formatElapsed(event.timeoutMs)}.`);
      for (const hop of event.watching) out.line(`  watching  ${hop.title}: ${hop.where}`);
      for (const hop of event.unwatched) out.line(`  ${MARK[hop.status]} ${hop.title.padEnd(16)} ${hop.message}`);
      break;
    case 'published':
      out.line(`Published ${event.payload}`);
      break;
    case 'hop':
      out.line(`  ${MARK[event.outcome.status]} ${event.outcome.title.padEnd(16)} ${event.outcome.message}`);
      break;
    case 'waiting':
      out.line(`  … ${formatElapsed(event.elapsedMs)} so far; still waiting for ${event.titles.join(', ')}`);
      break;
  }
}

function document(result: TraceResult, target: object) {
  return { version: TRACE_DOCUMENT_VERSION, target, ...result };
}

