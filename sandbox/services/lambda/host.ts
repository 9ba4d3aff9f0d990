// The per-sandbox machinery behind Lambda: the pool of warm function processes, ended with the sandbox,
// and the account's concurrency quota.

import type { Sandbox } from '../../sandbox.js';
import { RuntimePool } from '../../runtime/pool.js';
import { ConcurrencyQuota, defaultConcurrencyLimit } from './concurrency.js';

export interface LambdaHost {
  pool: RuntimePool;
  concurrency: ConcurrencyQuota;
}

const hosts = new WeakMap<Sandbox, LambdaHost>();

export function lambdaHost(sandbox: Sandbox): LambdaHost {
  let host = hosts.get(sandbox);
  if (!host) {
    const pool = new RuntimePool();
    host = { pool, concurrency: new ConcurrencyQuota(sandbox.options.lambdaConcurrency ?? defaultConcurrencyLimit()) };
    hosts.set(sandbox, host);
    sandbox.onClose(() => pool.close());
    sandbox.every(30_000, () => pool.reapIdle());
  }
  return host;
}
