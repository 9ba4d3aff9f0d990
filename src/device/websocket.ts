// Listening to IoT as the student rather than as the device: MQTT over WebSocket, the URL presigned with
// SigV4 with the target's own credentials (service `iotdevicegateway`, the target's region), as AWS IoT
// Core offers it on `wss://<ats-endpoint>/mqtt` and the sandbox on its own endpoint. The device's
// policy plays no part, so a listener never needs, nor takes over, the device's client id.

import { IoTClient } from '@aws-sdk/client-iot';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import { MqttClient } from 'mqtt';
import type { Duplex } from 'node:stream';
import WebSocket, { createWebSocketStream } from 'ws';
import type { ClientFactory } from '../target/clients.js';
import { DeviceConnectionError } from './connection.js';
import { td } from './messages.js';

export const MQTT_SIGNING_NAME = 'iotdevicegateway';
/** How long a presigned URL stays good: only the connection's opening uses it. */
const URL_LIFETIME_S = 300;

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * `url` with SigV4 query authentication. AWS IoT wants the session token appended after signing, not
 * signed, so it is left out of the signature and added afterwards.
 */
export async function presignMqttUrl(url: URL, credentials: SigningCredentials, region: string, signingDate = new Date()): Promise<URL> {
  const { sessionToken, ...longTerm } = credentials;
  const signer = new SignatureV4({ service: MQTT_SIGNING_NAME, region, credentials: longTerm, sha256: Hash.bind(null, 'sha256') });
  const signed = await signer.presign(
    { method: 'GET', protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined, path: url.pathname, query: {}, headers: { host: url.host } },
    { expiresIn: URL_LIFETIME_S, signingDate },
  );
  const presigned = new URL(url.href);
  for (const [name, value] of Object.entries(signed.query ?? {})) presigned.searchParams.set(name, String(value));
  if (sessionToken) presigned.searchParams.set('X-Amz-Security-Token', sessionToken);
  return presigned;
}

/** The URL without its signature, for evidence and messages. */
export const shownUrl = (url: URL) => `${url.protocol}//${url.host}${url.pathname}`;

export interface CallerConnectOptions {
  clients: ClientFactory;
  url: URL;
  clientId: string;
  connectTimeoutMs?: number;
}

/** Connects with the client factory's own credentials and region, whatever the target. */
export async function connectAsCaller(options: CallerConnectOptions): Promise<MqttClient> {
  const iot = options.clients.get(IoTClient);
  const [credentials, region] = await Promise.all([iot.config.credentials(), iot.config.region()]);
  const url = await presignMqttUrl(options.url, credentials, region);
  try {
    return await connectOverWebSocket(url, options.clientId, options.connectTimeoutMs);
  } catch (err) {
    throw explainCallerRefusal(err, options);
  }
}

/** An HTTP answer other than 101 to the WebSocket upgrade (AWS IoT answers 403 to a bad signature). */
export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(td('websocket.upgradeRefused', { status }));
  }
}

function openWebSocket(url: URL, timeoutMs: number): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'mqtt', { handshakeTimeout: timeoutMs });
    socket.once('open', () => resolve(createWebSocketStream(socket)));
    socket.once('unexpected-response', (req, res) => {
      reject(new UpgradeRefused(res.statusCode ?? 0));
      req.destroy();
    });
    socket.once('error', reject);
  });
}

/**
 * MQTT 3.1.1 over a WebSocket to `url` (already signed). The socket is opened here rather than by
 * mqtt.js so that a refused upgrade rejects with its status instead of a silent close.
 */
export async function connectOverWebSocket(url: URL, clientId: string, timeoutMs = 10_000): Promise<MqttClient> {
  const stream = await openWebSocket(url, timeoutMs);
  // A refusal must reach the caller, not be retried out of sight.
  const client = new MqttClient(() => stream, { protocolVersion: 4, clientId, clean: true, keepalive: 30, reconnectPeriod: 0, connectTimeout: timeoutMs });
  return new Promise((resolve, reject) => {
    const settle = (err?: Error) => {
      client.off('connect', onConnect).off('error', settle).off('close', onClose);
      if (!err) return resolve(client);
      client.end(true);
      reject(err);
    };
    const onConnect = () => settle();
    const onClose = () => settle(new Error(td('websocket.closedUnaccepted')));
    client.once('connect', onConnect).once('error', settle).once('close', onClose);
  });
}

function explainCallerRefusal(err: unknown, options: CallerConnectOptions): DeviceConnectionError {
  const where = shownUrl(options.url);
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown }).code;
  if (code === 'ECONNREFUSED') return new DeviceConnectionError(td('websocket.refused', { where }), td('websocket.refusedHint'), { cause: err });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new DeviceConnectionError(td('connection.unresolved', { host: options.url.hostname }), td('connection.unresolvedHint'), { cause: err });
  if (err instanceof UpgradeRefused) {
    return new DeviceConnectionError(td('websocket.signedRefused', { where, message }), td('websocket.signedRefusedHint'), { cause: err });
  }
  if (/not authori[sz]ed/i.test(message) || code === 5 || code === 135) {
    return new DeviceConnectionError(td('connection.clientRefused', { clientId: options.clientId, message }), td('websocket.connectHint', { clientId: options.clientId }), { cause: err });
  }
  return new DeviceConnectionError(td('websocket.closedEarly', { where, clientId: options.clientId, message }), td('websocket.closedEarlyHint'), { cause: err });
}
