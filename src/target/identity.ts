// Asks the target who we are (STS GetCallerIdentity) so every header and report names the graded account.

import type { ClientFactory } from './clients.js';
import type { TargetInfo } from './target.js';
import { EnvironmentError, describeError } from '../errors.js';
import { knownProfiles } from './profiles.js';

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
        `There is no AWS profile named "${settings.profile}".`,
        known.length > 0 ? `Profiles in your AWS config: ${known.join(', ')}. Or create it with \`aws configure --profile ${settings.profile}\`.` : `Create it with \`aws configure --profile ${settings.profile}\` (or \`aws configure sso\`).`,
        { cause: err },
      );
    }
    const advice = describeError(err, { kind: settings.kind, region, endpoint: settings.endpoint });
    throw new EnvironmentError(advice.message, advice.hint, { cause: err });
  }
}
