// The trust policy a role needs so an AWS service may assume it, as tests and benchmarks create roles.
// No test-runner imports, so the benchmarks can use it.

/** `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":…},"Action":"sts:AssumeRole"}]}` */
export function trustPolicy(service: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
}
