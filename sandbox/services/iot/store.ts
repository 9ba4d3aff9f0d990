// IoT Core state per account and region: things, certificates, policies with their versions, policy
// attachments, thing-principal attachments, topic rules and tags. Certificates are also found by id
// alone, because the broker meets a device's certificate before it knows the account.

import type { Sandbox } from '../../sandbox.js';
import { scoped, type ScopeOwner } from '../../store/scoped-table.js';

export interface ThingRecord {
  thingName: string;
  thingId: string;
  thingArn: string;
  thingTypeName?: string;
  attributes: Record<string, string>;
  version: number;
  createdAt: number;
}

export type CertificateStatus = 'ACTIVE' | 'INACTIVE' | 'REVOKED' | 'PENDING_TRANSFER' | 'REGISTER_INACTIVE' | 'PENDING_ACTIVATION';

export interface CertificateRecord {
  certificateId: string;
  certificateArn: string;
  certificatePem: string;
  status: CertificateStatus;
  accountId: string;
  region: string;
  /** Issued by the sandbox CA (CreateKeysAndCertificate) or registered without a CA. */
  issuedBySandbox: boolean;
  createdAt: number;
  lastModifiedAt: number;
  validFrom: number;
  validTo: number;
}

export interface PolicyVersionRecord {
  versionId: string;
  document: string;
  createdAt: number;
}

export interface PolicyRecord {
  policyName: string;
  policyArn: string;
  versions: PolicyVersionRecord[];
  defaultVersionId: string;
  /** AWS numbers versions from 1 and never reuses a number. */
  lastVersionId: number;
  createdAt: number;
  lastModifiedAt: number;
  generationId: string;
}

export interface Attachment {
  policyName: string;
  target: string;
}

export interface ThingPrincipal {
  thingName: string;
  principal: string;
}

export interface RuleAction {
  [type: string]: Record<string, unknown>;
}

export interface TopicRulePayloadRecord {
  sql: string;
  description?: string;
  actions: RuleAction[];
  errorAction?: RuleAction;
  ruleDisabled: boolean;
  awsIotSqlVersion: string;
}

export interface TopicRuleRecord {
  ruleName: string;
  ruleArn: string;
  payload: TopicRulePayloadRecord;
  createdAt: number;
}

export const things = (sandbox: Sandbox, owner: ScopeOwner) => scoped(sandbox.state.table<ThingRecord>('iot.things'), owner, 'region');
export const certificates = (sandbox: Sandbox, owner: ScopeOwner) => scoped(sandbox.state.table<CertificateRecord>('iot.certificates'), owner, 'region');
export const policies = (sandbox: Sandbox, owner: ScopeOwner) => scoped(sandbox.state.table<PolicyRecord>('iot.policies'), owner, 'region');
export const attachments = (sandbox: Sandbox, owner: ScopeOwner) => scoped(sandbox.state.table<Attachment>('iot.attachments'), owner, 'region');
export const thingPrincipals = (sandbox: Sandbox, owner: ScopeOwner) => scoped(sandbox.state.table<ThingPrincipal>('iot.thingPrincipals'), owner, 'region');
export const topicRules = (sandbox: Sandbox, owner: ScopeOwner) => scoped(sandbox.state.table<TopicRuleRecord>('iot.rules'), owner, 'region');
export const tags = (sandbox: Sandbox, owner: ScopeOwner) => scoped(sandbox.state.table<Record<string, string>>('iot.tags'), owner, 'region');

export const attachmentKey = (policyName: string, target: string) => `${policyName}\n${target}`;
export const thingPrincipalKey = (thingName: string, principal: string) => `${thingName}\n${principal}`;

/** A certificate by id in whichever account and region holds it (what the broker needs at TLS time). */
export function certificateById(sandbox: Sandbox, certificateId: string): CertificateRecord | undefined {
  for (const [key, cert] of sandbox.state.table<CertificateRecord>('iot.certificates').entries()) {
    if (key.endsWith(`/${certificateId}`)) return cert;
  }
  return undefined;
}

/** The policy documents (default versions) attached to a target (a certificate ARN). */
export function attachedDocuments(sandbox: Sandbox, owner: ScopeOwner, target: string): { policyName: string; document: string }[] {
  const docs: { policyName: string; document: string }[] = [];
  for (const a of attachments(sandbox, owner).values()) {
    if (a.target !== target) continue;
    const policy = policies(sandbox, owner).get(a.policyName);
    const version = policy?.versions.find((v) => v.versionId === policy.defaultVersionId);
    if (version) docs.push({ policyName: a.policyName, document: version.document });
  }
  return docs;
}

/** The things a principal is attached to. */
export function thingsOfPrincipal(sandbox: Sandbox, owner: ScopeOwner, principal: string): string[] {
  return thingPrincipals(sandbox, owner)
    .values()
    .filter((tp) => tp.principal === principal)
    .map((tp) => tp.thingName);
}

