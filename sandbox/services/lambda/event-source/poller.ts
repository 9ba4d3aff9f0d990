// One shard of one mapping, processed in order: read up to BatchSize records from the checkpoint (woken
// by appends, so an idle mapping invokes well under a second after PutRecord), honour the batching
// window, invoke the function, and move the persisted checkpoint past the batch only once it succeeded
// or was given up. A failing batch blocks its shard and is retried with backoff, as in AWS: until
// MaximumRetryAttempts (then skipped), bisected if asked, resumed after the last reported success under
// ReportBatchItemFailures.

import type { Principal } from '../../../edge/context.js';
import type { Sandbox } from '../../../sandbox.js';
import type { KinesisRecordView, ShardPosition } from '../../kinesis/api.js';
import { isServiceError } from '../../../protocols/errors.js';
import { isPolling } from './configuration.js';
import { buildEvent, readItemFailures, type BatchOutcome, type EventContext } from './batch.js';
import { checkpointKey, checkpointsTable, mappings, type Checkpoint, type MappingRecord } from './store.js';
import { functions } from '../store.js';
import { roleReadsStream } from './source.js';
import { cannotAccessStream } from './errors.js';

/** How long an idle shard sleeps when no append wakes it (appends normally wake it at once). */
const IDLE_POLL_MS = 1000;
/** Retry backoff: doubles from the first delay up to the cap. */
const RETRY_FIRST_MS = 100;
const RETRY_CAP_MS = 2000;

export const LAST_RESULT_OK = 'OK';
export const LAST_RESULT_FAILED = 'PROBLEM: Function call failed';

interface Pending {
  records: KinesisRecordView[];
  /** Retries used so far (a bisection does not use one). */
  attempts: number;
}

export class ShardPoller {
  private stopped = false;
  private sleeping: { resolve: () => void; timer: NodeJS.Timeout; untilAppend: boolean } | undefined;
  private readonly unsubscribe: () => void;
  private warned = false;
  readonly done: Promise<void>;

  constructor(
    private readonly sandbox: Sandbox,
    private readonly owner: Principal,
    private readonly uuid: string,
    private readonly streamName: string,
    readonly shardId: string,
  ) {
    let unsubscribe = () => {};
    try {
      unsubscribe = sandbox.api('kinesis').onAppend(owner, streamName, () => this.wakeUp(false));
    } catch {
      // The stream went away: the loop notices on its first read.
    }
    this.unsubscribe = unsubscribe;
    this.done = this.run().catch((err: unknown) => sandbox.warn(`lambda event source ${uuid}/${shardId}: ${(err as Error).stack ?? String(err)}`));
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe();
    this.wakeUp(true);
  }

  get running(): boolean {
    return !this.stopped;
  }

  /** Ends the current sleep: always on stop, on an append only if the sleep waits for one. */
  private wakeUp(force: boolean): void {
    const sleeping = this.sleeping;
    if (!sleeping || (!force && !sleeping.untilAppend)) return;
    this.sleeping = undefined;
    clearTimeout(sleeping.timer);
    sleeping.resolve();
  }

  private sleep(ms: number, untilAppend: boolean): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.sleeping = undefined;
        resolve();
      }, ms);
      this.sleeping = { resolve, timer, untilAppend };
    });
  }

  private mapping(): MappingRecord | undefined {
    const m = mappings(this.sandbox, this.owner).get(this.uuid);
    return m && isPolling(this.sandbox, m, this.owner.clock.now()) ? m : undefined;
  }

  private get checkpointKey(): string {
    return checkpointKey(this.owner, this.uuid, this.shardId);
  }

  private checkpoint(): Checkpoint | undefined {
    return checkpointsTable(this.sandbox).get(this.checkpointKey);
  }

  private saveCheckpoint(value: Checkpoint): void {
    if (!this.stopped) checkpointsTable(this.sandbox).set(this.checkpointKey, value);
  }

  private passed(record: KinesisRecordView): void {
    this.saveCheckpoint({ position: { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: record.sequenceNumber } });
  }

  private read(position: ShardPosition, limit: number) {
    return this.sandbox.api('kinesis').read(this.owner, this.streamName, this.shardId, position, limit);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const mapping = this.mapping();
      const checkpoint = this.checkpoint();
      if (!mapping || !checkpoint || checkpoint.finished) break;
      // The mapping reads the stream as the function's role, on every poll: a permission taken away stops it.
      const refused = this.readRefusal(mapping);
      if (refused) {
        this.setLastResult(`PROBLEM: ${refused}`);
        if (!this.warned) this.sandbox.warn(`lambda event source ${this.uuid}: ${refused}`);
        this.warned = true;
        await this.sleep(IDLE_POLL_MS, false);
        continue;
      }
      let records: KinesisRecordView[];
      try {
        records = await this.nextBatch(mapping, checkpoint.position);
      } catch (err) {
        if (!this.warned) this.sandbox.warn(`lambda event source ${this.uuid}: reading ${this.streamName}/${this.shardId} failed: ${(err as Error).message}`);
        this.warned = true;
        await this.sleep(IDLE_POLL_MS, false);
        continue;
      }
      this.warned = false;
      if (this.stopped) break;
      if (records.length === 0) {
        const shard = this.sandbox.api('kinesis').shards(this.owner, this.streamName).find((s) => s.shardId === this.shardId);
        if (!shard || shard.closed) {
          // Read to the end of a closed shard: its children may start (the manager starts them).
          this.saveCheckpoint({ ...checkpoint, finished: true });
          break;
        }
        await this.sleep(IDLE_POLL_MS, true);
        continue;
      }
      await this.process(records);
    }
    this.stop();
  }

  /** Up to BatchSize records from `position`, waiting out the batching window while the batch is not full. */
  private async nextBatch(mapping: MappingRecord, position: ShardPosition): Promise<KinesisRecordView[]> {
    let { records } = this.read(position, mapping.BatchSize);
    const windowMs = mapping.MaximumBatchingWindowInSeconds * 1000;
    if (records.length === 0 || windowMs === 0 || records.length >= mapping.BatchSize) return records;
    const deadline = performance.now() + windowMs;
    while (!this.stopped && records.length < mapping.BatchSize) {
      const left = deadline - performance.now();
      if (left <= 0) break;
      await this.sleep(left, true);
      ({ records } = this.read(position, mapping.BatchSize));
    }
    return records;
  }

  /** Runs one batch (maybe in several invocations) until every record in it succeeded or was given up. */
  private async process(records: KinesisRecordView[]): Promise<void> {
    const queue: Pending[] = [{ records, attempts: 0 }];
    while (queue.length > 0 && !this.stopped) {
      const mapping = this.mapping();
      if (!mapping) return;
      const current = queue[0];
      const fresh = this.withinMaximumAge(mapping, current.records);
      if (fresh.length === 0) {
        this.passed(current.records.at(-1)!);
        queue.shift();
        continue;
      }
      const { records: sent, outcome } = await this.invoke(mapping, fresh);
      if (this.stopped) return;
      if (outcome.kind === 'ok') {
        this.passed(sent.at(-1)!);
        this.setLastResult(LAST_RESULT_OK);
        // A batch cut to fit the payload limit continues with what was left out.
        const rest = fresh.slice(sent.length);
        if (rest.length > 0) queue[0] = { records: rest, attempts: current.attempts };
        else queue.shift();
        continue;
      }
      let retry: Pending;
      if (outcome.kind === 'partial') {
        this.setLastResult(LAST_RESULT_OK);
        if (outcome.firstFailed > 0) this.passed(sent[outcome.firstFailed - 1]);
        retry = { records: fresh.slice(outcome.firstFailed), attempts: current.attempts + 1 };
      } else {
        this.setLastResult(LAST_RESULT_FAILED);
        if (mapping.BisectBatchOnFunctionError && sent.length > 1) {
          const half = Math.ceil(sent.length / 2);
          queue.splice(0, 1, { records: sent.slice(0, half), attempts: current.attempts }, { records: fresh.slice(half), attempts: current.attempts });
          await this.sleep(RETRY_FIRST_MS, false);
          continue;
        }
        retry = { records: fresh, attempts: current.attempts + 1 };
      }
      if (mapping.MaximumRetryAttempts !== -1 && retry.attempts > mapping.MaximumRetryAttempts) {
        this.giveUp(mapping, retry.records);
        queue.shift();
        continue;
      }
      queue[0] = retry;
      await this.sleep(Math.min(RETRY_CAP_MS, RETRY_FIRST_MS * 2 ** (retry.attempts - 1)), false);
    }
  }

  /** Records older than MaximumRecordAgeInSeconds are given up, as AWS discards them. */
  private withinMaximumAge(mapping: MappingRecord, records: KinesisRecordView[]): KinesisRecordView[] {
    if (mapping.MaximumRecordAgeInSeconds === -1) return records;
    const oldest = this.owner.clock.now() - mapping.MaximumRecordAgeInSeconds * 1000;
    return records.filter((r) => r.approximateArrivalTimestamp >= oldest);
  }

  private giveUp(mapping: MappingRecord, records: KinesisRecordView[]): void {
    this.sandbox.warn(
      `lambda event source ${this.uuid}: skipping ${records.length} record(s) of ${this.shardId} after ${mapping.MaximumRetryAttempts} retries` +
        (mapping.OnFailureDestination ? ` (on-failure destination ${mapping.OnFailureDestination} is not delivered to by this sandbox)` : ''),
    );
    this.passed(records.at(-1)!);
  }

  private async invoke(mapping: MappingRecord, records: KinesisRecordView[]): Promise<{ records: KinesisRecordView[]; outcome: BatchOutcome }> {
    const lambda = this.sandbox.api('lambda');
    const fn = lambda.getFunction(this.owner, mapping.functionName);
    const context: EventContext = { shardId: this.shardId, streamArn: mapping.EventSourceArn, region: this.owner.region, roleArn: fn?.role ?? '' };
    const event = buildEvent(records, context);
    const last = event.records.at(-1)!;
    this.sandbox.apis.cloudwatch?.putMetric(this.owner, {
      namespace: 'AWS/Lambda',
      name: 'IteratorAge',
      dimensions: { FunctionName: mapping.functionName },
      value: Math.max(0, this.owner.clock.now() - last.approximateArrivalTimestamp),
      unit: 'Milliseconds',
    });
    try {
      const response = await lambda.invoke(this.owner, mapping.functionName, event.payload, { invocationType: 'RequestResponse' });
      if (response.functionError) return { records: event.records, outcome: { kind: 'failed', reason: response.payload.toString('utf8') } };
      if (!mapping.FunctionResponseTypes.includes('ReportBatchItemFailures')) return { records: event.records, outcome: { kind: 'ok' } };
      return { records: event.records, outcome: readItemFailures(response.payload, event.records) };
    } catch (err) {
      // Lambda refused the call (no such function, not Active yet): the batch waits, as a failure.
      if (!isServiceError(err)) throw err;
      return { records: event.records, outcome: { kind: 'failed', reason: err.message } };
    }
  }

  /** Why the function's execution role may not read the stream now, or undefined when it may. */
  private readRefusal(mapping: MappingRecord): string | undefined {
    const fn = functions(this.sandbox, this.owner).get(mapping.functionName);
    if (!fn || roleReadsStream(this.sandbox, fn.Role, mapping.EventSourceArn)) return undefined;
    return cannotAccessStream(mapping.EventSourceArn).message;
  }

  private setLastResult(result: string): void {
    if (this.stopped) return;
    const table = mappings(this.sandbox, this.owner);
    const current = table.get(this.uuid);
    if (current && current.LastProcessingResult !== result) table.set(this.uuid, { ...current, LastProcessingResult: result });
  }
}
