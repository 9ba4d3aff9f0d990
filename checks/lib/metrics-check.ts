// Check builder: named CloudWatch series are above zero in a recent window. Metrics reach CloudWatch
// minutes late in AWS, so zero means `pending` (polled within the check's wait), not an early fail.

import type { Check, CheckContext, CheckResult } from '../../src/engine/types.js';
import { pass, pending } from '../../src/engine/result.js';
import { sumSeries, type Series, type SeriesSum } from './metrics.js';
import { defineMessages } from '../../src/i18n/index.js';

const t = defineMessages(
  'lib.metrics-check',
  {
    or: ' or ',
    none: 'No {{series}} for {{subject}} in the last {{minutes}} minutes yet. {{whenZero}}',
    flowing: '{{sums}} for {{subject}} in the last {{minutes}} minutes.',
  },
  {
    or: ' 또는 ',
    none: '최근 {{minutes}}분 동안 {{subject}}의 {{series}}이(가) 아직 없습니다. {{whenZero}}',
    flowing: '최근 {{minutes}}분 동안 {{subject}}: {{sums}}.',
  },
);


export interface MetricsSubject {
  /** For messages: `stream iotlab-stream`. */
  subject: string;
  dimensions: Record<string, string>;
  /** What to say when a series stays at zero, in place of the check's own `whenZero` (it may know the subject's timing). */
  whenZero?(sums: SeriesSum[]): string;
}

export function metricsFlowCheck(
  spec: Omit<Check, 'run'> & {
    namespace: string;
    series: Series[];
    windowMs: number;
    locate(ctx: CheckContext): Promise<MetricsSubject | CheckResult>;
    /** What to look at when a series stays at zero. */
    whenZero: string;
  },
): Check {
  const { namespace, series, windowMs, locate, whenZero, ...check } = spec;
  const minutes = Math.round(windowMs / 60_000);
  return {
    ...check,
    async run(ctx) {
      const located = await locate(ctx);
      if ('status' in located) return located;
      const sums = await sumSeries(ctx, namespace, located.dimensions, series, windowMs);
      const evidence = { namespace, ...located.dimensions, windowMinutes: minutes, ...Object.fromEntries(sums.map((s) => [s.metric, s.sum])) };
      const zero = sums.filter((s) => s.sum <= 0);
      if (zero.length > 0) {
        return pending(t('none', { series: zero.map((s) => s.label).join(t('or')), subject: located.subject, minutes, whenZero: located.whenZero?.(sums) ?? whenZero }), { evidence });
      }
      return pass(t('flowing', { sums: sums.map((s) => `${s.metric} ${s.sum}`).join(', '), subject: located.subject, minutes }), { evidence });
    },
  };
}
