// What other parts of the sandbox ask Firehose in-process: the IoT rule action puts records as
// PutRecordBatch does, and tests run the background delivery work at a moment they choose.

import type { Principal } from '../../edge/context.js';

export interface FirehoseApi {
  /** Accepts records into a DirectPut stream exactly as PutRecordBatch does (metrics included); returns their record ids. Throws AWS's ServiceError. */
  putRecords(owner: Principal, streamName: string, records: Buffer[]): string[];
  /** Runs the background work now (read Kinesis sources, deliver every buffer that is due) and waits for the deliveries. */
  runDeliveryCheck(): Promise<void>;
}
