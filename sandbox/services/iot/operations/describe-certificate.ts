// DescribeCertificate: a certificate's status, PEM, owner and validity.

import { defineOperation } from '../../definition.js';
import { struct } from '../../../protocols/shapes.js';
import { requireCertificate } from '../certificates.js';
import { certificateId } from '../shapes.js';

export const describeCertificate = defineOperation<{ certificateId: string }>({
  name: 'DescribeCertificate',
  input: struct({ certificateId: certificateId() }),
  http: { method: 'GET', path: '/certificates/{certificateId}' },
  handler(input, ctx) {
    const cert = requireCertificate(ctx, input.certificateId);
    return {
      certificateDescription: {
        certificateArn: cert.certificateArn,
        certificateId: cert.certificateId,
        status: cert.status,
        certificatePem: cert.certificatePem,
        ownedBy: cert.accountId,
        creationDate: new Date(cert.createdAt),
        lastModifiedDate: new Date(cert.lastModifiedAt),
        customerVersion: 1,
        generationId: `${cert.lastModifiedAt}`,
        validity: { notBefore: new Date(cert.validFrom), notAfter: new Date(cert.validTo) },
        certificateMode: 'DEFAULT',
      },
    };
  },
});
