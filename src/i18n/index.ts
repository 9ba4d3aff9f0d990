// Every text the workbook shows a person goes through `t(key, values)`: one catalogue per language with
// typed keys (a key missing from a translation does not compile) and {{placeholder}} interpolation.
// The CLI's own words live in en.ts/ko.ts; an area with many words of its own (a lab's checks) adds a
// namespace with defineMessages(), English and Korean side by side, and gets a `t` typed for it.
// i18next does the lookup, interpolation, fallback to English and Korean/English plural rules; it is the
// ecosystem's most used and maintained i18n library and needs no build step. Version 25: the last line
// that runs on Node 20.

import i18next, { type TFunction } from 'i18next';
import { en, type Catalogue } from './en.js';
import { ko } from './ko.js';
import type { Language } from './language.js';

export { resolveLanguage, parseLanguage, LANGUAGES, type Language } from './language.js';

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en }, ko: { translation: ko } },
  // Terminal text, not HTML: values go in as they are.
  interpolation: { escapeValue: false },
  returnNull: false,
  // A library's advertisement has no place in a student's terminal.
  showSupportNotice: false,
});

let current: Language = 'en';

/** Switches every later `t()` to `language`. */
export function useLanguage(language: Language): void {
  current = language;
  void i18n.changeLanguage(language);
}

export function language(): Language {
  return current;
}

type Leaves<T, P extends string = ''> = { [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`> }[keyof T & string];
/** Every key of the catalogue, `report.score`, `list.columns.lab`, ... */
export type MessageKey = Leaves<typeof en>;

/**
 * Untyped lookup in a namespace, in the current language or in `inLanguage` (machine formats keep English
 * whatever the workbook speaks); the typed `t` functions go through it.
 */
export function lookup(namespace: string, key: string, values: Record<string, string | number> = {}, inLanguage?: Language): string {
  return (i18n.t as TFunction)(key, { ...values, ns: namespace, ...(inLanguage ? { lng: inLanguage } : {}) }) as string;
}

export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return lookup('translation', key, values);
}

/** Every catalogue registered so far, by namespace: what the catalogue tests walk. */
export const namespaces = new Map<string, { en: object; ko: object }>([['translation', { en, ko }]]);

/**
 * Registers an area's messages in both languages and returns its typed `t`. A key missing from the
 * Korean catalogue, or one it has that English lacks, does not compile.
 */
export function defineMessages<T extends object>(
  namespace: string,
  english: T,
  korean: Catalogue<T>,
): (key: Leaves<T>, values?: Record<string, string | number>, inLanguage?: Language) => string {
  if (namespaces.has(namespace)) throw new Error(`message namespace ${namespace} is defined twice`);
  namespaces.set(namespace, { en: english, ko: korean });
  i18n.addResourceBundle('en', namespace, english);
  i18n.addResourceBundle('ko', namespace, korean);
  return (key, values = {}, inLanguage) => lookup(namespace, key, values, inLanguage);
}

/**
 * A message kept as its key and values until it is shown, for what a report stores: a person reads it in
 * the workbook's language, a machine format in English. A value may be a message itself, or a list of
 * them (joined by commas).
 */
export interface StoredMessage<K extends string> {
  key: K;
  values?: Record<string, string | number | StoredMessage<K> | StoredMessage<K>[]>;
}

type AreaText<K extends string> = (key: K, values?: Record<string, string | number>, inLanguage?: Language) => string;

/** How an area's stored messages are shown, through its typed `t`: in the workbook's language (or `inLanguage`), or in English. */
export function storedMessages<K extends string>(text: AreaText<K>) {
  const say = (message: StoredMessage<K>, inLanguage?: Language): string => {
    const values = Object.fromEntries(
      Object.entries(message.values ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map((m) => say(m, inLanguage)).join(', ') : typeof v === 'object' ? say(v, inLanguage) : v]),
    );
    return text(message.key, values, inLanguage);
  };
  return { say, inEnglish: (message: StoredMessage<K>) => say(message, 'en') };
}
