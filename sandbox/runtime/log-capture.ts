// What one invocation printed, as log events, kept within a byte budget so a function that prints
// megabytes costs the sandbox a bounded amount of memory (the rest is counted, not kept).

/** Bytes of function output kept per invocation. */
export const LOG_CAPTURE_BYTES = 1024 * 1024;

export class LogCapture {
  readonly events: string[] = [];
  private kept = 0;
  private dropped = 0;

  constructor(private limit = LOG_CAPTURE_BYTES) {}

  raiseLimit(limit: number): void {
    this.limit = Math.max(this.limit, limit);
  }

  add(text: string): void {
    if (text === '') return;
    const room = this.limit - this.kept;
    if (room <= 0) {
      this.dropped += Buffer.byteLength(text);
      return;
    }
    const size = Buffer.byteLength(text);
    if (size <= room) {
      this.events.push(text);
      this.kept += size;
      return;
    }
    const part = Buffer.from(text).subarray(0, room).toString('utf8');
    this.events.push(part);
    this.kept += room;
    this.dropped += size - room;
  }

  /** The events, each without its trailing newline, plus a note of what did not fit. */
  finish(): string[] {
    const out = this.events.map((e) => e.replace(/\n$/, ''));
    if (this.dropped > 0) out.push(`[sandbox] ${this.dropped} more bytes of output were not kept (limit ${this.limit} bytes per invocation)`);
    return out;
  }
}
