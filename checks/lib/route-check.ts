// Check builder: "an enabled IoT rule sends the device topic to <a destination>". On a miss it names
// the rule that comes closest (disabled, another topic) with the command that fixes it.

import type { Check, CheckContext } from '../../src/engine/types.js';
import { fail, pass } from '../../src/engine/result.js';
import { resourceNames } from '../../src/labs/resource-names.js';
import { whyNot, type RouteSearch, type RuleRoute } from './iot-rules.js';

export interface RouteCheckSpec extends Omit<Check, 'run'> {
  find(ctx: CheckContext): Promise<{ search: RouteSearch; route?: RuleRoute }>;
  /** `a Kinesis stream`, `a Firehose delivery stream`. */
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
        return pass(`Rule ${route.ruleName} sends ${search.topic} to ${noun} ${route.destination}.`, { evidence: { ...evidence, rule: route.ruleName, sql: route.sql, [evidenceKey]: route.destination } });
      }
      const miss = search.nearMisses[0];
      if (miss) {
        const hint = miss.enabled
          ? `Make the rule read the telemetry topics: aws iot replace-topic-rule --rule-name ${miss.ruleName} with "sql": "SELECT * FROM '${resourceNames(ctx.config.prefix).telemetryTopicFilter}'".`
          : `Enable it: aws iot enable-topic-rule --rule-name ${miss.ruleName}`;
        return fail(`No enabled IoT rule sends ${search.topic} to ${destination}: ${whyNot(miss, search.topic)}.`, { hint, evidence: { ...evidence, rule: miss.ruleName, sql: miss.sql } });
      }
      return fail(`No IoT rule sends ${search.topic} to ${destination} (the account has ${search.ruleCount} rule(s), none with a ${action} action).`, { hint: createHint(ctx), evidence });
    },
  };
}
