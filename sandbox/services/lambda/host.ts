// The per-sandbox machinery behind Lambda: the pool of warm function processes, ended with the sandbox.

import type { Sandbox } from '../../sandbox.js';
import { RuntimePool } from '../../runtime/pool.js';

export interface LambdaHost {
  pool: RuntimePool;
}

const hosts = new WeakMap<Sandbox, LambdaHost>();

export function lambdaHost(sandbox: Sandbox): LambdaHost {
  let host = hosts.get(sandbox);
  if (!host) {
    const pool = new RuntimePool();
    host = { pool };
    hosts.set(sandbox, host);
    sandbox.onClose(() => pool.close());
    sandbox.every(30_000, () => pool.reapIdle());
  }
  return host;
}
