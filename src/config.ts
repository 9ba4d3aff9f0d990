// `.lab/config.json`: the target, region, profile, endpoint and resource prefix a student chose.

import { join } from 'node:path';
import { readJsonFile, writeJsonFileAtomic } from './lab-home.js';
import { UsageError } from './errors.js';
import { parseEndpoint, parseKind } from './target/resolve.js';
import type { TargetKind } from './target/target.js';
import { regionName } from './cli/option-values.js';
import { parseLanguage } from './i18n/language.js';
import { t } from './i18n/index.js';

export interface LabConfig {
  target?: TargetKind;
  region?: string;
  profile?: string;
  endpoint?: string;
  /** Prefix of every resource name, so several students can share one account. */
  prefix: string;
  /** Accounts `lab reset` refuses to delete anything in (production, shared tooling). */
  'protected-accounts'?: string[];
  /** The workbook's language (`en`, `ko`); unset follows the system locale. */
  lang?: string;
}

export const DEFAULT_PREFIX = 'iotlab';
export const CONFIG_KEYS = ['target', 'region', 'profile', 'endpoint', 'prefix', 'protected-accounts', 'lang'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

// Lower-case and short: the prefix ends up in bucket names, which allow little else.
const PREFIX_PATTERN = /^[a-z][a-z0-9-]{0,19}$/;

export function configFile(home: string): string {
  return join(home, 'config.json');
}

export async function loadConfig(home: string): Promise<LabConfig> {
  const stored = await readJsonFile<Partial<LabConfig>>(configFile(home), {});
  return { ...stored, prefix: stored.prefix ?? DEFAULT_PREFIX };
}

export function parseConfigKey(key: string): ConfigKey {
  if ((CONFIG_KEYS as readonly string[]).includes(key)) return key as ConfigKey;
  throw new UsageError(t('usage.unknownConfigKey', { key, keys: CONFIG_KEYS.join(', ') }));
}

export function validateConfigValue(key: ConfigKey, value: string): string | string[] {
  switch (key) {
    case 'protected-accounts':
      return parseAccountList(value);
    case 'target':
      return parseKind(value);
    case 'endpoint':
      return parseEndpoint(value);
    case 'region':
      regionName('lab config set region', value);
      return value;
    case 'prefix':
      if (!PREFIX_PATTERN.test(value)) throw new UsageError(t('usage.badPrefix', { value }));
      return value;
    case 'profile':
      return value;
    case 'lang':
      return parseLanguage('lab config set lang', value);
  }
}

/** `111111111111,222222222222`: twelve-digit account ids, separated by commas or spaces. */
export function parseAccountList(value: string): string[] {
  const ids = value.split(/[\s,]+/).filter(Boolean);
  const bad = ids.find((id) => !/^\d{12}$/.test(id));
  if (bad !== undefined || ids.length === 0) throw new UsageError(t('usage.badAccountIds', { value: bad ?? value }));
  return [...new Set(ids)];
}

/** How a setting is shown: lists as they are typed. */
export function formatConfigValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

export async function setConfigValue(home: string, key: ConfigKey, value: string | undefined): Promise<LabConfig> {
  const stored = await readJsonFile<Record<string, unknown>>(configFile(home), {});
  if (value === undefined) delete stored[key];
  else stored[key] = validateConfigValue(key, value);
  await writeJsonFileAtomic(configFile(home), stored);
  return loadConfig(home);
}
