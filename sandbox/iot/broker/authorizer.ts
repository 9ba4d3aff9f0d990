// Who a device is and what it may do: the client certificate presented over TLS must be one the
// sandbox issued or registered, ACTIVE, with at least one attached policy; each Connect, Publish,
// Subscribe and Receive is then decided by those policies, read afresh so changes apply at once.

import { createHash } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { Principal } from '../../edge/context.js';
import type { Sandbox } from '../../sandbox.js';
import { attachedDocuments, certificateById, thingsOfPrincipal, type CertificateRecord } from '../../services/iot/store.js';
import { decide, parseIotPolicy, type IotStatement, type PolicyVariables } from '../policy.js';

export interface DeviceIdentity {
  owner: Principal;
  certificate: CertificateRecord;
}

export type IotAction = 'iot:Connect' | 'iot:Publish' | 'iot:Subscribe' | 'iot:Receive';

/** The certificate a TLS client presented, checked; a string is the reason for refusing it. */
export function identify(sandbox: Sandbox, socket: TLSSocket): DeviceIdentity | string {
  const peer = socket.getPeerCertificate();
  if (!peer || !peer.raw) return 'the client presented no certificate';
  const certificateId = createHash('sha256').update(peer.raw).digest('hex');
  const certificate = certificateById(sandbox, certificateId);
  if (!certificate) return `certificate ${certificateId} was not issued or registered by this sandbox`;
  if (certificate.status !== 'ACTIVE') return `certificate ${certificateId} is ${certificate.status}`;
  const owner = { accountId: certificate.accountId, region: certificate.region, clock: sandbox.clock };
  if (attachedDocuments(sandbox, owner, certificate.certificateArn).length === 0) return `certificate ${certificateId} has no policy attached`;
  return { owner, certificate };
}

function statementsOf(sandbox: Sandbox, identity: DeviceIdentity): IotStatement[] {
  return attachedDocuments(sandbox, identity.owner, identity.certificate.certificateArn).flatMap((p) => parseIotPolicy(p.document) ?? []);
}

function variables(sandbox: Sandbox, identity: DeviceIdentity, clientId: string): PolicyVariables {
  // A device's thing name is its client id, when a thing of that name is attached to its certificate.
  const attached = thingsOfPrincipal(sandbox, identity.owner, identity.certificate.certificateArn);
  const thingName = attached.includes(clientId) ? clientId : undefined;
  return {
    'iot:ClientId': clientId,
    'iot:Connection.Thing.ThingName': thingName,
    'iot:Connection.Thing.IsAttached': thingName ? 'true' : 'false',
    'iot:Certificate.Subject.CommonName': 'AWS IoT Certificate',
  };
}

const RESOURCE_KIND: Record<IotAction, string> = { 'iot:Connect': 'client', 'iot:Publish': 'topic', 'iot:Receive': 'topic', 'iot:Subscribe': 'topicfilter' };

/** The ARN an action is decided on: `client/<id>`, `topic/<topic>` or `topicfilter/<filter>` of the owner's account and region. */
export function iotResourceArn(owner: Pick<Principal, 'accountId' | 'region'>, action: IotAction, name: string): string {
  return `arn:aws:iot:${owner.region}:${owner.accountId}:${RESOURCE_KIND[action]}/${name}`;
}

/** Undefined when allowed; otherwise the reason for the refusal. */
export function authorize(sandbox: Sandbox, identity: DeviceIdentity, clientId: string, action: IotAction, name: string): string | undefined {
  const resource = iotResourceArn(identity.owner, action, name);
  const decision = decide(statementsOf(sandbox, identity), action, resource, variables(sandbox, identity, clientId));
  if (decision === 'Allow') return undefined;
  const why = decision === 'ExplicitDeny' ? 'explicitly denied' : 'not allowed';
  return `${action} on ${resource} is ${why} by the policies of certificate ${identity.certificate.certificateId}`;
}
