// NextToken for ListStreams and ListShards: opaque base64 of where the page ended and when it was
// issued; AWS lets a token live 300 seconds.

import { expiredNextToken, invalidNextToken } from './errors.js';

export interface PageToken {
  after: string;
  /** ListShards: the stream the token pages through, and its creation time. */
  stream?: string;
  createdAt?: number;
  issuedAt: number;
}

const TOKEN_TTL_MS = 300_000;

export function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token), 'utf8').toString('base64');
}

export function decodeToken(text: string, now: number): PageToken {
  let token: PageToken;
  try {
    token = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as PageToken;
  } catch {
    throw invalidNextToken();
  }
  if (!token || typeof token.after !== 'string' || typeof token.issuedAt !== 'number') throw invalidNextToken();
  if (now - token.issuedAt > TOKEN_TTL_MS) throw expiredNextToken();
  return token;
}
