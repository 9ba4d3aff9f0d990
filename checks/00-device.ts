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

async function thingName(ctx: CheckContext): Promise<string> {
  const { wanted, found } = await locateThing(ctx);
  return found ?? wanted;
}

export default defineChecks({
  checks: [
    {
      id: 'thing.exists',
      title: 'The device is registered as an IoT thing',
      points: 1,
      hints: ['IoT console → Manage → All devices → Things → Create things → one thing.'],
      async run(ctx) {
        const { wanted, found, things } = await locateThing(ctx);
        if (!found) {
          return fail(`There is no IoT thing ${wanted} (the account has ${things.length} thing(s)${things.length ? `: ${things.slice(0, 5).join(', ')}` : ''}).`, {
            hint: `aws iot create-thing --thing-name ${wanted}`,
            evidence: { wanted, things: things.slice(0, 20) },
          });
        }
        return pass(`Thing ${found} exists.`, { evidence: { thingName: found } });
      },
    },
    {
      id: 'certificate.active',
      title: 'The thing has an ACTIVE certificate',
      points: 2,
      dependsOn: ['thing.exists'],
      hints: ['Each device proves who it is with its own X.509 certificate, attached to its thing and ACTIVE.'],
      async run(ctx) {
        const thing = await thingName(ctx);
        const certificates = await thingCertificates(ctx, thing);
        const evidence = { thingName: thing, certificates: certificates.map((c) => `${c.certificateId?.slice(0, 12)}… ${c.status}`) };
        if (certificates.length === 0) {
          return fail(`No certificate is attached to thing ${thing}.`, {
            hint: `aws iot create-keys-and-certificate --set-as-active --certificate-pem-outfile ${deviceDir('.lab')}/certificate.pem.crt --private-key-outfile ${deviceDir('.lab')}/private.pem.key, then aws iot attach-thing-principal --thing-name ${thing} --principal <certificateArn>`,
            evidence,
          });
        }
        const active = certificates.find((c) => c.status === 'ACTIVE');
        if (!active) {
          const c = certificates[0]!;
          return fail(`The certificate of thing ${thing} is ${c.status}, so IoT refuses its connections.`, {
            hint: `aws iot update-certificate --certificate-id ${c.certificateId} --new-status ACTIVE`,
            evidence,
          });
        }
        return pass(`Thing ${thing} has ACTIVE certificate ${active.certificateId?.slice(0, 12)}….`, { evidence: { ...evidence, certificateArn: active.certificateArn } });
      },
    },
    {
      id: 'policy.allows-device',
      title: "The certificate's policy lets the device connect and publish",
      points: 2,
      dependsOn: ['certificate.active'],
      hints: ['Attach an IoT policy to the certificate (not to the thing) allowing iot:Connect, iot:Publish, iot:Subscribe and iot:Receive.'],
      async run(ctx) {
        const thing = await thingName(ctx);
        const certificate = (await activeCertificate(ctx, thing))!;
        const policies = await certificatePolicies(ctx, certificate.certificateArn!);
        const names = resourceNames(ctx.config.prefix);
        const topic = telemetryTopic(ctx.config.prefix, thing);
        const evidence = { certificateId: certificate.certificateId, policies: policies.map((p) => p.name), topic };
        if (policies.length === 0) {
          return fail(`No IoT policy is attached to the certificate of ${thing}, so IoT refuses everything it asks.`, {
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
            return fail(`The certificate's policies ${decision === 'denied' ? `deny (${by})` : 'do not allow'} ${need.action} on ${need.resource}.`, {
              hint: `Allow ${need.action} on ${need.resource} in policy ${names.devicePolicy} (lab 0, step 3), e.g. with aws iot create-policy-version --set-as-default.`,
              evidence,
            });
          }
        }
        return pass(`Policies ${policies.map((p) => p.name.replace('IoT policy ', '')).join(', ')} let ${thing} connect and publish to ${topic}.`, { evidence });
      },
    },
    {
      id: 'device.credentials-saved',
      title: 'The device certificate and key are saved for `lab device`',
      points: 1,
      dependsOn: ['certificate.active'],
      hints: [`Save the certificate as .lab/device/certificate.pem.crt and the private key as .lab/device/private.pem.key.`],
      async run(ctx) {
        const thing = await thingName(ctx);
        const dir = deviceDir(ctx.home ?? labHome());
        const saved = await savedCredentials(ctx);
        if (!saved) {
          return fail(`The device's certificate and private key are not in ${dir}.`, {
            hint: `Save the files you downloaded when creating the certificate as ${dir}/certificate.pem.crt and ${dir}/private.pem.key (a lost private key cannot be downloaded again: create a new certificate).`,
            evidence: { dir },
          });
        }
        const active = await activeCertificate(ctx, thing);
        if (!samePem(saved.certificatePem, active?.certificatePem)) {
          return fail(`The certificate in ${dir} is not the ACTIVE certificate of thing ${thing}.`, {
            hint: `Save that certificate's files in ${dir}, or attach the saved certificate to ${thing} and activate it.`,
            evidence: { dir, activeCertificateId: active?.certificateId },
          });
        }
        return pass(`${dir} holds the ACTIVE certificate of ${thing} and its key.`, { evidence: { dir, certificateId: active?.certificateId } });
      },
    },
    messagesArriveCheck({
      id: 'device.publishing',
      title: 'Readings of the right schema arrive on the device topic',
      points: 3,
      dependsOn: ['policy.allows-device', 'device.credentials-saved'],
      hints: ['Run `lab device` in another terminal and leave it running.', 'In the IoT console, the MQTT test client can subscribe to <prefix>/telemetry/# and show the messages.'],
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
