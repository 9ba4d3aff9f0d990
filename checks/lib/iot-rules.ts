// Finds the IoT topic rules that route a device topic to a destination (a Kinesis stream, a Firehose
// delivery stream) and says, when none does, which rule comes closest and what is wrong with it.

import { GetTopicRuleCommand, IoTClient, ListTopicRulesCommand, type Action } from '@aws-sdk/client-iot';
import type { CheckContext } from '../../src/engine/types.js';
import { memo, preferPrefix } from './memo.js';
import { sqlTopicFilter, topicMatches } from './topics.js';
import { defineMessages } from '../../src/i18n/index.js';

const t = defineMessages(
  'lib.iot-rules',
  {
    disabled: 'rule {{rule}} is disabled',
    noFrom: "rule {{rule}} has no FROM '<topic>' in its SQL ({{sql}})",
    otherTopic: "rule {{rule}} reads '{{filter}}', which does not match {{topic}}",
  },
  {
    disabled: '규칙 {{rule}}이(가) 비활성화되어 있습니다',
    noFrom: "규칙 {{rule}}의 SQL에 FROM '<topic>'이 없습니다 ({{sql}})",
    otherTopic: "규칙 {{rule}}은(는) '{{filter}}'을(를) 읽으며, 이는 {{topic}}과(와) 맞지 않습니다",
  },
);


export type RouteKind = 'kinesis' | 'firehose';

export interface RuleRoute {
  ruleName: string;
  ruleArn?: string;
  enabled: boolean;
  sql: string;
  topicFilter?: string;
  /** The stream or delivery stream the action names. */
  destination: string;
  roleArn?: string;
  /** Firehose actions: what the rule appends to each record (`\n`), and whether it sends a JSON array as a batch. */
  separator?: string;
  batchMode?: boolean;
}

export interface RouteSearch {
  topic: string;
  /** Enabled rules whose SQL reads the topic and which have an action of the kind. */
  routes: RuleRoute[];
  /** Rules with an action of the kind that do not see the topic or are disabled. */
  nearMisses: RuleRoute[];
  /** How many rules the account has. */
  ruleCount: number;
}

function destinationOf(action: Action, kind: RouteKind): Pick<RuleRoute, 'destination' | 'roleArn' | 'separator' | 'batchMode'> | undefined {
  if (kind === 'kinesis' && action.kinesis) return { destination: action.kinesis.streamName ?? '', roleArn: action.kinesis.roleArn };
  if (kind === 'firehose' && action.firehose) {
    const { deliveryStreamName, roleArn, separator, batchMode } = action.firehose;
    return { destination: deliveryStreamName ?? '', roleArn, separator, batchMode };
  }
  return undefined;
}

/** Every rule's name and body, fetched once per run for all checks. */
async function allRules(ctx: CheckContext) {
  return memo(ctx, 'iot.rules', async () => {
    const iot = ctx.clients.get(IoTClient);
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await iot.send(new ListTopicRulesCommand({ nextToken }), { abortSignal: ctx.signal });
      for (const r of page.rules ?? []) if (r.ruleName) names.push(r.ruleName);
      nextToken = page.nextToken;
    } while (nextToken);
    return Promise.all(
      preferPrefix(names, (n) => n, ctx.config.prefix.replace(/-/g, '_')).map(async (name) => {
        const out = await iot.send(new GetTopicRuleCommand({ ruleName: name }), { abortSignal: ctx.signal });
        return { name, arn: out.ruleArn, rule: out.rule };
      }),
    );
  });
}

export async function findRoutes(ctx: CheckContext, topic: string, kind: RouteKind): Promise<RouteSearch> {
  const rules = await allRules(ctx);
  const routes: RuleRoute[] = [];
  const nearMisses: RuleRoute[] = [];
  for (const { name, arn, rule } of rules) {
    const sql = rule?.sql ?? '';
    const topicFilter = sqlTopicFilter(sql);
    for (const action of rule?.actions ?? []) {
      const target = destinationOf(action, kind);
      if (!target) continue;
      const route: RuleRoute = { ruleName: name, ruleArn: arn, enabled: rule?.ruleDisabled !== true, sql, topicFilter, ...target };
      (route.enabled && topicFilter !== undefined && topicMatches(topicFilter, topic) ? routes : nearMisses).push(route);
    }
  }
  return { topic, routes, nearMisses, ruleCount: rules.length };
}

/** Why a near miss does not route the topic, in the student's terms. */
export function whyNot(route: RuleRoute, topic: string): string {
  if (!route.enabled) return t('disabled', { rule: route.ruleName });
  if (route.topicFilter === undefined) return t('noFrom', { rule: route.ruleName, sql: route.sql });
  return t('otherTopic', { rule: route.ruleName, filter: route.topicFilter, topic });
}
