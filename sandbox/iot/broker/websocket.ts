// MQTT over WebSocket on the sandbox's HTTP port, as AWS IoT Core offers it on
// `wss://<ats-endpoint>/mqtt`: the upgrade's URL is presigned with SigV4 (service `iotdevicegateway`,
// the empty body's hash as payload hash), the access key picks the account as for HTTP calls and the
// signing region the region; the connection then joins that account's topic space as a caller IAM
// decides for (see broker.ts). An unsigned upgrade is refused with 403. With --verify-signatures the
// signature and X-Amz-Expires are checked; AWS IoT wants a session token appended after signing rather
// than signed, and both are accepted. `ws` is loaded on the first upgrade.

import type { createWebSocketStream, WebSocketServer } from 'ws';
import type { RequestContext } from '../../edge/context.js';
import type { EdgeRequest, EdgeResponse } from '../../edge/http-types.js';
import { parseSigV4, verifySigV4, type SigV4Auth } from '../../edge/sigv4.js';
import type { IotBroker } from './broker.js';

export const MQTT_WEBSOCKET_PATH = '/mqtt';
export const SIGNING_NAME = 'iotdevicegateway';
const EMPTY_BODY_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const TOKEN = 'X-Amz-Security-Token';
/** One WebSocket frame; an MQTT packet may span several (AWS IoT's messages are at most 128 KB). */
const MAX_FRAME = 1024 * 1024;

/** Whether a request is an upgrade to MQTT over WebSocket. */
export function isMqttWebSocketUpgrade(req: EdgeRequest): boolean {
  return req.upgrade !== undefined && req.rawPath === MQTT_WEBSOCKET_PATH && req.headers.upgrade?.toLowerCase() === 'websocket';
}

function forbidden(reason: string): EdgeResponse {
  return { status: 403, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Forbidden', reason }) };
}

/** `20261203T101500Z` as epoch ms. */
function amzDateMs(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : NaN;
}

/** The same request without the session token in its query: what a client that appended it after signing signed. */
function withoutToken(req: EdgeRequest): EdgeRequest {
  const query = new URLSearchParams(req.query);
  query.delete(TOKEN);
  return { ...req, query };
}

/** Undefined when the presigned URL is good for the key's secret and not expired; otherwise why not. */
function signatureProblem(req: EdgeRequest, auth: SigV4Auth, ctx: RequestContext): string | undefined {
  const secret = ctx.sandbox.secretFor(auth.accessKeyId);
  const matches = (r: EdgeRequest) => {
    try {
      verifySigV4(r, auth, secret, undefined, undefined, EMPTY_BODY_HASH);
      return true;
    } catch {
      return false;
    }
  };
  if (!matches(req) && !(req.query.has(TOKEN) && matches(withoutToken(req)))) return 'the signature does not match';
  const expires = req.query.get('X-Amz-Expires');
  if (expires !== null) {
    const signedAt = amzDateMs(req.query.get('X-Amz-Date') ?? '');
    if (!(Number(expires) >= 0) || Number.isNaN(signedAt)) return 'X-Amz-Date or X-Amz-Expires is malformed';
    if (ctx.clock.now() > signedAt + Number(expires) * 1000) return 'the presigned URL has expired';
  }
  return undefined;
}

interface WebSocketSupport {
  server: WebSocketServer;
  toStream: typeof createWebSocketStream;
}

let support: Promise<WebSocketSupport> | undefined;

/** One server for every sandbox of the process: with noServer and no client tracking it keeps no state. */
function webSockets(): Promise<WebSocketSupport> {
  return (support ??= import('ws').then(({ WebSocketServer, createWebSocketStream }) => ({
    server: new WebSocketServer({
      noServer: true,
      clientTracking: false,
      perMessageDeflate: false,
      maxPayload: MAX_FRAME,
      // MQTT clients ask for the `mqtt` subprotocol (older ones `mqttv3.1`); AWS IoT answers with it.
      handleProtocols: (protocols) => (protocols.has('mqtt') ? 'mqtt' : (protocols.values().next().value ?? false)),
    }),
    toStream: createWebSocketStream,
  })));
}

/**
 * Authenticates the upgrade and hands the connection to the broker (answering 101: the socket is the
 * broker's now), or answers why not.
 */
export async function acceptMqttWebSocket(broker: IotBroker, req: EdgeRequest, ctx: RequestContext): Promise<EdgeResponse> {
  const upgrade = req.upgrade;
  if (!upgrade) return { status: 400, headers: { 'content-type': 'text/plain' }, body: 'MQTT over WebSocket needs an HTTP/1.1 upgrade' };
  const auth = parseSigV4(req);
  if (!auth) return forbidden(`the URL is not signed: sign it with SigV4 (service ${SIGNING_NAME})`);
  if (auth.service !== SIGNING_NAME) return forbidden(`the URL is signed for service ${auth.service}, not ${SIGNING_NAME}`);
  if (ctx.sandbox.options.verifySignatures) {
    const problem = signatureProblem(req, auth, ctx);
    if (problem) return forbidden(problem);
  }
  // The hook where IAM decides: the account's own keys are its root; a role session is judged by its role's policies.
  const session = ctx.sandbox.apis.sts?.sessionForAccessKey(auth.accessKeyId);
  const caller = { accessKeyId: auth.accessKeyId, roleArn: session?.roleArn };
  const owner = { accountId: ctx.accountId, region: ctx.region, clock: ctx.clock };
  const { server, toStream } = await webSockets();
  server.handleUpgrade(upgrade.request, upgrade.socket, upgrade.head, (ws) => broker.acceptWebSocket(toStream(ws), owner, caller));
  return { status: 101, headers: {}, body: '' };
}
