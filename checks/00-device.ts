// Lab 0: an IoT thing with an ACTIVE certificate whose policy lets the device connect and publish,
// the certificate saved for `lab device`, and readings of the schema really arriving on the topic.

import { randomBytes } from 'node:crypto';
import { defineChecks, type CheckContext } from '../src/engine/types.js';
import { fail, pass } from '../src/engine/result.js';
import { deviceDir, samePem } from '../src/device/credentials.js';
import { readingProblem } from '../src/device/reading.js';
import { labHome } from '../src/lab-home.js';
import { resourceNames, telemetryTopic } from '../src/labs/resource-names.js';
import { savedCredentials } from './lib/device.js';
import { activeCertificate, certificatePolicies, iotArn, locateThing, thingCertificates } from './lib/iot-device.js';
import { messagesArriveCheck } from './lib/messages-check.js';
import { evaluate } from './lib/policy.js';
import { m } from './messages/00-device.js';

async function thingName(ctx: CheckContext): Promise<string> {
  const { wanted, found } = await locateThing(ctx);
  return found ?? wanted;
}

export default defineChecks({
  checks: [
    {
      id: 'thing.exists',
      title: m('thing.title'),
      points: 1,
      hints: [m('thing.hint')],
      async run(ctx) {
        const { wanted, found, things } = await locateThing(ctx);
        if (!found) {
          return fail(m('thing.missing', { wanted, count: things.length, some: things.length ? `: ${things.slice(0, 5).join(', ')}` : '' }), {
            hint: `aws iot create-thing --thing-name ${wanted}`,
            evidence: { wanted, things: things.slice(0, 20) },
          });
        }
        return pass(m('thing.exists', { name: found }), { evidence: { thingName: found } });
      },
    },
    {
      id: 'certificate.active',
      title: m('certificate.title'),
      points: 2,
      dependsOn: ['thing.exists'],
      hints: [m('certificate.hint')],
      async run(ctx) {
        const thing = await thingName(ctx);
        const certificates = await thingCertificates(ctx, thing);
        const evidence = { thingName: thing, certificates: certificates.map((c) => `${c.certificateId?.slice(0, 12)}… ${c.status}`) };
        if (certificates.length === 0) {
          return fail(m('certificate.none', { thing }), {
            hint: m('certificate.noneHint', {
              create: `aws iot create-keys-and-certificate --set-as-active --certificate-pem-outfile ${deviceDir('.lab')}/certificate.pem.crt --private-key-outfile ${deviceDir('.lab')}/private.pem.key`,
              attach: `aws iot attach-thing-principal --thing-name ${thing} --principal <certificateArn>`,
            }),
            evidence,
          });
        }
        const active = certificates.find((c) => c.status === 'ACTIVE');
        if (!active) {
          const c = certificates[0]!;
          return fail(m('certificate.inactive', { thing, status: String(c.status) }), {
            hint: `aws iot update-certificate --certificate-id ${c.certificateId} --new-status ACTIVE`,
            evidence,
          });
        }
        return pass(m('certificate.active', { thing, id: String(active.certificateId?.slice(0, 12)) }), { evidence: { ...evidence, certificateArn: active.certificateArn } });
      },
    },
    {
      id: 'policy.allows-device',
      title: m('policy.title'),
      points: 2,
      dependsOn: ['certificate.active'],
      hints: [m('policy.hint')],
      async run(ctx) {
        const thing = await thingName(ctx);
        const certificate = (await activeCertificate(ctx, thing))!;
        const policies = await certificatePolicies(ctx, certificate.certificateArn!);
        const names = resourceNames(ctx.config.prefix);
        const topic = telemetryTopic(ctx.config.prefix, thing);
        const evidence = { certificateId: certificate.certificateId, policies: policies.map((p) => p.name), topic };
        if (policies.length === 0) {
          return fail(m('policy.none', { thing }), {
            hint: `aws iot attach-policy --policy-name ${names.devicePolicy} --target ${certificate.certificateArn}`,
            evidence,
          });
        }
        const variables = { 'iot:ClientId': thing, 'iot:Connection.Thing.ThingName': thing };
        const needs = [
          { action: 'iot:Connect', resource: iotArn(ctx, `client/${thing}`) },
          { action: 'iot:Publish', resource: iotArn(ctx, `topic/${topic}`) },
        ];
        for (const need of needs) {
          const { decision, by } = evaluate(policies, need.action, need.resource, variables);
          if (decision !== 'allowed') {
            const said = decision === 'denied' ? m('policy.denied', { by: String(by), ...need }) : m('policy.notAllowed', need);
            return fail(said, {
              hint: m('policy.fix', { ...need, policy: names.devicePolicy }),
              evidence,
            });
          }
        }
        return pass(m('policy.allowed', { policies: policies.map((p) => p.name.replace('IoT policy ', '')).join(', '), thing, topic }), { evidence });
      },
    },
    {
      id: 'device.credentials-saved',
      title: m('saved.title'),
      points: 1,
      dependsOn: ['certificate.active'],
      hints: [m('saved.hint')],
      async run(ctx) {
        const thing = await thingName(ctx);
        const dir = deviceDir(ctx.home ?? labHome());
        const saved = await savedCredentials(ctx);
        if (!saved) {
          return fail(m('saved.missing', { dir }), {
            hint: m('saved.missingHint', { dir }),
            evidence: { dir },
          });
        }
        const active = await activeCertificate(ctx, thing);
        if (!samePem(saved.certificatePem, active?.certificatePem)) {
          return fail(m('saved.other', { dir, thing }), {
            hint: m('saved.otherHint', { dir, thing }),
            evidence: { dir, activeCertificateId: active?.certificateId },
          });
        }
        return pass(m('saved.ok', { dir, thing }), { evidence: { dir, certificateId: active?.certificateId } });
      },
    },
    messagesArriveCheck({
      id: 'device.publishing',
      title: m('publishing.title'),
      points: 3,
      dependsOn: ['policy.allows-device', 'device.credentials-saved'],
      hints: [m('publishing.hint1'), m('publishing.hint2')],
      waitMs: 60_000,
      listenMs: 5_000,
      problemWith: readingProblem,
      async locate(ctx) {
        const thing = await thingName(ctx);
        return { clientId: `${thing}-checker-${randomBytes(4).toString('hex')}`, topic: telemetryTopic(ctx.config.prefix, thing) };
      },
    }),
  ],
});
