// Where the lab 0 device's identity lives: `.lab/device/` holds its certificate, private key and which
// thing they belong to. The reference solution writes it, `lab device` and the checks read it.

import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface DeviceIdentity {
  thingName: string;
  certificateArn: string;
  certificateId: string;
}

export interface DeviceCredentials {
  identity?: DeviceIdentity;
  certificatePem: string;
  privateKeyPem: string;
}

export function deviceDir(home: string): string {
  return join(home, 'device');
}

/** Named as the IoT console names its downloads, so a student can drop them in as they are. */
export const CERTIFICATE_FILE = 'certificate.pem.crt';
export const PRIVATE_KEY_FILE = 'private.pem.key';
const IDENTITY_FILE = 'device.json';

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** The saved credentials, or undefined when the certificate or the key file is missing. */
export async function loadDeviceCredentials(home: string): Promise<DeviceCredentials | undefined> {
  const dir = deviceDir(home);
  const [certificatePem, privateKeyPem, identity] = await Promise.all([
    readOptional(join(dir, CERTIFICATE_FILE)),
    readOptional(join(dir, PRIVATE_KEY_FILE)),
    readOptional(join(dir, IDENTITY_FILE)),
  ]);
  if (!certificatePem || !privateKeyPem) return undefined;
  return { certificatePem, privateKeyPem, identity: identity ? (JSON.parse(identity) as DeviceIdentity) : undefined };
}

export async function saveDeviceCredentials(home: string, credentials: Required<DeviceCredentials>): Promise<void> {
  const dir = deviceDir(home);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, CERTIFICATE_FILE), credentials.certificatePem);
  // The private key is a secret: readable by its owner only.
  await writeFile(join(dir, PRIVATE_KEY_FILE), credentials.privateKeyPem, { mode: 0o600 });
  await chmod(join(dir, PRIVATE_KEY_FILE), 0o600);
  await writeFile(join(dir, IDENTITY_FILE), JSON.stringify(credentials.identity, null, 2) + '\n');
}

/** Certificates compare by their base64 body: line breaks and trailing newlines differ between tools. */
export function samePem(a: string | undefined, b: string | undefined): boolean {
  const body = (pem: string | undefined) => (pem ?? '').replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  return body(a) !== '' && body(a) === body(b);
}
