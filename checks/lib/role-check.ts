// Check builder: "this role can be assumed by <service> and may do <actions> on <resource>".
// Used for the IoT rule's role, the function's role for the stream and for the table, and later labs'.

import type { Check, CheckContext, CheckResult } from '../../src/engine/types.js';
import { fail, pass } from '../../src/engine/result.js';
import { evaluate } from './policy.js';
import { readRole } from './roles.js';
import { trustsService } from './policy.js';
import { defineMessages } from '../../src/i18n/index.js';

// What this builder says, in English and Korean side by side (same {{placeholders}}).
const t = defineMessages(
  'lib.role-check',
  {
    noRole: '{{user}} has no role.',
    noRoleHint: 'Give it a role that {{service}} can assume, allowed to {{actions}} on {{resource}}.',
    missing: '{{user}} uses role {{roleArn}}, which does not exist.',
    missingHint: 'Create the role (trusting {{service}}) or point {{user}} at an existing one.',
    untrusted: 'Role {{role}} (used by {{user}}) cannot be assumed by {{service}}: its trust policy does not name that service.',
    deniedBy: '{{policy}} denies it',
    notAllowed: 'no policy of the role allows it',
    mayNot: 'Role {{role}} (used by {{user}}) may not {{actions}} on {{resource}}: {{why}}.',
    or: ' or ',
    addPolicy: 'Add a policy to the role: {{command}}',
    allowed: 'Role {{role}} is assumable by {{service}} and may {{granted}}.',
  },
  {
    noRole: '{{user}}에 역할이 없습니다.',
    noRoleHint: '{{service}}이(가) 맡을 수 있고 {{resource}}에 대해 {{actions}}을(를) 허용하는 역할을 지정하세요.',
    missing: '{{user}}이(가) 역할 {{roleArn}}을(를) 사용하지만 그런 역할이 없습니다.',
    missingHint: '{{service}}을(를) 신뢰하는 역할을 만들거나, {{user}}이(가) 기존 역할을 사용하도록 바꾸세요.',
    untrusted: '역할 {{role}}({{user}}이(가) 사용)은 {{service}}이(가) 맡을 수 없습니다: 신뢰 정책에 이 서비스가 없습니다.',
    deniedBy: '{{policy}}이(가) 거부합니다',
    notAllowed: '이를 허용하는 역할 정책이 없습니다',
    mayNot: '역할 {{role}}({{user}}이(가) 사용)은 {{resource}}에 대해 {{actions}}을(를) 할 수 없습니다: {{why}}.',
    or: ' 또는 ',
    addPolicy: '역할에 정책을 추가하세요: {{command}}',
    allowed: '역할 {{role}}은(는) {{service}}이(가) 맡을 수 있고 {{granted}}을(를) 할 수 있습니다.',
  },
);

export interface RoleNeed {
  /** Who uses the role, for messages, in the workbook's language: `IoT rule iotlab_telemetry_to_stream`. */
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
  const { user, service, resource } = need;
  if (!need.roleArn) {
    return fail(t('noRole', { user }), { hint: t('noRoleHint', { service, actions: need.actions.flat().join(', '), resource }) });
  }
  const role = await readRole(ctx, need.roleArn);
  if (!role) {
    return fail(t('missing', { user, roleArn: need.roleArn }), {
      hint: t('missingHint', { service, user }),
      evidence: { roleArn: need.roleArn },
    });
  }
  const evidence = { role: role.roleName, policies: role.policies.map((p) => p.name), resource: need.resource };
  if (!trustsService(role.trust, need.service, { 'aws:SourceAccount': need.roleArn.split(':')[4] })) {
    return fail(t('untrusted', { role: role.roleName, user, service }), {
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
    const why = denied ? t('deniedBy', { policy: String(denied.by) }) : t('notAllowed');
    return fail(t('mayNot', { role: role.roleName, user, actions: options.join(t('or')), resource, why }), {
      hint: t('addPolicy', { command: `aws iam put-role-policy --role-name ${role.roleName} --policy-name allow-${options[0]!.split(':')[0]} --policy-document '${fixDocument}'` }),
      evidence,
    });
  }
  return pass(t('allowed', { role: role.roleName, service, granted: grantedBy.join(', ') }), { evidence });
}
