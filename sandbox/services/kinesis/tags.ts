// Tag rules Kinesis applies beyond the model's lengths: allowed characters and at most 50 tags a stream.

import { illegalTagCharacters, illegalTagValueCharacters, tooManyTags, type StreamRef } from './errors.js';

export const MAX_TAGS = 50;
const KEY_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const VALUE_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@%]*$/u;

export function checkTagKeys(ref: StreamRef, keys: string[], action: 'add' | 'remove'): void {
  if (keys.some((k) => !KEY_CHARS.test(k))) throw illegalTagCharacters(ref, action);
}

export function checkTags(ref: StreamRef, tags: Record<string, string>): void {
  checkTagKeys(ref, Object.keys(tags), 'add');
  if (Object.values(tags).some((v) => !VALUE_CHARS.test(v))) throw illegalTagValueCharacters();
}

export function mergeTags(ref: StreamRef, current: Record<string, string>, added: Record<string, string>): Record<string, string> {
  const merged = { ...current, ...added };
  if (Object.keys(merged).length > MAX_TAGS) throw tooManyTags(ref);
  return merged;
}
