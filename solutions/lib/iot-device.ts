// Deploy steps for a device in IoT Core: the thing, its policy, its certificate (saved under the lab
// home), and the two attachments that tie them together.

import {
  AttachPolicyCommand,
  AttachThingPrincipalCommand,
  CreateKeysAndCertificateCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateThingCommand,
  DeletePolicyVersionCommand,
  DescribeCertificateCommand,
  DescribeThingCommand,
  GetPolicyCommand,
  IoTClient,
  ListAttachedPoliciesCommand,
  ListPolicyVersionsCommand,
  ListThingPrincipalsCommand,
} from '@aws-sdk/client-iot';
import type { SolutionContext } from '../../src/engine/solution.js';
import { loadDeviceCredentials, saveDeviceCredentials } from '../../src/device/credentials.js';
import type { Ledger } from './ledger.js';
import { orUndefined } from '../../checks/lib/not-found.js';
import { ts } from './messages.js';

export async function ensureThing(ctx: SolutionContext, ledger: Ledger, name: string): Promise<void> {
  const iot = ctx.clients.get(IoTClient);
  if (await orUndefined(iot.send(new DescribeThingCommand({ thingName: name })))) return ledger.record(ts('ledger.thing', { name }), 'unchanged');
  // Things take no tags; the workshop marker is a searchable attribute instead.
  await iot.send(new CreateThingCommand({ thingName: name, attributePayload: { attributes: { ...ctx.tags } } }));
  ledger.record(ts('ledger.thing', { name }), 'created');
}

export async function ensureIotPolicy(ctx: SolutionContext, ledger: Ledger, name: string, document: object): Promise<void> {
  const iot = ctx.clients.get(IoTClient);
  const text = JSON.stringify(document);
  const existing = await orUndefined(iot.send(new GetPolicyCommand({ policyName: name })));
  if (!existing) {
    await iot.send(new CreatePolicyCommand({ policyName: name, policyDocument: text, tags: Object.entries(ctx.tags).map(([Key, Value]) => ({ Key, Value })) }));
    return ledger.record(ts('ledger.iotPolicy', { name }), 'created');
  }
  if (JSON.stringify(JSON.parse(existing.policyDocument ?? '{}')) === text) return ledger.record(ts('ledger.iotPolicy', { name }), 'unchanged');
  // A policy keeps at most five versions: make room by deleting the oldest non-default one.
  const { policyVersions = [] } = await iot.send(new ListPolicyVersionsCommand({ policyName: name }));
  if (policyVersions.length >= 5) {
    const oldest = policyVersions.filter((v) => !v.isDefaultVersion).sort((a, b) => Number(a.versionId) - Number(b.versionId))[0];
    if (oldest?.versionId) await iot.send(new DeletePolicyVersionCommand({ policyName: name, policyVersionId: oldest.versionId }));
  }
  await iot.send(new CreatePolicyVersionCommand({ policyName: name, policyDocument: text, setAsDefault: true }));
  ledger.record(ts('ledger.iotPolicy', { name }), 'updated');
}

/** The saved certificate if it is still registered and ACTIVE in the account, else a new one, saved. */
export async function ensureCertificate(ctx: SolutionContext, ledger: Ledger, home: string, thingName: string): Promise<string> {
  const iot = ctx.clients.get(IoTClient);
  const saved = await loadDeviceCredentials(home);
  if (saved?.identity) {
    const described = await orUndefined(iot.send(new DescribeCertificateCommand({ certificateId: saved.identity.certificateId })));
    if (described?.certificateDescription?.status === 'ACTIVE') {
      ledger.record(ts('ledger.certificate', { id: saved.identity.certificateId.slice(0, 12) }), 'unchanged');
      return saved.identity.certificateArn;
    }
  }
  const created = await iot.send(new CreateKeysAndCertificateCommand({ setAsActive: true }));
  await saveDeviceCredentials(home, {
    certificatePem: created.certificatePem!,
    privateKeyPem: created.keyPair!.PrivateKey!,
    identity: { thingName, certificateArn: created.certificateArn!, certificateId: created.certificateId! },
  });
  ledger.record(ts('ledger.certificateSaved', { id: created.certificateId!.slice(0, 12), dir: `${home}/device` }), 'created');
  return created.certificateArn!;
}

export async function ensureAttachments(ctx: SolutionContext, ledger: Ledger, thingName: string, policyName: string, certificateArn: string): Promise<void> {
  const iot = ctx.clients.get(IoTClient);
  const { policies = [] } = await iot.send(new ListAttachedPoliciesCommand({ target: certificateArn }));
  if (!policies.some((p) => p.policyName === policyName)) {
    await iot.send(new AttachPolicyCommand({ policyName, target: certificateArn }));
    ledger.record(ts('ledger.policyOnCertificate', { name: policyName }), 'created');
  }
  const { principals = [] } = await iot.send(new ListThingPrincipalsCommand({ thingName }));
  if (!principals.includes(certificateArn)) {
    await iot.send(new AttachThingPrincipalCommand({ thingName, principal: certificateArn }));
    ledger.record(ts('ledger.certificateOnThing', { thing: thingName }), 'created');
  }
}
