// The trust policy a role needs so an AWS service may assume it, as tests and benchmarks create roles.
// No test-runner imports, so the benchmarks can use it.

/** `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":…},"Action":"sts:AssumeRole"}]}` */
export function trustPolicy(service: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
}

/** A trust policy for `service` that also lets the account's own principals assume the role (what a test calling AssumeRole needs). */
export function trustPolicyWithAccount(service: string, account: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service, AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }],
  });
}
