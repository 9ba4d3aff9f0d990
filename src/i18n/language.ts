// Which language the workbook speaks: `--lang`, then LAB_LANG, then `lab config set lang`, then the
// system locale (LC_ALL, LC_MESSAGES, LANG starting with `ko` gives Korean), else English.

import { UsageError } from '../errors.js';

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

export function parseLanguage(source: string, value: string): Language {
  const lower = value.toLowerCase();
  if ((LANGUAGES as readonly string[]).includes(lower)) return lower as Language;
  throw new UsageError(`${source}: unknown language "${value}": use ${LANGUAGES.join(' or ')}.`);
}

/** The language of a POSIX locale name (`ko_KR.UTF-8` is Korean); undefined for C/POSIX or none. */
function fromLocale(env: NodeJS.ProcessEnv): Language | undefined {
  // LC_ALL overrides LC_MESSAGES, which overrides LANG; an empty variable counts as unset.
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (!locale) return undefined;
  return locale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function resolveLanguage(flag: string | undefined, env: NodeJS.ProcessEnv, configured: string | undefined): Language {
  if (flag !== undefined) return parseLanguage('--lang', flag);
  if (env.LAB_LANG) return parseLanguage('LAB_LANG', env.LAB_LANG);
  if (configured !== undefined) return parseLanguage('config lang', configured);
  return fromLocale(env) ?? 'en';
}
