// Chooses the target from flags, then environment, then `.lab/config.json`, then defaults.
// The default is `local`: nobody grades (or bills) a real account by accident.

import type { LabConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { LOCAL_CREDENTIALS, LOCAL_ENDPOINT, LOCAL_REGION } from './local.js';
import { TARGET_KINDS, type TargetKind, type TargetSettings } from './target.js';
import { regionName } from '../cli/option-values.js';
import { t } from '../i18n/index.js';

export interface TargetFlags {
  target?: string;
  endpoint?: string;
  region?: string;
  profile?: string;
}

export function resolveTargetSettings(flags: TargetFlags, env: NodeJS.ProcessEnv, config: LabConfig): TargetSettings {
  const kind = parseKind(flags.target ?? env.LAB_TARGET ?? config.target ?? 'local');
  const region = flags.region !== undefined ? regionName('--region', flags.region) : env.LAB_REGION !== undefined ? regionName('LAB_REGION', env.LAB_REGION) : config.region;
  if (kind === 'local') {
    if (flags.profile) throw new UsageError(t('usage.profileForAws'));
    const endpoint = parseEndpoint(flags.endpoint ?? env.LAB_ENDPOINT ?? config.endpoint ?? LOCAL_ENDPOINT);
    // Another sandbox account: a 12-digit access key id is that account.
    const keys = env.LAB_ACCESS_KEY_ID ? { credentials: { accessKeyId: env.LAB_ACCESS_KEY_ID, secretAccessKey: env.LAB_SECRET_ACCESS_KEY ?? LOCAL_CREDENTIALS.secretAccessKey } } : {};
    return { kind, region: region ?? LOCAL_REGION, endpoint, ...keys };
  }
  if (flags.endpoint) throw new UsageError(t('usage.endpointForLocal'));
  return { kind, region, profile: flags.profile ?? config.profile };
}

export function parseKind(value: string): TargetKind {
  if ((TARGET_KINDS as readonly string[]).includes(value)) return value as TargetKind;
  throw new UsageError(t('usage.unknownTarget', { value }));
}

export function parseEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(t('usage.endpointNotUrl', { value, example: LOCAL_ENDPOINT }));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(t('usage.endpointScheme', { value }));
  return value.replace(/\/+$/, '');
}
