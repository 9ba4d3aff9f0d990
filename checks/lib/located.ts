// How a check builder is told which resource to judge: a name, how it was found (for messages), and
// the student-facing fix when it cannot be found at all.

import type { CheckContext } from '../../src/engine/types.js';
import { defineMessages } from '../../src/i18n/index.js';

export interface Located {
  name: string;
  /** How the name was found: `named by rule iotlab_telemetry_to_stream`, `by its prefix name`. */
  via: string;
}

export type Locator = (ctx: CheckContext) => Promise<Located>;

// How a resource was found, where several labs find theirs the same way.
const t = defineMessages('lib.located', { namedByRule: 'named by rule {{rule}}' }, { namedByRule: '규칙 {{rule}}이(가) 지정한 이름' });

/** `named by rule <rule>`, in the workbook's language: a destination an IoT rule names. */
export const namedByRule = (rule: string) => t('namedByRule', { rule });
