// The message catalogue: every key in both languages with the same placeholders, each filled when
// rendered, and the language chosen the documented way.

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookup, namespaces, resolveLanguage, useLanguage } from '../../src/i18n/index.js';

// Areas that define their own messages register them when loaded: every lab's checks and builders, and
// each part of the CLI with words of its own (its `messages.ts`, such as src/reset/messages.ts), and the solutions'.
const checkModules = (dir: string) => readdirSync(new URL(`../../${dir}/`, import.meta.url)).filter((f) => f.endsWith('.ts')).map((f) => `../../${dir}/${f}`);
const areaMessages = (readdirSync(new URL('../../src/', import.meta.url), { recursive: true }) as string[])
  .filter((f) => f.replaceAll('\\', '/').endsWith('/messages.ts'))
  .map((f) => `../../src/${f.replaceAll('\\', '/')}`);
for (const module of [...checkModules('checks'), ...checkModules('checks/lib'), ...areaMessages, '../../solutions/lib/messages.ts']) await import(module);

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, p: string) => values[p]!);

describe.each([...namespaces.keys()])('message catalogue %s', (namespace) => {
  const english = leaves(namespaces.get(namespace)!.en as Tree);
  const korean = leaves(namespaces.get(namespace)!.ko as Tree);
  const render = (key: string, values: Record<string, string>) => lookup(namespace, key, values);

  it('has every key in both languages, and no English left in the Korean', () => {
    expect([...korean.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of korean) {
      // A Korean message carries Hangul unless it is only a symbol, a command or placeholders.
      if (/[A-Za-z]{4,}/.test(text.replace(/`[^`]*`|\{\{\w+\}\}|[A-Z]{2,}\w*|Kinesis|Lambda|DynamoDB|IoT|Firehose|Glue|Athena|API Gateway|CloudWatch/g, ''))) {
        expect.soft(text, key).toMatch(/[\uac00-\ud7a3]/);
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of english) expect(placeholders(korean.get(key)!), key).toEqual(placeholders(text));
  });

  it('fills every placeholder when rendered, in both languages', () => {
    for (const language of ['en', 'ko'] as const) {
      useLanguage(language);
      for (const [key, text] of english) {
        const values = Object.fromEntries(placeholders(text).map((p) => [p, `<${p}>`]));
        const rendered = render(key, values);
        expect(rendered, `${language} ${key}`).toBe(fill(language === 'en' ? text : korean.get(key)!, values));
        // Values go in as they are: no HTML escaping in a terminal.
        if (placeholders(text).length) expect(render(key, Object.fromEntries(placeholders(text).map((p) => [p, 'a<b>&"c']))), key).toContain('a<b>&"c');
      }
    }
    useLanguage('en');
  });
});

describe('the workbook language', () => {
  it('comes from --lang, then LAB_LANG, then the config, then the system locale', () => {
    expect(resolveLanguage('ko', { LAB_LANG: 'en' }, 'en')).toBe('ko');
    expect(resolveLanguage(undefined, { LAB_LANG: 'ko', LANG: 'en_US.UTF-8' }, 'en')).toBe('ko');
    expect(resolveLanguage(undefined, { LANG: 'en_US.UTF-8' }, 'ko')).toBe('ko');
    expect(resolveLanguage(undefined, { LANG: 'ko_KR.UTF-8' }, undefined)).toBe('ko');
    expect(resolveLanguage(undefined, { LC_ALL: 'en_GB.UTF-8', LANG: 'ko_KR.UTF-8' }, undefined)).toBe('en');
    expect(resolveLanguage(undefined, { LC_ALL: '', LC_MESSAGES: 'ko_KR', LANG: 'C' }, undefined)).toBe('ko');
    expect(resolveLanguage(undefined, {}, undefined)).toBe('en');
    expect(resolveLanguage(undefined, { LANG: 'C.UTF-8' }, undefined)).toBe('en');
  });

  it('refuses an unknown language with the ones there are', () => {
    expect(() => resolveLanguage('fr', {}, undefined)).toThrow('--lang: unknown language "fr": use en or ko.');
    expect(() => resolveLanguage(undefined, { LAB_LANG: 'jp' }, undefined)).toThrow('LAB_LANG: unknown language "jp": use en or ko.');
  });
});
