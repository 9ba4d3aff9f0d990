// ListCertificates: the account's certificates, newest first unless isAscendingOrder.

import { defineOperation } from '../../definition.js';
import { bool, struct } from '../../../protocols/shapes.js';
import { marker, page, pageSize } from '../shapes.js';
import { certificates } from '../store.js';

export const listCertificates = defineOperation<{ pageSize?: number; marker?: string; ascendingOrder?: boolean }>({
  name: 'ListCertificates',
  input: struct({ pageSize: pageSize(), marker: marker(), ascendingOrder: bool() }),
  http: { method: 'GET', path: '/certificates', query: { ascendingOrder: 'isAscendingOrder' } },
  handler(input, ctx) {
    const all = certificates(ctx.sandbox, ctx)
      .values()
      .sort((a, b) => (input.ascendingOrder ? a.createdAt - b.createdAt : b.createdAt - a.createdAt));
    const { items, next } = page(all, input.marker, input.pageSize);
    return {
      certificates: items.map((c) => ({
        certificateArn: c.certificateArn,
        certificateId: c.certificateId,
        status: c.status,
        certificateMode: 'DEFAULT',
        creationDate: new Date(c.createdAt),
      })),
      nextMarker: next,
    };
  },
});
