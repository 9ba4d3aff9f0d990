// Lab 0's saved device identity under the lab home (`.lab/device/`): the certificate, its private key
// and which thing they belong to. Selected when they are the certificate of this account and region,
// deleted (last) with the rest of lab 0; `--keep-device` keeps them with the thing and its certificate.

import { rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CERTIFICATE_FILE, PRIVATE_KEY_FILE, deviceDir, loadDeviceCredentials } from '../../device/credentials.js';
import type { ResetContext } from '../context.js';
import type { Deleter, Discovered, ServiceReset } from '../service.js';

/** What `saveDeviceCredentials` writes besides the two PEM files. */
const IDENTITY_FILE = 'device.json';

async function discover(ctx: ResetContext): Promise<Discovered> {
  const arn = (await loadDeviceCredentials(ctx.home))?.identity?.certificateArn;
  if (!arn?.startsWith(`arn:aws:iot:${ctx.target.region}:${ctx.target.accountId}:cert/`)) return { selected: [] };
  const dir = deviceDir(ctx.home);
  return { selected: [{ kind: 'device-files', name: dir, id: dir, lab: 0, why: [{ via: { key: 'selection.accountCertificate' } }] }] };
}

const deleteFiles: Deleter = async (r) => {
  const dir = r.id!;
  for (const file of [CERTIFICATE_FILE, PRIVATE_KEY_FILE, IDENTITY_FILE]) await rm(join(dir, file), { force: true });
  // The folder goes too when nothing else of the student's is in it.
  await rmdir(dir).catch(() => undefined);
  return { status: 'deleted' };
};

export const deviceFilesReset: ServiceReset = { service: 'local', stage: 1, discover, deleters: { 'device-files': deleteFiles } };
