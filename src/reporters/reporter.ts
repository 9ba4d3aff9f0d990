// What a reporter is: it subscribes to run events and may need to finish writing at the end.

import type { RunEvent } from '../engine/events.js';

export interface Reporter {
  onEvent(event: RunEvent): void;
  /** Resolves once everything the reporter shows for the runs so far has been written. */
  flush(): Promise<void>;
}
