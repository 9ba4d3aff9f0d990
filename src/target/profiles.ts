// Which named profiles the AWS shared files define, so that `--profile NAME` naming none of them is
// reported as such rather than as "no credentials". Reads the files the SDK reads, as the SDK finds them.

import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

function sections(file: string, configFile: boolean): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*\[\s*([^\]]+?)\s*\]\s*$/.exec(line);
    if (!m) continue;
    const name = m[1]!;
    // In the config file a profile is `[profile NAME]`, except `[default]`; the credentials file uses `[NAME]`.
    if (!configFile) names.push(name);
    else if (name === 'default') names.push(name);
    else if (name.startsWith('profile ')) names.push(name.slice('profile '.length).trim());
  }
  return names;
}

export function knownProfiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const home = env.HOME ?? homedir();
  const config = env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config');
  const credentials = env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials');
  return [...new Set([...sections(config, true), ...sections(credentials, false)])];
}
