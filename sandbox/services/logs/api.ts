// What other services write to CloudWatch Logs in-process (Lambda's /aws/lambda/<name> logs).

import type { Principal } from '../../edge/context.js';

export interface LogsApi {
  /** Appends events, creating the group and stream if they do not exist (as Lambda's runtime does). */
  putEvents(owner: Principal, group: string, stream: string, events: { timestamp: number; message: string }[]): void;
}
