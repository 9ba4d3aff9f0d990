// What every command starts from: the state directory, the config, the workbook and the chosen
// target; and, for commands that talk to AWS, the clients and the identity they answer with.

import { loadConfig, type LabConfig } from './config.js';
import { labHome } from './lab-home.js';
import { resolveLanguage, t, useLanguage, type Language } from './i18n/index.js';
import { resolveWorkbook, type Workbook } from './labs/workbook.js';
import { resolveTargetSettings, type TargetFlags } from './target/resolve.js';
import { createClientFactory, type ClientFactory } from './target/clients.js';
import { resolveIdentity } from './target/identity.js';
import { describeTarget, type TargetInfo, type TargetSettings } from './target/target.js';

export interface GlobalOptions extends TargetFlags {
  debug?: boolean;
  lang?: string;
}

export interface Session {
  home: string;
  config: LabConfig;
  workbook: Workbook;
  settings: TargetSettings;
  debug: boolean;
  language: Language;
}

export interface Connection {
  clients: ClientFactory;
  target: TargetInfo;
}

/** Sets the workbook's language from --lang, LAB_LANG, the config and the locale; every command does this first. */
export async function chooseLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<Language> {
  const config = await loadConfig(labHome(env, cwd));
  const language = resolveLanguage(flag, env, config.lang);
  useLanguage(language);
  return language;
}

export async function openSession(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<Session> {
  const home = labHome(env, cwd);
  const config = await loadConfig(home);
  const language = resolveLanguage(options.lang, env, config.lang);
  useLanguage(language);
  return {
    home,
    config,
    workbook: resolveWorkbook(env, cwd),
    settings: resolveTargetSettings(options, env, config),
    debug: Boolean(options.debug),
    language,
  };
}

/** Builds the clients and asks the target who we are; the caller must `clients.destroy()` when done. */
export async function connect(session: Session): Promise<Connection> {
  const clients = createClientFactory(session.settings);
  try {
    return { clients, target: await resolveIdentity(clients) };
  } catch (err) {
    clients.destroy();
    throw err;
  }
}

/** The header of commands that do not contact AWS: what is configured, without an account. */
export function configuredHeader(settings: TargetSettings): string {
  return t('configured.header', { target: describeTarget(settings), region: settings.region ?? t('configured.regionFromAws') });
}
