// Starts an in-memory sandbox on a free port for one test file, and builds real SDK v3 clients at
// default settings pointed at it.

import { afterAll, beforeAll } from 'vitest';
import { startSandbox, SANDBOX_CREDENTIALS, type RunningSandbox, type SandboxOptions } from '../../sandbox/index.js';

export interface SandboxHandle {
  readonly running: RunningSandbox;
  readonly endpoint: string;
  /** Client config for an SDK v3 client: endpoint, region, the sandbox credentials. Nothing else. */
  config(extra?: { region?: string; accessKeyId?: string; secretAccessKey?: string }): {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  };
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
    config(extra = {}) {
      return {
        endpoint: running!.endpoint,
        region: extra.region ?? 'us-east-1',
        credentials: {
          accessKeyId: extra.accessKeyId ?? SANDBOX_CREDENTIALS.accessKeyId,
          secretAccessKey: extra.secretAccessKey ?? SANDBOX_CREDENTIALS.secretAccessKey,
        },
      };
    },
  };
}
