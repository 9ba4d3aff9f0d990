// What a device needs from the target, besides the endpoint host IoT's DescribeEndpoint gives: the
// certificate authority to trust and, where it is not MQTT's 8883, the port. Only the target layer
// knows where those come from: Amazon Root CA 1 (shipped in assets/) and 8883 for `aws`; the sandbox's
// own CA (/_sandbox/iot/ca.pem) and broker port (/_sandbox/status) for `local`. `--ca FILE` overrides.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvironmentError } from '../errors.js';
import type { TargetSettings } from './target.js';
import { t } from '../i18n/index.js';

export const AMAZON_ROOT_CA_FILE = 'AmazonRootCA1.pem';

const here = dirname(fileURLToPath(import.meta.url));

/** assets/ sits at the package root: two levels up from src/target, three from dist/src/target. */
function amazonRootCaPath(): string | undefined {
  return [join(here, '..', '..', 'assets', AMAZON_ROOT_CA_FILE), join(here, '..', '..', '..', 'assets', AMAZON_ROOT_CA_FILE)].find((p) => existsSync(p));
}

export interface IotDeviceAccess {
  caPem: string;
  /** The MQTT over TLS port when it is not the one in the endpoint address (or 8883). */
  port?: number;
}

export async function iotDeviceAccess(settings: TargetSettings, options: { caFile?: string; signal?: AbortSignal } = {}): Promise<IotDeviceAccess> {
  const port = settings.kind === 'local' ? await sandboxMqttsPort(settings.endpoint!, options.signal) : undefined;
  return { caPem: await trustAnchor(settings, options.caFile, options.signal), port };
}

async function trustAnchor(settings: TargetSettings, caFile?: string, signal?: AbortSignal): Promise<string> {
  if (caFile) return readCa(caFile, 'the file given with --ca');
  if (settings.kind === 'local') return fetchSandboxCa(settings.endpoint!, signal);
  const file = amazonRootCaPath();
  if (!file) {
    throw new EnvironmentError(
      t('environment.rootCaMissing', { file: AMAZON_ROOT_CA_FILE }),
      t('environment.rootCaMissingHint'),
    );
  }
  return readCa(file, `assets/${AMAZON_ROOT_CA_FILE}`);
}

async function readCa(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    throw new EnvironmentError(t('environment.caUnreadable', { what, file, message: (err as Error).message }), undefined, { cause: err });
  }
}

async function sandboxGet(endpoint: string, path: string, signal?: AbortSignal): Promise<string> {
  const url = `${endpoint}${path}`;
  let res: Response;
  try {
    res = await fetch(url, { signal: signal ?? AbortSignal.timeout(5_000) });
  } catch (err) {
    throw new EnvironmentError(t('environment.sandboxSilent', { endpoint }), t('environment.sandboxSilentHint'), { cause: err });
  }
  if (!res.ok) throw new EnvironmentError(t('environment.noIot', { endpoint, url, status: res.status }), t('environment.noIotHint'));
  return res.text();
}

function fetchSandboxCa(endpoint: string, signal?: AbortSignal): Promise<string> {
  return sandboxGet(endpoint, '/_sandbox/iot/ca.pem', signal);
}

/** The broker's TLS port, from the status document (`"mqtts": "mqtts://host:port …"`). */
async function sandboxMqttsPort(endpoint: string, signal?: AbortSignal): Promise<number | undefined> {
  const status = JSON.parse(await sandboxGet(endpoint, '/_sandbox/status', signal)) as { mqtts?: unknown };
  const match = typeof status.mqtts === 'string' ? /^mqtts:\/\/[^\s]*:(\d+)/.exec(status.mqtts) : null;
  return match ? Number(match[1]) : undefined;
}
