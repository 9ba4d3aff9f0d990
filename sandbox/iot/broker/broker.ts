// The MQTT 3.1.1 broker (aedes): TLS with mutual authentication like AWS IoT Core (certificate +
// policies), MQTT over WebSocket signed with SigV4 (the caller's IAM identity, see websocket.ts), and
// plain TCP for quick local use (no authentication; the username names the account). As in AWS IoT,
// topics are per account and region: each such topic space is an aedes instance of its own, so a
// message, a subscription, a retained message or a client id never crosses accounts. Every client
// publish goes to its account's rules engine; refusals are logged with their reason and counted. aedes
// itself is loaded when the first client connects: most sandbox runs never see one before their first
// answered call, and loading it took a tenth of the start.

import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { createServer as createTlsServer, TLSSocket } from 'node:tls';
import type { Aedes, Client, AuthenticateError } from 'aedes';
import type { Principal } from '../../edge/context.js';
import { accountForAccessKey } from '../../edge/sigv4.js';
import type { Sandbox } from '../../sandbox.js';
import { DEFAULT_REGION } from '../../settings.js';
import { iotMetric } from '../metrics.js';
import type { RulesEngine } from '../rules/engine.js';
import { authorize, identify, iotResourceArn, type DeviceIdentity, type IotAction } from './authorizer.js';
import { peekConnect } from './connect-packet.js';

export interface BrokerOptions {
  host: string;
  mqttPort: number;
  mqttsPort: number;
  tls: { certPem: string; keyPem: string; caPem: string };
  /** Who plain-TCP clients act as. */
  defaultOwner: Principal;
}

/** A caller that signed with SigV4 (MQTT over WebSocket): its access key, and the role behind it if it is a role session. */
export interface SignedCaller {
  accessKeyId: string;
  /** Undefined for the account's own keys (its root). */
  roleArn?: string;
}

/** How a connection reached the broker and whose topic space it joins, known before its CONNECT is read. */
type Origin = { transport: 'tcp' | 'tls'; owner: Principal } | { transport: 'websocket'; owner: Principal; caller: SignedCaller };

interface Session {
  owner: Principal;
  /** Set for mutual-TLS devices: their certificate's policies decide. */
  identity?: DeviceIdentity;
  /** Set for SigV4 clients: IAM decides. */
  caller?: SignedCaller;
}

/** Refuse sockets beyond this many at once: a flood of connections must not exhaust the process. */
const MAX_CONNECTIONS = 2000;
const NOT_AUTHORIZED = 5;
/** How long a plain-TCP client may take to send its CONNECT before it is closed (aedes's own connect timeout). */
const CONNECT_TIMEOUT_MS = 10_000;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

const spaceKey = (owner: Principal) => `${owner.accountId}/${owner.region}`;

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}

export class IotBroker {
  private readonly sessions = new WeakMap<Client, Session>();
  private readonly origins = new WeakMap<Duplex, Origin>();
  private readonly sockets = new Set<Duplex>();
  private servers: Server[] = [];
  /** One aedes per account and region, made when the first client of that topic space connects. */
  private readonly spaces = new Map<string, Promise<Aedes>>();
  mqttPort = 0;
  mqttsPort = 0;

  private constructor(
    private readonly sandbox: Sandbox,
    private readonly engine: RulesEngine,
    private readonly options: BrokerOptions,
  ) {}

  static async start(sandbox: Sandbox, engine: RulesEngine, options: BrokerOptions): Promise<IotBroker> {
    const broker = new IotBroker(sandbox, engine, options);
    await broker.listen();
    return broker;
  }

  private space(owner: Principal): Promise<Aedes> {
    const key = spaceKey(owner);
    let aedes = this.spaces.get(key);
    if (!aedes) {
      aedes = this.createSpace();
      this.spaces.set(key, aedes);
    }
    return aedes;
  }

  private async createSpace(): Promise<Aedes> {
    const { Aedes } = await import('aedes');
    const broker = this;
    const aedes = await Aedes.createBroker({
      connectTimeout: CONNECT_TIMEOUT_MS,
      maxClientsIdLength: 128,
      authenticate: (client, username, _p, done) => broker.authenticate(client, username, done),
      authorizePublish: (client, packet, done) => done(client ? broker.check(client, 'iot:Publish', packet.topic) : null),
      authorizeSubscribe: (client, sub, done) => {
        const refusal = broker.check(client, 'iot:Subscribe', sub.topic);
        done(null, refusal ? null : sub);
      },
      authorizeForward: (client, packet) => (broker.check(client, 'iot:Receive', packet.topic, true) ? null : packet),
      published: (packet, client, done) => {
        if (client) broker.onPublished(client, packet.topic, packet.payload as Buffer);
        done();
      },
    });
    aedes.on('subscribe', (subs, client) => {
      const session = broker.sessions.get(client);
      if (session) for (let i = 0; i < subs.length; i++) iotMetric(broker.sandbox, session.owner, 'Subscribe.Success', { Protocol: 'MQTT' });
    });
    // Malformed packets and dropped sockets end that client only.
    aedes.on('clientError', () => {});
    aedes.on('connectionError', () => {});
    return aedes;
  }

  private track(stream: Duplex): void {
    if (this.sockets.has(stream)) return;
    this.sockets.add(stream);
    stream.once('close', () => this.sockets.delete(stream));
    stream.on('error', () => stream.destroy());
  }

  /** Hands a connection to its topic space's broker; the socket holds its bytes until aedes reads them. */
  private join(stream: Duplex, origin: Origin): void {
    this.track(stream);
    this.origins.set(stream, origin);
    this.space(origin.owner).then(
      (aedes) => {
        if (!stream.destroyed) aedes.handle(stream);
      },
      (err: unknown) => {
        this.sandbox.warn(`iot broker: could not start: ${String(err)}`);
        stream.destroy();
      },
    );
  }

  /** A device on mutual TLS joins its certificate's account; an unknown certificate the default space, where it is refused. */
  private acceptTls(socket: TLSSocket): void {
    const identity = identify(this.sandbox, socket);
    this.join(socket, { transport: 'tls', owner: typeof identity === 'string' ? this.options.defaultOwner : identity.owner });
  }

  /**
   * A plain-TCP client joins the account its CONNECT's username names: an access key id (a 12-digit one
   * is that account, as for HTTP calls), optionally followed by `/<region>`; without one, the default
   * account. Nothing is verified: plain TCP is the sandbox's unauthenticated convenience port.
   */
  private acceptPlain(socket: Socket): void {
    this.track(socket);
    let seen = Buffer.alloc(0);
    const timer = setTimeout(() => socket.destroy(), CONNECT_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk]);
      const peeked = peekConnect(seen);
      if (!peeked.complete) return;
      clearTimeout(timer);
      socket.off('data', onData);
      socket.pause();
      socket.unshift(seen);
      this.join(socket, { transport: 'tcp', owner: this.ownerNamed(peeked.username) });
    };
    socket.on('data', onData);
    socket.once('close', () => clearTimeout(timer));
  }

  private ownerNamed(username: string | undefined): Principal {
    const { defaultOwner } = this.options;
    if (!username) return defaultOwner;
    const [accessKeyId, region] = username.split('/');
    const accountId = this.sandbox.apis.sts?.accountForAccessKey(accessKeyId!) ?? accountForAccessKey(accessKeyId);
    return { accountId, region: region && REGION.test(region) ? region : DEFAULT_REGION, clock: defaultOwner.clock };
  }

  /** A client that signed its WebSocket upgrade with SigV4: its owner is the signing account, in the signing region. */
  acceptWebSocket(stream: Duplex, owner: Principal, caller: SignedCaller): void {
    this.join(stream, { transport: 'websocket', owner, caller });
  }

  private async listen(): Promise<void> {
    const { host, tls } = this.options;
    const plain = createTcpServer((socket) => this.acceptPlain(socket));
    const secure = createTlsServer(
      { key: tls.keyPem, cert: tls.certPem, ca: [tls.caPem], requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2' },
      (socket) => this.acceptTls(socket),
    );
    secure.on('tlsClientError', (err, socket) => {
      this.sandbox.warn(`iot broker: TLS handshake from ${socket.remoteAddress} failed: ${err.message}`);
      socket.destroy();
    });
    for (const server of [plain, secure]) server.maxConnections = MAX_CONNECTIONS;
    this.servers = [plain, secure];
    this.mqttPort = await listen(plain, this.options.mqttPort, host);
    this.mqttsPort = await listen(secure, this.options.mqttsPort, host);
  }

  private refuse(client: Client, owner: Principal | undefined, metric: string, reason: string): void {
    this.sandbox.warn(`iot broker: refused client '${client.id}': ${reason}`);
    if (owner) iotMetric(this.sandbox, owner, metric, { Protocol: 'MQTT' });
  }

  private authenticate(client: Client, _username: string | undefined, done: (error: AuthenticateError | null, success: boolean | null) => void): void {
    const fail = (owner: Principal | undefined, metric: string, reason: string) => {
      this.refuse(client, owner, metric, reason);
      const error = new Error(reason) as AuthenticateError;
      error.returnCode = NOT_AUTHORIZED;
      done(error, false);
    };
    const accept = (session: Session) => {
      this.sessions.set(client, session);
      iotMetric(this.sandbox, session.owner, 'Connect.Success', { Protocol: 'MQTT' });
      done(null, true);
    };
    try {
      const origin = this.origins.get(client.conn as Duplex);
      if (!origin) return fail(undefined, 'Connect.ServerError', 'internal error: a connection of unknown origin');
      if (origin.transport === 'tcp') return accept({ owner: origin.owner });
      if (origin.transport === 'websocket') {
        const session = { owner: origin.owner, caller: origin.caller };
        const refusal = this.callerRefusal(session, 'iot:Connect', client.id);
        return refusal ? fail(origin.owner, 'Connect.AuthZError', refusal) : accept(session);
      }
      const identity = identify(this.sandbox, client.conn as TLSSocket);
      if (typeof identity === 'string') return fail(undefined, 'Connect.AuthNError', identity);
      const refusal = authorize(this.sandbox, identity, client.id, 'iot:Connect', client.id);
      if (refusal) return fail(identity.owner, 'Connect.AuthZError', refusal);
      accept({ owner: identity.owner, identity });
    } catch (err) {
      fail(undefined, 'Connect.ServerError', `internal error: ${(err as Error).message}`);
    }
  }

  /**
   * IAM's decision for a SigV4 client: the account's own keys are its root and may do anything; a role
   * session may do what the role's policies allow on the resource's ARN.
   */
  private callerRefusal(session: Session, action: IotAction, name: string): string | undefined {
    const roleArn = session.caller?.roleArn;
    if (!roleArn) return undefined;
    const resource = iotResourceArn(session.owner, action, name);
    const iam = this.sandbox.apis.iam;
    const role = iam?.getRoleByArn(roleArn);
    if (!iam || (role && iam.allows(role, action, resource))) return undefined;
    return `${action} on ${resource} is not allowed by the policies of role ${roleArn}`;
  }

  /** Undefined (allowed) or an Error naming why not; plain-TCP clients may do anything. */
  private check(client: Client, action: IotAction, name: string, quiet = false): Error | undefined {
    const session = this.sessions.get(client);
    if (!session) return new Error('not connected');
    let refusal: string | undefined;
    if (session.caller) refusal = this.callerRefusal(session, action, name);
    else if (session.identity) {
      // A certificate made inactive since the connection was opened loses its rights at once.
      const current = identify(this.sandbox, client.conn as TLSSocket);
      refusal = typeof current === 'string' ? current : authorize(this.sandbox, current, client.id, action, name);
    }
    if (!refusal) return undefined;
    if (!quiet) this.refuse(client, session.owner, `${action.slice(4)}.AuthZError`, refusal);
    return new Error(refusal);
  }

  private onPublished(client: Client, topic: string, payload: Buffer): void {
    const session = this.sessions.get(client);
    if (!session) return;
    iotMetric(this.sandbox, session.owner, 'PublishIn.Success', { Protocol: 'MQTT' });
    this.engine.onMessage(session.owner, {
      topic,
      payload,
      clientId: client.id,
      timestamp: this.sandbox.clock.now(),
      principal: session.identity?.certificate.certificateId,
    });
  }

  /** Publishes on behalf of the sandbox (HTTP Publish, republish rule actions) in the owner's topic space; its subscribers and rules see it. */
  publish(owner: Principal, topic: string, payload: Buffer, qos: 0 | 1, origin: { clientId: string; principal?: string }, hops = 0): Promise<void> {
    this.engine.onMessage(owner, { topic, payload, clientId: origin.clientId, timestamp: this.sandbox.clock.now(), principal: origin.principal }, hops);
    // A space no client ever joined has no subscriber to deliver to.
    const space = this.spaces.get(spaceKey(owner));
    if (!space) return Promise.resolve();
    return space.then((aedes) => new Promise((resolve, reject) => {
      aedes.publish({ cmd: 'publish', topic, payload, qos, retain: false, dup: false }, (err) => (err ? reject(err) : resolve()));
    }));
  }

  async close(): Promise<void> {
    for (const server of this.servers) server.close();
    for (const space of this.spaces.values()) {
      const aedes = await space.catch(() => undefined);
      if (aedes) await new Promise<void>((resolve) => aedes.close(() => resolve()));
    }
    for (const socket of this.sockets) socket.destroy();
  }
}
