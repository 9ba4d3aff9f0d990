// The embedded local AWS: `startSandbox()` opens its state, starts its services and listens on one
// port; `stop()` shuts it down cleanly. Used by `lab sandbox start` and by every test.

import { Sandbox } from './sandbox.js';
import { createDispatcher } from './edge/dispatch.js';
import { startEdgeServer } from './edge/server.js';
import { serviceModules } from './services/registry.js';
import { DEFAULT_HOST, DEFAULT_PORT, type SandboxOptions } from './settings.js';
import { checkStores } from './store/startup-check.js';
import { exposureProblem, UnsafeExposureError } from './edge/exposure.js';

export { SANDBOX_CREDENTIALS, DEFAULT_REGION, DEFAULT_PORT, DEFAULT_DATA_DIR } from './settings.js';
export type { SandboxOptions } from './settings.js';
export { Sandbox } from './sandbox.js';
export { ManualClock } from './edge/clock.js';

export interface RunningSandbox {
  endpoint: string;
  port: number;
  sandbox: Sandbox;
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const exposure = exposureProblem(options);
  if (exposure) throw new UnsafeExposureError(exposure);
  const sandbox = new Sandbox(options);
  try {
    await checkStores(sandbox);
  } catch (err) {
    await sandbox.close();
    throw err;
  }
  for (const module of serviceModules) await module.start?.(sandbox);
  const services = serviceModules.map((m) => m.service);
  sandbox.adminRoutes.set('/_sandbox/health', () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"running"}' }));
  sandbox.adminRoutes.set('/_sandbox/status', () => ({
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      endpoint: sandbox.endpoint,
      pid: process.pid,
      dataDir: sandbox.dataDir,
      services: services.map((s) => ({ name: s.name, operations: s.operations.length })),
      ...sandbox.log.summary(),
      ...sandbox.statusExtras(),
    }),
  }));
  const host = options.host ?? DEFAULT_HOST;
  let edge;
  try {
    edge = await startEdgeServer(createDispatcher(sandbox, services), { port: options.port ?? DEFAULT_PORT, host, connectionTimeoutMs: options.connectionTimeoutMs });
  } catch (err) {
    await sandbox.close();
    throw err;
  }
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  sandbox.endpoint = `http://${shownHost}:${edge.port}`;
  let stopped: Promise<void> | undefined;
  return {
    endpoint: sandbox.endpoint,
    port: edge.port,
    sandbox,
    stop: () =>
      (stopped ??= (async () => {
        await edge.close();
        await sandbox.close();
      })()),
  };
}
