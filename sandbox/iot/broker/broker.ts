// The MQTT 3.1.1 broker (aedes): plain TCP for quick local use (no authentication, the default
// account) and TLS with mutual authentication like AWS IoT Core (certificate + policies). Every
// client publish goes to the rules engine; refusals are logged with their reason and counted. aedes
// itself is loaded when the first client connects: most sandbox runs never see one before their first
// answered call, and loading it took a tenth of the start.

import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, TLSSocket } from 'node:tls';
import type { Aedes, Client, AuthenticateError } from 'aedes';
import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { iotMetric } from '../metrics.js';
import type { RulesEngine } from '../rules/engine.js';
import { authorize, identify, type DeviceIdentity, type IotAction } from './authorizer.js';

export interface BrokerOptions {
  host: string;
  mqttPort: number;
  mqttsPort: number;
  tls: { certPem: string; keyPem: string; caPem: string };
  /** Who plain-TCP clients act as. */
  defaultOwner: Principal;
}

interface Session {
  owner: Principal;
  identity?: DeviceIdentity;
}

/** Refuse sockets beyond this many at once: a flood of connections must not exhaust the process. */
const MAX_CONNECTIONS = 2000;
const NOT_AUTHORIZED = 5;

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
  private readonly sockets = new Set<Socket>();
  private servers: Server[] = [];
  private aedes?: Promise<Aedes>;
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

  private core(): Promise<Aedes> {
    return (this.aedes ??= this.createCore());
  }

  private async createCore(): Promise<Aedes> {
    const { Aedes } = await import('aedes');
    const broker = this;
    const aedes = await Aedes.createBroker({
      connectTimeout: 10_000,
      maxClientsIdLength: 128,
      authenticate: (client, _u, _p, done) => broker.authenticate(client, done),
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

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    // The socket holds its bytes until aedes reads them.
    this.core().then(
      (aedes) => aedes.handle(socket),
      (err: unknown) => {
        this.sandbox.warn(`iot broker: could not start: ${String(err)}`);
        socket.destroy();
      },
    );
  }

  private async listen(): Promise<void> {
    const { host, tls } = this.options;
    const plain = createTcpServer((socket) => this.track(socket));
    const secure = createTlsServer(
      { key: tls.keyPem, cert: tls.certPem, ca: [tls.caPem], requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2' },
      (socket) => this.track(socket),
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

  private authenticate(client: Client, done: (error: AuthenticateError | null, success: boolean | null) => void): void {
    const fail = (owner: Principal | undefined, metric: string, reason: string) => {
      this.refuse(client, owner, metric, reason);
      const error = new Error(reason) as AuthenticateError;
      error.returnCode = NOT_AUTHORIZED;
      done(error, false);
    };
    try {
      if (!(client.conn instanceof TLSSocket)) {
        this.sessions.set(client, { owner: this.options.defaultOwner });
        iotMetric(this.sandbox, this.options.defaultOwner, 'Connect.Success', { Protocol: 'MQTT' });
        return done(null, true);
      }
      const identity = identify(this.sandbox, client.conn);
      if (typeof identity === 'string') return fail(undefined, 'Connect.AuthNError', identity);
      const refusal = authorize(this.sandbox, identity, client.id, 'iot:Connect', client.id);
      if (refusal) return fail(identity.owner, 'Connect.AuthZError', refusal);
      this.sessions.set(client, { owner: identity.owner, identity });
      iotMetric(this.sandbox, identity.owner, 'Connect.Success', { Protocol: 'MQTT' });
      done(null, true);
    } catch (err) {
      fail(undefined, 'Connect.ServerError', `internal error: ${(err as Error).message}`);
    }
  }

  /** Undefined (allowed) or an Error naming why not; plain-TCP clients may do anything. */
  private check(client: Client, action: IotAction, name: string, quiet = false): Error | undefined {
    const session = this.sessions.get(client);
    if (!session) return new Error('not connected');
    if (!session.identity) return undefined;
    // A certificate made inactive since the connection was opened loses its rights at once.
    const current = identify(this.sandbox, client.conn as TLSSocket);
    const refusal = typeof current === 'string' ? current : authorize(this.sandbox, current, client.id, action, name);
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

  /** Publishes on behalf of the sandbox (HTTP Publish, republish rule actions); subscribers and rules see it. */
  publish(owner: Principal, topic: string, payload: Buffer, qos: 0 | 1, origin: { clientId: string; principal?: string }, hops = 0): Promise<void> {
    this.engine.onMessage(owner, { topic, payload, clientId: origin.clientId, timestamp: this.sandbox.clock.now(), principal: origin.principal }, hops);
    // Before the first client connected there is no subscriber to deliver to.
    if (!this.aedes) return Promise.resolve();
    return this.aedes.then((aedes) => new Promise((resolve, reject) => {
      aedes.publish({ cmd: 'publish', topic, payload, qos, retain: false, dup: false }, (err) => (err ? reject(err) : resolve()));
    }));
  }

  async close(): Promise<void> {
    for (const server of this.servers) server.close();
    if (this.aedes) {
      const aedes = await this.aedes;
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
    }
    for (const socket of this.sockets) socket.destroy();
  }
}
