// Starts an in-memory sandbox on a free port for one test file, and builds real SDK v3 clients at
// default settings pointed at it.

import { afterAll, beforeAll } from 'vitest';
import { startSandbox, SANDBOX_CREDENTIALS, type RunningSandbox, type SandboxOptions } from '../../sandbox/index.js';

export interface ClientConfigExtra {
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export interface ClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** Client config for an SDK v3 client of the sandbox at `endpoint`: endpoint, region, the sandbox credentials. Nothing else. */
export function clientConfig(endpoint: string, extra: ClientConfigExtra = {}): ClientConfig {
  return {
    endpoint,
    region: extra.region ?? 'us-east-1',
    credentials: {
      accessKeyId: extra.accessKeyId ?? SANDBOX_CREDENTIALS.accessKeyId,
      secretAccessKey: extra.secretAccessKey ?? SANDBOX_CREDENTIALS.secretAccessKey,
    },
  };
}

export interface SandboxHandle {
  readonly running: RunningSandbox;
  readonly endpoint: string;
  /** clientConfig() for this sandbox. */
  config(extra?: ClientConfigExtra): ClientConfig;
}

export function useSandbox(options: SandboxOptions = {}): SandboxHandle {
  let running: RunningSandbox | undefined;
  beforeAll(async () => {
    running = await startSandbox({ port: 0, inMemory: true, verbose: false, ...options });
  });
  afterAll(async () => {
    await running?.stop();
  });
  return {
    get running() {
      return running!;
    },
    get endpoint() {
      return running!.endpoint;
    },
    config(extra) {
      return clientConfig(running!.endpoint, extra);
    },
  };
}
