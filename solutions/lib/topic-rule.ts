// Deploy step: an IoT topic rule, created or replaced to match, and enabled.

import { CreateTopicRuleCommand, EnableTopicRuleCommand, GetTopicRuleCommand, IoTClient, ListTopicRulesCommand, ReplaceTopicRuleCommand, type TopicRulePayload } from '@aws-sdk/client-iot';
import type { SolutionContext } from '../../src/engine/solution.js';
import type { Ledger } from './ledger.js';
import { retryWhileRolePropagates } from './wait.js';
import { sameContent } from './same-content.js';
import { ts } from './messages.js';

export const IOT_SQL_VERSION = '2016-03-23';

async function ruleExists(ctx: SolutionContext, name: string): Promise<boolean> {
  const iot = ctx.clients.get(IoTClient);
  let nextToken: string | undefined;
  do {
    const page = await iot.send(new ListTopicRulesCommand({ nextToken }));
    if ((page.rules ?? []).some((r) => r.ruleName === name)) return true;
    nextToken = page.nextToken;
  } while (nextToken);
  return false;
}

export async function ensureTopicRule(ctx: SolutionContext, ledger: Ledger, name: string, payload: Omit<TopicRulePayload, 'awsIotSqlVersion' | 'ruleDisabled'>): Promise<void> {
  const iot = ctx.clients.get(IoTClient);
  const wanted: TopicRulePayload = { ...payload, awsIotSqlVersion: IOT_SQL_VERSION, ruleDisabled: false };
  // GetTopicRule on a missing rule answers differently across IoT versions; the list is unambiguous.
  if (!(await ruleExists(ctx, name))) {
    // The rule's tags are one URL query string.
    const tags = new URLSearchParams(ctx.tags).toString();
    await retryWhileRolePropagates(ctx, () => iot.send(new CreateTopicRuleCommand({ ruleName: name, topicRulePayload: wanted, tags })));
    ledger.record(ts('ledger.rule', { name }), 'created');
    return;
  }
  const { rule } = await iot.send(new GetTopicRuleCommand({ ruleName: name }));
  const same =
    rule?.sql === wanted.sql &&
    (rule?.awsIotSqlVersion ?? IOT_SQL_VERSION) === IOT_SQL_VERSION &&
    sameContent(rule?.actions, wanted.actions);
  if (!same) {
    await retryWhileRolePropagates(ctx, () => iot.send(new ReplaceTopicRuleCommand({ ruleName: name, topicRulePayload: wanted })));
    ledger.record(ts('ledger.rule', { name }), 'updated');
  } else if (rule?.ruleDisabled) {
    await iot.send(new EnableTopicRuleCommand({ ruleName: name }));
    ledger.record(ts('ledger.ruleEnabled', { name }), 'updated');
  } else {
    ledger.record(ts('ledger.rule', { name }), 'unchanged');
  }
}
