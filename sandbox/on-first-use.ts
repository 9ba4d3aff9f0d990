// Libraries only some requests need (CBOR, the XML reader, S3's CRCs, unzip) are loaded by the first such
// request, not at start: the sandbox answers its first call within a second, and loading these up front
// cost a third of that. They ship CommonJS builds, so the first use can load them synchronously.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A getter that loads `specifier` the first time it is called. */
export function onFirstUse<T>(specifier: string): () => T {
  let library: T | undefined;
  return () => (library ??= require(specifier) as T);
}
