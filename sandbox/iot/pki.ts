// The sandbox's own certificate authority: created on first start (kept in the data directory, or in
// memory per sandbox), it signs device certificates for CreateKeysAndCertificate and the broker's TLS
// server certificate. Keys come from Node's native RSA generator; node-forge builds the X.509, Node signs it.

import { createHash, randomBytes, sign as cryptoSign, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import forge from 'node-forge';
import { rsaKeys, type RsaKeys } from './rsa-keys.js';

export interface CertificateAuthority {
  certPem: string;
  keyPem: string;
  /** Where the CA certificate is on disk (undefined for an in-memory sandbox). */
  certPath?: string;
}

export interface IssuedCertificate {
  certificatePem: string;
  certificateId: string;
  publicKeyPem: string;
  privateKeyPem: string;
  validFrom: number;
  validTo: number;
}

const CA_SUBJECT = [
  { name: 'commonName', value: 'IoT Pipeline Labs Sandbox CA' },
  { name: 'organizationName', value: 'iot-pipeline-labs sandbox' },
];
/** AWS's device certificates say who issued them in the subject and expire at the end of 2049. */
const DEVICE_SUBJECT = [{ name: 'commonName', value: 'AWS IoT Certificate' }];
const DEVICE_NOT_AFTER = Date.UTC(2049, 11, 31, 23, 59, 59);
const DAY = 24 * 3600 * 1000;

/** A positive serial number of 16 random bytes, as hex. */
const serialNumber = () => (randomBytes(16)[0] & 0x7f).toString(16).padStart(2, '0') + randomBytes(15).toString('hex');

interface CertSpec {
  subject: forge.pki.CertificateField[];
  publicKeyPem: string;
  notBefore: number;
  notAfter: number;
  extensions: object[];
}

/** forge has it at run time; its type definitions leave it out. */
interface ForgeTbs {
  getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1;
}

function sign(spec: CertSpec, issuer: { subject: forge.pki.CertificateField[]; keyPem: string }): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(spec.publicKeyPem);
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = new Date(spec.notBefore);
  cert.validity.notAfter = new Date(spec.notAfter);
  cert.setSubject(spec.subject);
  cert.setIssuer(issuer.subject);
  cert.setExtensions(spec.extensions);
  // Signed by Node's native RSA: forge's pure-JS signature took a fifth of a second of the sandbox's start.
  cert.siginfo.algorithmOid = cert.signatureOid = forge.pki.oids.sha256WithRSAEncryption;
  const tbs = forge.asn1.toDer((forge.pki as unknown as ForgeTbs).getTBSCertificate(cert)).getBytes();
  cert.signature = cryptoSign('sha256', Buffer.from(tbs, 'binary'), issuer.keyPem).toString('binary');
  return forge.pki.certificateToPem(cert);
}

function subjectOf(certPem: string): forge.pki.CertificateField[] {
  return forge.pki.certificateFromPem(certPem).subject.attributes;
}

/** AWS's certificate id: the SHA-256 of the certificate's DER bytes, in hex. */
export function certificateIdOf(certPem: string): string {
  return createHash('sha256').update(new X509Certificate(certPem).raw).digest('hex');
}

async function createCa(): Promise<CertificateAuthority> {
  const keys = await rsaKeys();
  const now = Date.now();
  const certPem = sign(
    {
      subject: CA_SUBJECT,
      publicKeyPem: keys.publicKeyPem,
      notBefore: now - DAY,
      notAfter: now + 20 * 365 * DAY,
      extensions: [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        { name: 'subjectKeyIdentifier' },
      ],
    },
    { subject: CA_SUBJECT, keyPem: keys.privateKeyPem },
  );
  return { certPem, keyPem: keys.privateKeyPem };
}

/** The CA kept under `<dataDir>/iot/`, created there the first time; a fresh one in memory without a data directory. */
export async function loadOrCreateCa(dataDir: string | null): Promise<CertificateAuthority> {
  if (!dataDir) return createCa();
  const dir = join(dataDir, 'iot');
  const certPath = join(dir, 'ca.pem');
  const keyPath = join(dir, 'ca-key.pem');
  if (existsSync(certPath) && existsSync(keyPath)) {
    return { certPem: readFileSync(certPath, 'utf8'), keyPem: readFileSync(keyPath, 'utf8'), certPath };
  }
  const ca = await createCa();
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyPath, ca.keyPem, { mode: 0o600 });
  writeFileSync(certPath, ca.certPem);
  return { ...ca, certPath };
}

/** A device certificate and key pair, as CreateKeysAndCertificate returns them. */
export async function issueDeviceCertificate(ca: CertificateAuthority, now: number): Promise<IssuedCertificate> {
  const keys = await rsaKeys();
  // Valid from a minute earlier so a client whose clock lags a little still accepts it.
  const validFrom = now - 60_000;
  const certificatePem = sign(
    {
      subject: DEVICE_SUBJECT,
      publicKeyPem: keys.publicKeyPem,
      notBefore: validFrom,
      notAfter: DEVICE_NOT_AFTER,
      extensions: [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', clientAuth: true },
      ],
    },
    { subject: subjectOf(ca.certPem), keyPem: ca.keyPem },
  );
  return { certificatePem, certificateId: certificateIdOf(certificatePem), ...keys, validFrom, validTo: DEVICE_NOT_AFTER };
}

/** The broker's TLS certificate, valid for every name a client may dial (127.0.0.1, localhost, the endpoint host). */
export function issueServerCertificate(ca: CertificateAuthority, hosts: string[], keys: RsaKeys): { certPem: string; keyPem: string } {
  const now = Date.now();
  const altNames = [...new Set(hosts)].map((h) => (isIP(h) ? { type: 7, ip: h } : { type: 2, value: h }));
  const certPem = sign(
    {
      subject: [{ name: 'commonName', value: hosts[0] }],
      publicKeyPem: keys.publicKeyPem,
      notBefore: now - DAY,
      notAfter: now + 365 * DAY,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames },
      ],
    },
    { subject: subjectOf(ca.certPem), keyPem: ca.keyPem },
  );
  return { certPem, keyPem: keys.privateKeyPem };
}

/** Validity of a certificate someone brings (RegisterCertificateWithoutCA), or undefined if it is not one. */
export function readCertificate(certPem: string): { certificateId: string; validFrom: number; validTo: number } | undefined {
  try {
    const cert = new X509Certificate(certPem);
    return { certificateId: createHash('sha256').update(cert.raw).digest('hex'), validFrom: Date.parse(cert.validFrom), validTo: Date.parse(cert.validTo) };
  } catch {
    return undefined;
  }
}
