// CreateKeysAndCertificate: a new RSA 2048 key pair and an X.509 certificate signed by the sandbox CA;
// the private key is returned this once and never stored.

import { defineOperation } from '../../definition.js';
import { bool, struct } from '../../../protocols/shapes.js';
import { issueDeviceCertificate } from '../../../iot/pki.js';
import { iotRuntime } from '../runtime.js';
import { iotArn } from '../shapes.js';
import { certificates } from '../store.js';

export const createKeysAndCertificate = defineOperation<{ setAsActive?: boolean }>({
  name: 'CreateKeysAndCertificate',
  input: struct({ setAsActive: bool() }),
  http: { method: 'POST', path: '/keys-and-certificate', query: { setAsActive: 'setAsActive' } },
  async handler(input, ctx) {
    const now = ctx.clock.now();
    const issued = await issueDeviceCertificate(iotRuntime(ctx.sandbox).ca, Date.now());
    const certificateArn = iotArn(ctx, `cert/${issued.certificateId}`);
    certificates(ctx.sandbox, ctx).set(issued.certificateId, {
      certificateId: issued.certificateId,
      certificateArn,
      certificatePem: issued.certificatePem,
      status: input.setAsActive ? 'ACTIVE' : 'INACTIVE',
      accountId: ctx.accountId,
      region: ctx.region,
      issuedBySandbox: true,
      createdAt: now,
      lastModifiedAt: now,
      validFrom: issued.validFrom,
      validTo: issued.validTo,
    });
    return {
      certificateArn,
      certificateId: issued.certificateId,
      certificatePem: issued.certificatePem,
      keyPair: { PublicKey: issued.publicKeyPem, PrivateKey: issued.privateKeyPem },
    };
  },
});
