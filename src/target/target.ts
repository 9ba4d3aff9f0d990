// What a target is: the account and region graded, and how to reach them.

import { t as translate } from '../i18n/index.js';

export type TargetKind = 'aws' | 'local';
export const TARGET_KINDS: readonly TargetKind[] = ['aws', 'local'];

/** How to build clients: resolved from flags, environment and config, before any AWS call. */
export interface TargetSettings {
  kind: TargetKind;
  /** Undefined for `aws` means "let the SDK's region chain decide". */
  region?: string;
  profile?: string;
  /** Only for `local`. */
  endpoint?: string;
  /**
   * Explicit credentials or a provider of them (a roster's keys, an assumed role, a sandbox account's
   * keys); without them `aws` uses the profile or the default chain, and `local` the sandbox's keys.
   */
  credentials?: TargetCredentials | TargetCredentialsProvider;
}

export interface TargetCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export type TargetCredentialsProvider = () => Promise<TargetCredentials>;

/** What was actually graded: settings plus the identity AWS answered with. */
export interface TargetInfo {
  kind: TargetKind;
  region: string;
  accountId: string;
  endpoint?: string;
  profile?: string;
  arn?: string;
}

export function describeTarget(t: { kind: TargetKind; endpoint?: string; profile?: string }): string {
  if (t.kind === 'local') return `local (${t.endpoint})`;
  return t.profile ? translate('target.awsProfile', { profile: t.profile }) : 'aws';
}

export function headerLine(t: TargetInfo): string {
  return translate('target.header', { target: describeTarget(t), account: t.accountId, region: t.region });
}
