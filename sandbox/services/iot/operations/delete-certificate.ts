// DeleteCertificate: only a certificate that is not ACTIVE, attached to no thing and (unless
// forceDelete) to no policy.

import { defineOperation } from '../../definition.js';
import { bool, struct } from '../../../protocols/shapes.js';
import { requireCertificate } from '../certificates.js';
import { certificateHasPolicies, certificateHasThings, certificateStillActive } from '../errors.js';
import { certificateId } from '../shapes.js';
import { attachments, certificates, tags, thingPrincipals } from '../store.js';

export const deleteCertificate = defineOperation<{ certificateId: string; forceDelete?: boolean }>({
  name: 'DeleteCertificate',
  input: struct({ certificateId: certificateId(), forceDelete: bool() }),
  http: { method: 'DELETE', path: '/certificates/{certificateId}', query: { forceDelete: 'forceDelete' } },
  handler(input, ctx) {
    const cert = requireCertificate(ctx, input.certificateId);
    if (cert.status === 'ACTIVE') throw certificateStillActive();
    if (thingPrincipals(ctx.sandbox, ctx).values().some((tp) => tp.principal === cert.certificateArn)) throw certificateHasThings(cert.certificateArn);
    const table = attachments(ctx.sandbox, ctx);
    const attached = table.names().filter((key) => table.get(key)?.target === cert.certificateArn);
    if (attached.length > 0 && !input.forceDelete) throw certificateHasPolicies(cert.certificateArn);
    for (const key of attached) table.delete(key);
    certificates(ctx.sandbox, ctx).delete(cert.certificateId);
    tags(ctx.sandbox, ctx).delete(cert.certificateArn);
    return {};
  },
});
