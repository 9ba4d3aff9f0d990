// The rules engine: every message published (MQTT or HTTP) is matched against the enabled topic
// rules of its account and region; a matching rule's SELECT output goes to each action, and an
// action that fails sends AWS's error document to the rule's errorAction. Failures are counted
// (AWS/IoT Success/Failure per action) and logged, never thrown back at the broker.

import { randomUUID } from 'node:crypto';
import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { topicRules, type RuleAction, type TopicRuleRecord } from '../../services/iot/store.js';
import { iotMetric } from '../metrics.js';
import { ActionFailure, type ActionContext } from './actions/action.js';
import { ruleActions } from './actions/index.js';
import { parseMessage, passesWhere, selectOutput, type MessageContext, type ParsedMessage } from './sql-evaluator.js';
import { parseSql, type SqlStatement } from './sql-parser.js';
import { topicMatches } from './topic-filter.js';

/** Publishes a message as the broker does; `hops` counts how many republish actions led to it. */
export type Republish = (owner: Principal, topic: string, payload: Buffer, qos: 0 | 1, hops: number) => void;

/** Republish loops (a rule republishing onto a topic it reads) stop after this many hops. */
const MAX_HOPS = 8;

export class RulesEngine {
  private readonly statements = new Map<string, SqlStatement>();
  /** Actions still running, so tests and the benchmark can wait for them. */
  private readonly pending = new Set<Promise<void>>();

  /** Set once the broker is up (the broker and the engine need each other). */
  republish: Republish = () => {
    throw new Error('the MQTT broker is not running');
  };

  constructor(private readonly sandbox: Sandbox) {}

  private statementOf(sql: string): SqlStatement | undefined {
    let statement = this.statements.get(sql);
    if (!statement) {
      try {
        statement = parseSql(sql);
      } catch {
        return undefined;
      }
      if (this.statements.size > 10_000) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs every matching rule for one message. Never throws. */
  onMessage(owner: Principal, message: MessageContext, hops = 0): void {
    try {
      const rules = topicRules(this.sandbox, owner).values();
      if (rules.length === 0) return;
      let parsed: ParsedMessage | undefined;
      for (const rule of rules) {
        if (rule.payload.ruleDisabled) continue;
        const statement = this.statementOf(rule.payload.sql);
        if (!statement || !topicMatches(statement.topicFilter, message.topic)) continue;
        parsed ??= parseMessage(message);
        iotMetric(this.sandbox, owner, 'TopicMatch', { RuleName: rule.ruleName });
        if (!passesWhere(statement, parsed)) continue;
        const output = selectOutput(statement, parsed);
        if (output === undefined) {
          this.sandbox.warn(`iot rule ${rule.ruleName}: payload on ${message.topic} is not JSON and the SELECT is not *: nothing to act on`);
          continue;
        }
        this.runActions(owner, rule, parsed, output, hops);
      }
    } catch (err) {
      this.sandbox.warn(`iot rules engine: ${(err as Error).stack ?? String(err)}`);
    }
  }

  private context(owner: Principal, rule: TopicRuleRecord, message: ParsedMessage, output: Buffer, hops: number): ActionContext {
    return {
      sandbox: this.sandbox,
      owner,
      ruleName: rule.ruleName,
      ruleArn: rule.ruleArn,
      output,
      message,
      republish: (topic, payload, qos) => {
        if (hops + 1 >= MAX_HOPS) throw new ActionFailure(topic, `Republish loop: the message has been republished ${hops + 1} times`);
        this.republish(owner, topic, payload, qos, hops + 1);
      },
    };
  }

  private runActions(owner: Principal, rule: TopicRuleRecord, message: ParsedMessage, output: Buffer, hops: number): void {
    const ctx = this.context(owner, rule, message, output, hops);
    for (const action of rule.payload.actions) {
      const run = this.start(action, ctx).then((failure) => {
        const [type] = Object.keys(action);
        const actionType = ruleActions[type]?.actionType ?? type;
        iotMetric(this.sandbox, owner, failure ? 'Failure' : 'Success', { RuleName: rule.ruleName, ActionType: actionType });
        if (!failure) return;
        this.sandbox.warn(`iot rule ${rule.ruleName}: ${actionType} action failed on ${failure.failedResource}: ${failure.message}`);
        if (rule.payload.errorAction) this.runErrorAction(owner, rule, message, type, failure, hops);
      });
      this.track(run);
    }
  }

  /** Starts one action; resolves with its failure, if any. */
  private start(action: RuleAction, ctx: ActionContext): Promise<ActionFailure | undefined> {
    const [type] = Object.keys(action);
    const handler = ruleActions[type];
    if (!handler) return Promise.resolve(new ActionFailure(type, `The ${type} action is not supported by the sandbox`));
    let run: Promise<void>;
    try {
      run = handler.run(action[type], ctx);
    } catch (err) {
      run = Promise.reject(err);
    }
    return run.then(
      () => undefined,
      (err: unknown) => (err instanceof ActionFailure ? err : new ActionFailure(type, String((err as Error).message ?? err))),
    );
  }

  private runErrorAction(owner: Principal, rule: TopicRuleRecord, message: ParsedMessage, failedType: string, failure: ActionFailure, hops: number): void {
    const errorAction = rule.payload.errorAction!;
    const document = {
      ruleName: rule.ruleName,
      topic: message.topic,
      cloudwatchTraceId: randomUUID(),
      clientId: message.clientId,
      base64OriginalPayload: message.payload.toString('base64'),
      failures: [{ failedAction: ruleActions[failedType]?.failedAction ?? failedType, failedResource: failure.failedResource, errorMessage: failure.message }],
    };
    const ctx = this.context(owner, rule, message, Buffer.from(JSON.stringify(document)), hops);
    this.track(
      this.start(errorAction, ctx).then((errorFailure) => {
        if (errorFailure) this.sandbox.warn(`iot rule ${rule.ruleName}: errorAction failed too on ${errorFailure.failedResource}: ${errorFailure.message}`);
      }),
    );
  }

  private track(run: Promise<void>): void {
    const tracked = run.catch((err: unknown) => this.sandbox.warn(`iot rules engine: ${String(err)}`)).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /** Waits until every action started so far (and those they started) has finished. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
