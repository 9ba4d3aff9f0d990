// IoT Core: topic rules, and lab 0's device identity. Things carry the workshop marker as an attribute
// (the reference solution's) or a tag; certificates have neither, so a certificate is selected through
// the thing it is attached to, or as the certificate saved for `lab device`. Deleting follows IoT's own
// order: policies detached from certificates, certificates detached from things and set INACTIVE
// before they are deleted, then things, then policies (detached from every target, old versions first).

import {
  DeleteCertificateCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteThingCommand,
  DeleteTopicRuleCommand,
  DescribeCertificateCommand,
  DetachPolicyCommand,
  DetachThingPrincipalCommand,
  GetTopicRuleCommand,
  IoTClient,
  ListAttachedPoliciesCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListPrincipalThingsCommand,
  ListTagsForResourceCommand,
  ListTargetsForPolicyCommand,
  ListThingPrincipalsCommand,
  ListThingsCommand,
  ListTopicRulesCommand,
  UpdateCertificateCommand,
} from '@aws-sdk/client-iot';
import { loadDeviceCredentials } from '../../device/credentials.js';
import { mapLimit, selectByTagOrName, tagMap, type ResetContext } from '../context.js';
import type { ResetText } from '../messages.js';
import { WORKSHOP_TAG } from '../names.js';
import type { PlannedResource } from '../resource.js';
import { deleteIfExists, errorName, isGone, retrying } from '../retry.js';
import { ALREADY_GONE, type Deleter, type Discovered, type PassedOver, type ServiceReset } from '../service.js';

const iotOf = (ctx: ResetContext) => ctx.clients.get(IoTClient);
const certificateId = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
const shortId = (id: string) => `${id.slice(0, 12)}…`;

async function pages<T>(fetch: (token: string | undefined) => Promise<{ items: T[]; next?: string }>): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetch(token);
    all.push(...page.items);
    token = page.next;
  } while (token);
  return all;
}

async function tagged(ctx: ResetContext, resourceArn: string | undefined): Promise<boolean> {
  if (!resourceArn) return false;
  try {
    const out = await iotOf(ctx).send(new ListTagsForResourceCommand({ resourceArn }), { abortSignal: ctx.signal });
    return tagMap(out.tags)[WORKSHOP_TAG.key] === WORKSHOP_TAG.value;
  } catch (err) {
    if (isGone(err)) return false;
    throw err;
  }
}

const thingPrincipals = (ctx: ResetContext, thingName: string) =>
  pages(async (nextToken) => {
    const out = await iotOf(ctx).send(new ListThingPrincipalsCommand({ thingName, nextToken }), { abortSignal: ctx.signal });
    return { items: out.principals ?? [], next: out.nextToken };
  });

const principalThings = (ctx: ResetContext, principal: string) =>
  pages(async (nextToken) => {
    const out = await iotOf(ctx).send(new ListPrincipalThingsCommand({ principal, nextToken }), { abortSignal: ctx.signal });
    return { items: out.things ?? [], next: out.nextToken };
  });

async function discover(ctx: ResetContext): Promise<Discovered> {
  const iot = iotOf(ctx);
  const signal = ctx.signal;
  const [things, policies, rules] = await Promise.all([
    pages(async (nextToken) => {
      const out = await iot.send(new ListThingsCommand({ nextToken }), { abortSignal: signal });
      return { items: out.things ?? [], next: out.nextToken };
    }),
    pages(async (marker) => {
      const out = await iot.send(new ListPoliciesCommand({ marker }), { abortSignal: signal });
      return { items: out.policies ?? [], next: out.nextMarker };
    }),
    pages(async (nextToken) => {
      const out = await iot.send(new ListTopicRulesCommand({ nextToken }), { abortSignal: signal });
      return { items: out.rules ?? [], next: out.nextToken };
    }),
  ]);
  const selected: PlannedResource[] = [];
  const passedOver: PassedOver[] = [];

  const thingResources = await mapLimit(things, 8, async (t) => {
    const marked = t.attributes?.[WORKSHOP_TAG.key] === WORKSHOP_TAG.value || (await tagged(ctx, t.thingArn));
    return selectByTagOrName(ctx, 'iot-thing', t.thingName!, marked, { arn: t.thingArn });
  });
  const selectedThings = thingResources.filter((r): r is PlannedResource => r !== undefined);
  selected.push(...selectedThings);

  for (const r of await mapLimit(policies, 8, async (p) => selectByTagOrName(ctx, 'iot-policy', p.policyName!, await tagged(ctx, p.policyArn), { arn: p.policyArn }))) {
    if (r) selected.push(r);
  }

  for (const r of await mapLimit(rules, 8, async (rule) => {
    const found = selectByTagOrName(ctx, 'iot-rule', rule.ruleName!, await tagged(ctx, rule.ruleArn), { arn: rule.ruleArn });
    // A rule found by the tag alone belongs to lab 2 if it feeds Firehose, else to lab 1.
    if (found && !found.why.includes('name')) {
      const { rule: payload } = await iot.send(new GetTopicRuleCommand({ ruleName: rule.ruleName }), { abortSignal: signal });
      found.lab = (payload?.actions ?? []).some((a) => a.firehose) ? 2 : 1;
    }
    return found;
  })) {
    if (r) selected.push(r);
  }

  // Certificates: those attached to a selected thing, and the one saved for `lab device` in this account.
  const reasons = new Map<string, ResetText>();
  for (const thing of selectedThings) {
    for (const principal of await thingPrincipals(ctx, thing.name)) {
      if (principal.includes(':cert/') && !reasons.has(principal)) reasons.set(principal, { key: 'selection.attachedToThing', values: { thing: thing.name } });
    }
  }
  const saved = (await loadDeviceCredentials(ctx.home))?.identity?.certificateArn;
  const here = `arn:aws:iot:${ctx.target.region}:${ctx.target.accountId}:cert/`;
  if (saved?.startsWith(here) && !reasons.has(saved)) reasons.set(saved, { key: 'selection.savedForDevice' });
  const selectedThingNames = new Set(selectedThings.map((t) => t.name));
  for (const [arn, via] of reasons) {
    const id = certificateId(arn);
    const described = await iot.send(new DescribeCertificateCommand({ certificateId: id }), { abortSignal: signal }).catch((err: unknown) => {
      if (isGone(err)) return undefined;
      throw err;
    });
    if (!described) continue;
    const resource: PlannedResource = { kind: 'iot-certificate', name: shortId(id), id, arn, lab: 0, why: [{ via }] };
    // A certificate another (kept) thing also uses is detached from ours, not deleted.
    const others = (await principalThings(ctx, arn)).filter((t) => !selectedThingNames.has(t));
    if (others.length > 0) passedOver.push({ resource, reason: { key: 'reasons.sharedCertificate', values: { things: others.join(', ') } } });
    else selected.push(resource);
  }
  return { selected, passedOver };
}

const deleteRule: Deleter = async (r, ctx) => {
  const iot = iotOf(ctx);
  try {
    await retrying(ctx, () => iot.send(new DeleteTopicRuleCommand({ ruleName: r.name }), { abortSignal: ctx.signal }), ['ConflictingResourceUpdateException']);
    return { status: 'deleted' };
  } catch (err) {
    // IoT answers a missing rule with UnauthorizedException: the list says whether it is still there.
    if (isGone(err) || errorName(err) === 'UnauthorizedException') {
      const rules = await pages(async (nextToken) => {
        const out = await iot.send(new ListTopicRulesCommand({ nextToken }), { abortSignal: ctx.signal });
        return { items: out.rules ?? [], next: out.nextToken };
      });
      if (!rules.some((rule) => rule.ruleName === r.name)) return ALREADY_GONE;
    }
    throw err;
  }
};

const deleteCertificate: Deleter = async (r, ctx, step) => {
  const iot = iotOf(ctx);
  const id = r.id!;
  const arn = r.arn!;
  try {
    const policies = await pages(async (marker) => {
      const out = await iot.send(new ListAttachedPoliciesCommand({ target: arn, marker }), { abortSignal: ctx.signal });
      return { items: out.policies ?? [], next: out.nextMarker };
    });
    for (const p of policies) await retrying(ctx, () => iot.send(new DetachPolicyCommand({ policyName: p.policyName, target: arn }), { abortSignal: ctx.signal }));
    if (policies.length) step({ key: 'steps.detachedCertificatePolicies', values: { policies: policies.map((p) => p.policyName).join(', ') } });
    const things = await principalThings(ctx, arn);
    for (const thingName of things) await retrying(ctx, () => iot.send(new DetachThingPrincipalCommand({ thingName, principal: arn }), { abortSignal: ctx.signal }));
    if (things.length) step({ key: 'steps.detachedFromThings', values: { things: things.join(', ') } });
    const status = (await iot.send(new DescribeCertificateCommand({ certificateId: id }), { abortSignal: ctx.signal })).certificateDescription?.status;
    // IoT deletes only certificates that are not ACTIVE; a REVOKED one cannot change status and need not.
    if (status !== 'INACTIVE' && status !== 'REVOKED') {
      await retrying(ctx, () => iot.send(new UpdateCertificateCommand({ certificateId: id, newStatus: 'INACTIVE' }), { abortSignal: ctx.signal }));
      step({ key: 'steps.setInactive' });
    }
  } catch (err) {
    if (isGone(err)) return ALREADY_GONE;
    throw err;
  }
  // Detaching is eventually consistent: IoT refuses the delete for a moment after.
  const deleted = await deleteIfExists(ctx, () => iot.send(new DeleteCertificateCommand({ certificateId: id }), { abortSignal: ctx.signal }), [
    'DeleteConflictException',
    'CertificateStateException',
  ]);
  return deleted ? { status: 'deleted' } : ALREADY_GONE;
};

const deleteThing: Deleter = async (r, ctx, step) => {
  const iot = iotOf(ctx);
  try {
    const principals = await thingPrincipals(ctx, r.name);
    for (const principal of principals) await retrying(ctx, () => iot.send(new DetachThingPrincipalCommand({ thingName: r.name, principal }), { abortSignal: ctx.signal }));
    if (principals.length) step({ key: 'steps.detachedPrincipals', values: { count: principals.length } });
  } catch (err) {
    if (isGone(err)) return ALREADY_GONE;
    throw err;
  }
  const principalsAttached = (err: unknown) => errorName(err) === 'InvalidRequestException' && /principal/i.test((err as Error).message);
  const deleted = await deleteIfExists(ctx, () => iot.send(new DeleteThingCommand({ thingName: r.name }), { abortSignal: ctx.signal }), principalsAttached);
  return deleted ? { status: 'deleted' } : ALREADY_GONE;
};

const deletePolicy: Deleter = async (r, ctx, step) => {
  const iot = iotOf(ctx);
  try {
    const targets = await pages(async (marker) => {
      const out = await iot.send(new ListTargetsForPolicyCommand({ policyName: r.name, marker }), { abortSignal: ctx.signal });
      return { items: out.targets ?? [], next: out.nextMarker };
    });
    for (const target of targets) await retrying(ctx, () => iot.send(new DetachPolicyCommand({ policyName: r.name, target }), { abortSignal: ctx.signal }));
    if (targets.length) step({ key: 'steps.detachedTargets', values: { count: targets.length } });
    const { policyVersions = [] } = await iot.send(new ListPolicyVersionsCommand({ policyName: r.name }), { abortSignal: ctx.signal });
    const old = policyVersions.filter((v) => !v.isDefaultVersion);
    for (const v of old) await retrying(ctx, () => iot.send(new DeletePolicyVersionCommand({ policyName: r.name, policyVersionId: v.versionId }), { abortSignal: ctx.signal }));
    if (old.length) step({ key: 'steps.deletedOldVersions', values: { count: old.length } });
  } catch (err) {
    if (isGone(err)) return ALREADY_GONE;
    throw err;
  }
  const deleted = await deleteIfExists(ctx, () => iot.send(new DeletePolicyCommand({ policyName: r.name }), { abortSignal: ctx.signal }), ['DeleteConflictException']);
  return deleted ? { status: 'deleted' } : ALREADY_GONE;
};

export const iotReset: ServiceReset = {
  service: 'iot',
  stage: 1,
  discover,
  deleters: { 'iot-rule': deleteRule, 'iot-certificate': deleteCertificate, 'iot-thing': deleteThing, 'iot-policy': deletePolicy },
};
