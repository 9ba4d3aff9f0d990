// Every call the sandbox answered: service, operation, whether it changes state, status. Tests use it
// to prove a checker never mutates; `lab sandbox status` shows counts and the calls we lack.

export interface LoggedCall {
  time: number;
  service: string;
  operation: string;
  accountId: string;
  region: string;
  status: number;
  readOnly: boolean;
  implemented: boolean;
}

const KEEP = 10_000;

export class RequestLog {
  private readonly recent: LoggedCall[] = [];
  private readonly counts = new Map<string, number>();
  private readonly missing = new Map<string, number>();

  record(call: LoggedCall): void {
    this.recent.push(call);
    if (this.recent.length > KEEP) this.recent.splice(0, this.recent.length - KEEP);
    const key = `${call.service}.${call.operation}`;
    if (call.implemented) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    else this.missing.set(key, (this.missing.get(key) ?? 0) + 1);
  }

  /** Calls recorded since `since` (ms), newest last. */
  calls(since = 0): LoggedCall[] {
    return this.recent.filter((c) => c.time >= since);
  }

  summary(): { calls: Record<string, number>; unimplemented: Record<string, number> } {
    return { calls: Object.fromEntries(this.counts), unimplemented: Object.fromEntries(this.missing) };
  }
}
