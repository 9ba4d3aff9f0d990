// RSA 2048 key pairs for the sandbox's CA, its broker's TLS certificate and devices' certificates. A key
// takes 50-500 ms on libuv's thread pool, so the sandbox process asks for the keys of its start before it
// loads its modules, and they are ready by the time IoT Core starts.

import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';

const generateKeyPairAsync = promisify(generateKeyPair);

export interface RsaKeys {
  publicKeyPem: string;
  privateKeyPem: string;
}

const prefetched: Promise<RsaKeys>[] = [];

async function generate(): Promise<RsaKeys> {
  const { publicKey, privateKey } = await generateKeyPairAsync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

/** Starts making `count` key pairs now, for later rsaKeys() calls to take. */
export function prefetchRsaKeys(count: number): void {
  for (let i = 0; i < count; i++) {
    const keys = generate();
    keys.catch(() => {}); // a failure surfaces to whoever takes it
    prefetched.push(keys);
  }
}

/** A fresh RSA 2048 key pair: a prefetched one if any is left, else made now. */
export function rsaKeys(): Promise<RsaKeys> {
  return prefetched.shift() ?? generate();
}
