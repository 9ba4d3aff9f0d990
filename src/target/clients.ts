// The one AWS client factory: every client of the workbook is built here from a target, so no check,
// solution or tool knows which target it runs against.

import type { TargetSettings } from './target.js';
import { LOCAL_CREDENTIALS } from './local.js';

// SDK v3 client classes all take one config object; their exact config types differ per service.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ClientConstructor<C> = new (config: any) => C;

export interface ClientFactory {
  readonly settings: TargetSettings;
  /** One client per class, cached: `ctx.clients.get(KinesisClient)`. */
  get<C>(ctor: ClientConstructor<C>): C;
  /** Closes the clients' connections so the process can exit promptly. */
  destroy(): void;
}

/** The config every client gets: adaptive retries, otherwise the SDK's defaults. */
export function clientConfig(settings: TargetSettings): Record<string, unknown> {
  const common = { retryMode: 'adaptive' };
  const identity = settings.credentials ? { credentials: settings.credentials } : settings.profile ? { profile: settings.profile } : undefined;
  if (settings.kind === 'local') {
    return { ...common, region: settings.region, endpoint: settings.endpoint, ...(identity ?? { credentials: { ...LOCAL_CREDENTIALS } }) };
  }
  return {
    ...common,
    ...(settings.region ? { region: settings.region } : {}),
    ...identity,
  };
}

export function createClientFactory(settings: TargetSettings): ClientFactory {
  const cache = new Map<ClientConstructor<unknown>, unknown>();
  const config = clientConfig(settings);
  return {
    settings,
    get<C>(ctor: ClientConstructor<C>): C {
      let client = cache.get(ctor) as C | undefined;
      if (!client) {
        client = new ctor({ ...config });
        cache.set(ctor, client);
      }
      return client;
    },
    destroy() {
      for (const client of cache.values()) (client as { destroy?: () => void }).destroy?.();
      cache.clear();
    },
  };
}

/** A single client without a factory around it, for one-off tools. */
export function createClient<C>(settings: TargetSettings, ctor: ClientConstructor<C>): C {
  return new ctor(clientConfig(settings));
}
