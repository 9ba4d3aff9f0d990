// RegisterCertificateWithoutCA: a certificate the user brings (any issuer); the broker then accepts
// it by its fingerprint, as AWS does for certificates registered without a CA.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { readCertificate } from '../../../iot/pki.js';
import { certificateExists, certificateInvalid } from '../errors.js';
import { CERTIFICATE_STATUSES, iotArn } from '../shapes.js';
import { certificates, type CertificateStatus } from '../store.js';

export const registerCertificateWithoutCA = defineOperation<{ certificatePem: string; status?: CertificateStatus }>({
  name: 'RegisterCertificateWithoutCA',
  input: struct({ certificatePem: str({ required: true, min: 1, max: 65536 }), status: str({ enum: CERTIFICATE_STATUSES }) }),
  http: { method: 'POST', path: '/certificate/register-no-ca' },
  handler(input, ctx) {
    const read = readCertificate(input.certificatePem);
    if (!read) throw certificateInvalid();
    const table = certificates(ctx.sandbox, ctx);
    const certificateArn = iotArn(ctx, `cert/${read.certificateId}`);
    if (table.get(read.certificateId)) throw certificateExists(read.certificateId, certificateArn);
    const now = ctx.clock.now();
    table.set(read.certificateId, {
      certificateId: read.certificateId,
      certificateArn,
      certificatePem: input.certificatePem,
      status: input.status ?? 'INACTIVE',
      accountId: ctx.accountId,
      region: ctx.region,
      issuedBySandbox: false,
      createdAt: now,
      lastModifiedAt: now,
      validFrom: read.validFrom,
      validTo: read.validTo,
    });
    return { certificateArn, certificateId: read.certificateId };
  },
});
