// Listening beyond loopback: the sandbox runs the code of every function it is given, and its default
// keys are public (`test`/`test`), so a sandbox that other machines can reach must check every signature
// against a secret only its users know. Such a start is refused until it does; a secret is generated when
// none is given, and shown once by whoever starts it.

import { randomBytes } from 'node:crypto';
import { isLoopbackHost } from './browser-guard.js';
import { DEFAULT_HOST, SANDBOX_CREDENTIALS, type SandboxOptions } from '../settings.js';

/** Why the sandbox may not listen as `options` ask, or undefined when it may. */
export function exposureProblem(options: Pick<SandboxOptions, 'host' | 'verifySignatures' | 'secretAccessKey'>): string | undefined {
  const host = options.host ?? DEFAULT_HOST;
  if (isLoopbackHost(host)) return undefined;
  if (!options.verifySignatures) {
    return `--host ${host} lets other machines call the sandbox, which runs the code of the functions it is given: add --verify-signatures (a secret is generated and shown if you give none with --secret-access-key).`;
  }
  if (!options.secretAccessKey || options.secretAccessKey === SANDBOX_CREDENTIALS.secretAccessKey) {
    return `--host ${host} needs a secret of its own: the default secret '${SANDBOX_CREDENTIALS.secretAccessKey}' is public. Give one with --secret-access-key, or leave it out to have one generated.`;
  }
  return undefined;
}

/** Whether a start with these options gets a generated secret: off loopback, verifying, and none given. */
export function needsGeneratedSecret(options: Pick<SandboxOptions, 'host' | 'verifySignatures' | 'secretAccessKey'>): boolean {
  return !isLoopbackHost(options.host ?? DEFAULT_HOST) && Boolean(options.verifySignatures) && options.secretAccessKey === undefined;
}

/** 32 random characters, URL-safe, for a sandbox reachable from the network. */
export function generateSecret(): string {
  return randomBytes(24).toString('base64url');
}

export class UnsafeExposureError extends Error {
  readonly code = 'SANDBOX_UNSAFE_EXPOSURE';
}
