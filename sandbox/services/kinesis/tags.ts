// Tag rules Kinesis applies beyond the model's lengths, in AWS's order: first the character set every
// AWS tagging API shares (keys and values), then Kinesis's own narrower set, which also refuses '%';
// and at most 50 tags a stream.

import { illegalTagCharacters, invalidTagCharacters, tooManyTags, type StreamRef } from './errors.js';

export const MAX_TAGS = 50;
const TAGGING_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@%]*$/u;
const KINESIS_CHARS = /^[^%]*$/u;

function checkCharacters(ref: StreamRef, texts: string[], action: 'add' | 'remove'): void {
  if (texts.some((t) => !TAGGING_CHARS.test(t))) throw invalidTagCharacters();
  if (texts.some((t) => !KINESIS_CHARS.test(t))) throw illegalTagCharacters(ref, action);
}

export function checkTagKeys(ref: StreamRef, keys: string[], action: 'add' | 'remove'): void {
  checkCharacters(ref, keys, action);
}

export function checkTags(ref: StreamRef, tags: Record<string, string>): void {
  checkCharacters(ref, [...Object.keys(tags), ...Object.values(tags)], 'add');
}

export function mergeTags(ref: StreamRef, current: Record<string, string>, added: Record<string, string>): Record<string, string> {
  const merged = { ...current, ...added };
  if (Object.keys(merged).length > MAX_TAGS) throw tooManyTags(ref);
  return merged;
}
