// Credentials of an assumed role (a roster's `role_arn`, with an optional external id): STS AssumeRole
// called with the base target's own credentials, cached until five minutes before they expire.

import type { TargetCredentials, TargetCredentialsProvider, TargetSettings } from './target.js';
import { createClient } from './clients.js';

const REFRESH_BEFORE_MS = 5 * 60_000;

export interface AssumeRoleSpec {
  roleArn: string;
  externalId?: string;
  sessionName: string;
  durationSeconds?: number;
}

export function assumeRoleCredentials(base: TargetSettings, spec: AssumeRoleSpec): TargetCredentialsProvider {
  let cached: TargetCredentials | undefined;
  let pending: Promise<TargetCredentials> | undefined;
  const fetch = async (): Promise<TargetCredentials> => {
    const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
    const sts = createClient(base, STSClient);
    try {
      const out = await sts.send(
        new AssumeRoleCommand({ RoleArn: spec.roleArn, RoleSessionName: spec.sessionName, DurationSeconds: spec.durationSeconds ?? 3600, ...(spec.externalId ? { ExternalId: spec.externalId } : {}) }),
      );
      const c = out.Credentials!;
      return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken, expiration: c.Expiration };
    } finally {
      sts.destroy();
    }
  };
  return async () => {
    const fresh = cached && (!cached.expiration || cached.expiration.getTime() - Date.now() > REFRESH_BEFORE_MS);
    if (fresh) return cached!;
    pending ??= fetch().finally(() => (pending = undefined));
    cached = await pending;
    return cached;
  };
}
