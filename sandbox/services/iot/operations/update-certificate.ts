// UpdateCertificate: ACTIVE, INACTIVE or REVOKED; a revoked certificate stays revoked. Devices using a
// certificate that stops being ACTIVE lose their rights on their next operation.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { requireCertificate } from '../certificates.js';
import { certificateRevoked } from '../errors.js';
import { certificateId, CERTIFICATE_STATUSES } from '../shapes.js';
import { certificates, type CertificateStatus } from '../store.js';

export const updateCertificate = defineOperation<{ certificateId: string; newStatus: CertificateStatus }>({
  name: 'UpdateCertificate',
  input: struct({ certificateId: certificateId(), newStatus: str({ required: true, enum: CERTIFICATE_STATUSES }) }),
  http: { method: 'PUT', path: '/certificates/{certificateId}', query: { newStatus: 'newStatus' } },
  readOnly: false,
  handler(input, ctx) {
    const cert = requireCertificate(ctx, input.certificateId);
    if (cert.status === 'REVOKED' && input.newStatus !== 'REVOKED') throw certificateRevoked(cert.certificateId);
    certificates(ctx.sandbox, ctx).set(cert.certificateId, { ...cert, status: input.newStatus, lastModifiedAt: ctx.clock.now() });
    return {};
  },
});
