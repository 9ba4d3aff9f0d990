// Asks the target who we are (STS GetCallerIdentity) so every header and report names the graded account.

import type { ClientFactory } from './clients.js';
import type { TargetInfo } from './target.js';
import { EnvironmentError, describeError } from '../errors.js';
import { knownProfiles } from './profiles.js';
import { t } from '../i18n/index.js';

export async function resolveIdentity(clients: ClientFactory): Promise<TargetInfo> {
  const { STSClient, GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const sts = clients.get(STSClient);
  const { settings } = clients;
  let region = settings.region ?? '';
  try {
    // The SDK's region chain (flags, AWS_REGION, the profile) decides when the workbook did not.
    region = await sts.config.region();
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    return {
      kind: settings.kind,
      region,
      accountId: identity.Account ?? 'unknown',
      arn: identity.Arn,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.profile ? { profile: settings.profile } : {}),
    };
  } catch (err) {
    if (settings.profile && !knownProfiles().includes(settings.profile)) {
      const known = knownProfiles();
      throw new EnvironmentError(
        t('environment.noProfile', { profile: settings.profile }),
        known.length > 0 ? t('environment.knownProfiles', { profiles: known.join(', '), profile: settings.profile }) : t('environment.createProfile', { profile: settings.profile }),
        { cause: err },
      );
    }
    const advice = describeError(err, { kind: settings.kind, region, endpoint: settings.endpoint });
    throw new EnvironmentError(advice.message, advice.hint, { cause: err });
  }
}
