// `lab config get|set|unset`: reads and changes `.lab/config.json`.

import { CONFIG_KEYS, DEFAULT_PREFIX, formatConfigValue, loadConfig, parseConfigKey, setConfigValue } from '../config.js';
import { labHome } from '../lab-home.js';
import { configuredHeader, openSession, type GlobalOptions } from '../session.js';
import { stdout, type Output } from '../output.js';
import { t } from '../i18n/index.js';

export async function getConfig(key: string | undefined, options: GlobalOptions, out: Output = stdout): Promise<void> {
  if (key !== undefined) {
    const config = await loadConfig(labHome());
    const value = formatConfigValue(config[parseConfigKey(key)]);
    out.line(value ?? '');
    return;
  }
  const session = await openSession(options);
  out.line(configuredHeader(session.settings));
  for (const name of CONFIG_KEYS) {
    const value = formatConfigValue(session.config[name]);
    out.line(`  ${name.padEnd(9)} ${value ?? t('configured.notSet')}${name === 'prefix' && value === DEFAULT_PREFIX ? t('configured.default') : ''}`);
  }
}

export async function setConfig(key: string, value: string | undefined, out: Output = stdout): Promise<void> {
  const name = parseConfigKey(key);
  const config = await setConfigValue(labHome(), name, value);
  out.line(value === undefined ? t('configured.unset', { name }) : `${name} = ${formatConfigValue(config[name])}`);
}
