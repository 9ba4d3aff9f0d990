// Read-only look-ups of a device's registration in IoT Core: the thing, its certificates, and the
// policies attached to a certificate (IoT policies use IAM's grammar, so ./policy.ts evaluates them).

import {
  DescribeCertificateCommand,
  GetPolicyCommand,
  IoTClient,
  ListAttachedPoliciesCommand,
  ListThingPrincipalsCommand,
  ListThingsCommand,
  type CertificateDescription,
} from '@aws-sdk/client-iot';
import type { CheckContext } from '../../src/engine/types.js';
import { resourceNames } from '../../src/labs/resource-names.js';
import { savedCredentials } from './device.js';
import { memo, preferPrefix } from './memo.js';
import { orUndefined } from './not-found.js';
import { parsePolicyDocument, type NamedPolicy } from './policy.js';

/** The saved device's thing, else the default name, else any thing with the prefix. */
export function locateThing(ctx: CheckContext): Promise<{ wanted: string; found?: string; things: string[] }> {
  return memo(ctx, 'iot.thing', async () => {
    const iot = ctx.clients.get(IoTClient);
    const things: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await iot.send(new ListThingsCommand({ nextToken }), { abortSignal: ctx.signal });
      for (const t of page.things ?? []) if (t.thingName) things.push(t.thingName);
      nextToken = page.nextToken;
    } while (nextToken);
    const wanted = (await savedCredentials(ctx))?.identity?.thingName ?? resourceNames(ctx.config.prefix).thing;
    const found = things.includes(wanted) ? wanted : preferPrefix(things, (t) => t, ctx.config.prefix).find((t) => t.startsWith(ctx.config.prefix));
    return { wanted, found, things };
  });
}

/** The certificates attached to the thing, described (status, PEM). */
export function thingCertificates(ctx: CheckContext, thingName: string): Promise<CertificateDescription[]> {
  return memo(ctx, `iot.certificates.${thingName}`, async () => {
    const iot = ctx.clients.get(IoTClient);
    const principals: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await iot.send(new ListThingPrincipalsCommand({ thingName, nextToken }), { abortSignal: ctx.signal });
      principals.push(...(page.principals ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    const certificates = principals.filter((p) => p.includes(':cert/'));
    const described = await Promise.all(
      certificates.map(async (arn) => {
        const out = await orUndefined(iot.send(new DescribeCertificateCommand({ certificateId: arn.slice(arn.lastIndexOf('/') + 1) }), { abortSignal: ctx.signal }));
        return out?.certificateDescription;
      }),
    );
    return described.filter((d): d is CertificateDescription => d !== undefined);
  });
}

export async function activeCertificate(ctx: CheckContext, thingName: string): Promise<CertificateDescription | undefined> {
  return (await thingCertificates(ctx, thingName)).find((c) => c.status === 'ACTIVE');
}

export function certificatePolicies(ctx: CheckContext, certificateArn: string): Promise<NamedPolicy[]> {
  return memo(ctx, `iot.policies.${certificateArn}`, async () => {
    const iot = ctx.clients.get(IoTClient);
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const page = await iot.send(new ListAttachedPoliciesCommand({ target: certificateArn, marker }), { abortSignal: ctx.signal });
      for (const p of page.policies ?? []) if (p.policyName) names.push(p.policyName);
      marker = page.nextMarker;
    } while (marker);
    return Promise.all(
      names.map(async (name) => {
        const out = await iot.send(new GetPolicyCommand({ policyName: name }), { abortSignal: ctx.signal });
        return { name: `IoT policy ${name}`, document: parsePolicyDocument(out.policyDocument) };
      }),
    );
  });
}

export function iotArn(ctx: CheckContext, resource: string): string {
  return `arn:aws:iot:${ctx.target.region}:${ctx.target.accountId}:${resource}`;
}
