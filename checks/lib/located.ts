// How a check builder is told which resource to judge: a name, how it was found (for messages), and
// the student-facing fix when it cannot be found at all.

import type { CheckContext } from '../../src/engine/types.js';

export interface Located {
  name: string;
  /** How the name was found: `named by rule iotlab_telemetry_to_stream`, `by its prefix name`. */
  via: string;
}

export type Locator = (ctx: CheckContext) => Promise<Located>;
