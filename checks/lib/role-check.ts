// Check builder: "this role can be assumed by <service> and may do <actions> on <resource>".
// Used for the IoT rule's role, the function's role for the stream and for the table, and later labs'.

import type { Check, CheckContext, CheckResult } from '../../src/engine/types.js';
import { fail, pass } from '../../src/engine/result.js';
import { evaluate } from './policy.js';
import { readRole } from './roles.js';
import { trustsService } from './policy.js';

export interface RoleNeed {
  /** Who uses the role, for messages: `IoT rule iotlab_telemetry_to_stream`. */
  user: string;
  roleArn: string | undefined;
  /** The service principal that must be trusted: `iot.amazonaws.com`. */
  service: string;
  /** Each entry must be allowed; an inner list is satisfied by any one of its actions. */
  actions: (string | string[])[];
  resource: string;
}

export type RoleCheckSpec = Omit<Check, 'run'> & {
  /** What to judge, or a result when the user of the role cannot be found (normally a dependency prevents that). */
  locate(ctx: CheckContext): Promise<RoleNeed | CheckResult>;
};

export function roleCheck(spec: RoleCheckSpec): Check {
  const { locate, ...check } = spec;
  return {
    ...check,
    async run(ctx) {
      const need = await locate(ctx);
      return 'status' in need ? need : judgeRole(ctx, need);
    },
  };
}

export async function judgeRole(ctx: CheckContext, need: RoleNeed): Promise<CheckResult> {
  const fixDocument = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: need.actions.map((a) => (Array.isArray(a) ? a[0] : a)), Resource: need.resource }],
  });
  if (!need.roleArn) {
    return fail(`${need.user} has no role.`, { hint: `Give it a role that ${need.service} can assume, allowed to ${need.actions.flat().join(', ')} on ${need.resource}.` });
  }
  const role = await readRole(ctx, need.roleArn);
  if (!role) {
    return fail(`${need.user} uses role ${need.roleArn}, which does not exist.`, {
      hint: `Create the role (trusting ${need.service}) or point ${need.user} at an existing one.`,
      evidence: { roleArn: need.roleArn },
    });
  }
  const evidence = { role: role.roleName, policies: role.policies.map((p) => p.name), resource: need.resource };
  if (!trustsService(role.trust, need.service, { 'aws:SourceAccount': need.roleArn.split(':')[4] })) {
    return fail(`Role ${role.roleName} (used by ${need.user}) cannot be assumed by ${need.service}: its trust policy does not name that service.`, {
      hint: `aws iam update-assume-role-policy --role-name ${role.roleName} --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"${need.service}"},"Action":"sts:AssumeRole"}]}'`,
      evidence,
    });
  }
  const grantedBy: string[] = [];
  for (const wanted of need.actions) {
    const options = Array.isArray(wanted) ? wanted : [wanted];
    const results = options.map((action) => ({ action, ...evaluate(role.policies, action, need.resource) }));
    const allowed = results.find((r) => r.decision === 'allowed');
    if (allowed) {
      grantedBy.push(`${allowed.action} (${allowed.by})`);
      continue;
    }
    const denied = results.find((r) => r.decision === 'denied');
    const why = denied ? `${denied.by} denies it` : 'no policy of the role allows it';
    return fail(`Role ${role.roleName} (used by ${need.user}) may not ${options.join(' or ')} on ${need.resource}: ${why}.`, {
      hint: `Add a policy to the role: aws iam put-role-policy --role-name ${role.roleName} --policy-name allow-${options[0]!.split(':')[0]} --policy-document '${fixDocument}'`,
      evidence,
    });
  }
  return pass(`Role ${role.roleName} is assumable by ${need.service} and may ${grantedBy.join(', ')}.`, { evidence });
}
