// What every rule action gets and how it fails: the rule's owner, the selected output, the incoming
// message (for substitution templates), and the role check AWS makes before acting with a role.

import { arn as arnOf, type Principal } from '../../../edge/context.js';
import type { Sandbox } from '../../../sandbox.js';
import type { ParsedMessage } from '../sql-evaluator.js';

export interface ActionContext {
  sandbox: Sandbox;
  owner: Principal;
  ruleName: string;
  ruleArn: string;
  /** What the rule's SELECT produced (or the error document, for an errorAction). */
  output: Buffer;
  message: ParsedMessage;
  republish(topic: string, payload: Buffer, qos: 0 | 1): void;
}

export interface RuleActionHandler {
  /** The ActionType dimension of the Success/Failure metrics. */
  actionType: string;
  /** The name AWS gives the action in error-action documents (`KinesisAction`). */
  failedAction: string;
  /** Starts the action; kept synchronous up to its first write so records keep the order messages came in. */
  run(params: Record<string, unknown>, ctx: ActionContext): Promise<void>;
}

/** A failed action: what it failed on and why, as the error action's document reports it. */
export class ActionFailure extends Error {
  constructor(
    readonly failedResource: string,
    message: string,
  ) {
    super(message);
  }
}

export const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The role must exist, trust iot.amazonaws.com and allow `action` on `resource`; otherwise the
 * action fails the way AWS reports it.
 */
export function requireRole(ctx: ActionContext, roleArn: unknown, action: string, resource: string, failedResource: string): void {
  const iam = ctx.sandbox.apis.iam;
  if (!iam) return;
  const role = typeof roleArn === 'string' ? iam.getRoleByArn(roleArn) : undefined;
  if (!role || !iam.trustsService(role, 'iot.amazonaws.com')) {
    throw new ActionFailure(failedResource, `Unable to assume role (roleArn=${String(roleArn)}): the role does not exist or does not trust iot.amazonaws.com`);
  }
  if (!iam.allows(role, action, resource)) {
    const session = `arn:aws:sts::${role.Arn.split(':')[4]}:assumed-role/${role.RoleName}/${ctx.ruleName}`;
    throw new ActionFailure(failedResource, `User: ${session} is not authorized to perform: ${action} on resource: ${resource}`);
  }
}

export const resourceArn = (service: string, ctx: ActionContext, resource: string) => arnOf(service, ctx.owner, resource);

/** A ServiceError or any other exception from the service acted on, as the failure's message. */
export function failureFrom(failedResource: string, err: unknown): ActionFailure {
  if (err instanceof ActionFailure) return err;
  const e = err as { code?: string; message?: string };
  return new ActionFailure(failedResource, e.code ? `${e.code}: ${e.message}` : String(e.message ?? err));
}
