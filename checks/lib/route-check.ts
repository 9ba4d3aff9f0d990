// Check builder: "an enabled IoT rule sends the device topic to <a destination>". On a miss it names
// the rule that comes closest (disabled, another topic) with the command that fixes it.

import type { Check, CheckContext } from '../../src/engine/types.js';
import { fail, pass } from '../../src/engine/result.js';
import { resourceNames } from '../../src/labs/resource-names.js';
import { whyNot, type RouteSearch, type RuleRoute } from './iot-rules.js';
import { defineMessages } from '../../src/i18n/index.js';

const t = defineMessages(
  'lib.route-check',
  {
    routes: 'Rule {{rule}} sends {{topic}} to {{noun}} {{destination}}.',
    readTopics: 'Make the rule read the telemetry topics: {{command}}',
    enable: 'Enable it: {{command}}',
    nearMiss: 'No enabled IoT rule sends {{topic}} to {{destination}}: {{why}}.',
    none: 'No IoT rule sends {{topic}} to {{destination}} (the account has {{count}} rule(s), none with a {{action}} action).',
  },
  {
    routes: '규칙 {{rule}}이(가) {{topic}}을(를) {{noun}} {{destination}}(으)로 보냅니다.',
    readTopics: '규칙이 원격 측정 주제를 읽도록 하세요: {{command}}',
    enable: '규칙을 활성화하세요: {{command}}',
    nearMiss: '{{topic}}을(를) {{destination}}(으)로 보내는 활성화된 IoT 규칙이 없습니다: {{why}}.',
    none: '{{topic}}을(를) {{destination}}(으)로 보내는 IoT 규칙이 없습니다 (계정에 규칙 {{count}}개가 있지만 {{action}} 작업이 있는 규칙은 없습니다).',
  },
);


export interface RouteCheckSpec extends Omit<Check, 'run'> {
  find(ctx: CheckContext): Promise<{ search: RouteSearch; route?: RuleRoute }>;
  /** `a Kinesis stream`, `a Firehose delivery stream` (in the workbook's language). */
  destination: string;
  /** The action's name in messages: `Kinesis`, `Firehose`. */
  action: string;
  /** What the destination is called in the pass message and the evidence: `stream`, `deliveryStream`. */
  evidenceKey: string;
  noun: string;
  /** How to create the lab's rule from nothing. */
  createHint(ctx: CheckContext): string;
}

export function routeCheck(spec: RouteCheckSpec): Check {
  const { find, destination, action, evidenceKey, noun, createHint, ...check } = spec;
  return {
    ...check,
    async run(ctx) {
      const { search, route } = await find(ctx);
      const evidence = { topic: search.topic, rulesInAccount: search.ruleCount };
      if (route) {
        return pass(t('routes', { rule: route.ruleName, topic: search.topic, noun, destination: route.destination }), { evidence: { ...evidence, rule: route.ruleName, sql: route.sql, [evidenceKey]: route.destination } });
      }
      const miss = search.nearMisses[0];
      if (miss) {
        const hint = miss.enabled
          ? t('readTopics', { command: `aws iot replace-topic-rule --rule-name ${miss.ruleName} with "sql": "SELECT * FROM '${resourceNames(ctx.config.prefix).telemetryTopicFilter}'".` })
          : t('enable', { command: `aws iot enable-topic-rule --rule-name ${miss.ruleName}` });
        return fail(t('nearMiss', { topic: search.topic, destination, why: whyNot(miss, search.topic) }), { hint, evidence: { ...evidence, rule: miss.ruleName, sql: miss.sql } });
      }
      return fail(t('none', { topic: search.topic, destination, count: search.ruleCount, action }), { hint: createHint(ctx), evidence });
    },
  };
}
