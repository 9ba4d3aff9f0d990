// Opens the device's MQTT connection: mutual TLS with its own certificate and key, verifying the
// server against the target's trust anchor. A refused connection is explained in the student's terms.

import { isIP } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import type { MqttEndpoint } from './endpoint.js';
import { td } from './messages.js';

export interface ConnectOptions {
  endpoint: MqttEndpoint;
  clientId: string;
  certificatePem: string;
  privateKeyPem: string;
  caPem: string;
  connectTimeoutMs?: number;
}

export class DeviceConnectionError extends Error {
  override readonly name = 'DeviceConnectionError';
  constructor(
    message: string,
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export async function connectDevice(options: ConnectOptions): Promise<MqttClient> {
  const { endpoint } = options;
  try {
    return await mqtt.connectAsync({
      protocol: 'mqtts',
      host: endpoint.host,
      port: endpoint.port,
      // SNI: AWS IoT picks the account's endpoint (and its certificate) by server name; an IP address is no server name.
      ...(isIP(endpoint.host) ? {} : { servername: endpoint.host }),
      clientId: options.clientId,
      cert: options.certificatePem,
      key: options.privateKeyPem,
      ca: options.caPem,
      rejectUnauthorized: true,
      protocolVersion: 4,
      clean: true,
      keepalive: 30,
      // Reconnecting on our own would hide a refusal from the student; a failure ends the run with its reason.
      reconnectPeriod: 0,
      connectTimeout: options.connectTimeoutMs ?? 10_000,
    });
  } catch (err) {
    throw explainRefusal(err, options);
  }
}

function explainRefusal(err: unknown, options: ConnectOptions): DeviceConnectionError {
  const where = `${options.endpoint.host}:${options.endpoint.port}`;
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown }).code;
  if (code === 'ECONNREFUSED') {
    return new DeviceConnectionError(td('connection.refused', { where }), td('connection.refusedHint'), { cause: err });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new DeviceConnectionError(td('connection.unresolved', { host: options.endpoint.host }), td('connection.unresolvedHint'), { cause: err });
  }
  if (/self[- ]signed|unable to verify|unable to get local issuer|certificate has expired|altnames/i.test(message)) {
    return new DeviceConnectionError(td('connection.untrusted', { where, message }), td('connection.untrustedHint'), { cause: err });
  }
  if (/not authori[sz]ed|bad user ?name or password|identifier rejected/i.test(message) || code === 5 || code === 135) {
    return new DeviceConnectionError(td('connection.clientRefused', { clientId: options.clientId, message }), refusalHint(options.clientId), { cause: err });
  }
  // AWS IoT closes the TLS session without a CONNACK when the certificate is unknown or inactive, or the policy denies Connect.
  return new DeviceConnectionError(td('connection.closedEarly', { where, clientId: options.clientId, message }), refusalHint(options.clientId), { cause: err });
}

function refusalHint(clientId: string): string {
  return td('connection.refusalHint', { clientId });
}
