// Topic rule payloads as CreateTopicRule and ReplaceTopicRule accept them: the SQL must parse, each
// supported action must name what it needs, and every role must exist and trust iot.amazonaws.com
// (AWS tries to assume them when the rule is stored, even a disabled one).

import type { RequestContext } from '../../edge/context.js';
import { any, bool, list, str } from '../../protocols/shapes.js';
import { FIREHOSE_SEPARATORS } from '../../iot/rules/actions/firehose.js';
import { parseSql, SqlParseError } from '../../iot/rules/sql-parser.js';
import { invalidRequest, roleNotAssumable, ruleNotFound, sqlParse } from './errors.js';
import { iotArn } from './shapes.js';
import { topicRules, type RuleAction, type TopicRulePayloadRecord, type TopicRuleRecord } from './store.js';

/** The TopicRulePayload is the whole request body, so its members sit beside the path's ruleName. */
export const topicRulePayloadMembers = () => ({
  sql: str({ required: true }),
  description: str(),
  actions: list(any(), { required: true, max: 10 }),
  ruleDisabled: bool(),
  awsIotSqlVersion: str(),
  errorAction: any(),
});

export interface TopicRulePayloadInput {
  sql: string;
  description?: string;
  actions: unknown[];
  ruleDisabled?: boolean;
  awsIotSqlVersion?: string;
  errorAction?: unknown;
}

const SQL_VERSIONS = ['2015-10-08', '2016-03-23', 'beta'];

/** Parameters each supported action must carry. */
const REQUIRED: Record<string, string[]> = {
  kinesis: ['streamName', 'roleArn'],
  firehose: ['deliveryStreamName', 'roleArn'],
  lambda: ['functionArn'],
  dynamoDBv2: ['roleArn', 'putItem'],
  s3: ['bucketName', 'key', 'roleArn'],
  republish: ['topic', 'roleArn'],
};

function checkAction(ctx: RequestContext, raw: unknown, where: string): RuleAction {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalidRequest(`${where} must be an object`);
  const entries = Object.entries(raw as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
  if (entries.length !== 1) throw invalidRequest(`${where} must specify exactly one action`);
  const [type, params] = entries[0];
  if (typeof params !== 'object' || params === null) throw invalidRequest(`${where}.${type} must be an object`);
  const p = params as Record<string, unknown>;
  for (const name of REQUIRED[type] ?? []) {
    if (p[name] === undefined || p[name] === '') throw invalidRequest(`1 validation error detected: Value null at '${where}.${type}.${name}' failed to satisfy constraint: Member must not be null`);
  }
  if (type === 'dynamoDBv2' && typeof (p.putItem as Record<string, unknown>)?.tableName !== 'string') {
    throw invalidRequest(`1 validation error detected: Value null at '${where}.${type}.putItem.tableName' failed to satisfy constraint: Member must not be null`);
  }
  if (type === 'firehose' && p.separator !== undefined && !FIREHOSE_SEPARATORS.has(p.separator as string)) {
    throw invalidRequest(`1 validation error detected: Value '${String(p.separator)}' at '${where}.${type}.separator' failed to satisfy constraint: Member must satisfy regular expression pattern: ([\\n\\t])|(\\r\\n)|(,)`);
  }
  if (type === 'republish' && p.qos !== undefined && p.qos !== 0 && p.qos !== 1) {
    throw invalidRequest(`1 validation error detected: Value '${String(p.qos)}' at '${where}.${type}.qos' failed to satisfy constraint: Member must have value less than or equal to 1`);
  }
  const iam = ctx.sandbox.apis.iam;
  if (iam && typeof p.roleArn === 'string') {
    const role = iam.getRoleByArn(p.roleArn);
    if (!role || !iam.trustsService(role, 'iot.amazonaws.com')) throw roleNotAssumable(p.roleArn);
  }
  return { [type]: p };
}

/** The payload as stored, or AWS's error for what is wrong with it. */
export function checkTopicRulePayload(ctx: RequestContext, payload: TopicRulePayloadInput): TopicRulePayloadRecord {
  try {
    parseSql(payload.sql);
  } catch (err) {
    if (err instanceof SqlParseError) throw sqlParse(err.message);
    throw err;
  }
  const version = payload.awsIotSqlVersion ?? '2015-10-08';
  if (!SQL_VERSIONS.includes(version)) throw invalidRequest(`Invalid SQL version: ${version}`);
  const actions = payload.actions.map((a, i) => checkAction(ctx, a, `topicRulePayload.actions.${i + 1}.member`));
  const errorAction = payload.errorAction === undefined ? undefined : checkAction(ctx, payload.errorAction, 'topicRulePayload.errorAction');
  return { sql: payload.sql, description: payload.description, actions, errorAction, ruleDisabled: payload.ruleDisabled ?? false, awsIotSqlVersion: version };
}

export function requireRule(ctx: RequestContext, ruleName: string): TopicRuleRecord {
  const rule = topicRules(ctx.sandbox, ctx).get(ruleName);
  if (!rule) throw ruleNotFound(iotArn(ctx, `rule/${ruleName}`));
  return rule;
}

export function topicOfSql(sql: string): string {
  return parseSql(sql).topicFilter;
}
