// ListMetrics: the metrics that received data in the past two weeks (or three hours with
// RecentlyActive=PT3H), filtered by namespace, name and dimensions, 500 per page.

import { defineOperation } from '../../definition.js';
import { bool, list, str, struct } from '../../../protocols/shapes.js';
import { metricName, namespace, pageOffset, pageToken } from '../shapes.js';
import { metricStore, type Series } from '../store.js';
import { collectionTooLarge, missingParameter } from '../errors.js';

const input = struct({
  Namespace: namespace(),
  MetricName: metricName(),
  Dimensions: list(struct({ Name: str({ min: 1, max: 255 }), Value: str({ min: 1, max: 1024 }) })),
  NextToken: str(),
  RecentlyActive: str({ enum: ['PT3H'] }),
  IncludeLinkedAccounts: bool(),
  OwningAccount: str({ min: 1, max: 255 }),
});

interface Input {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: { Name?: string; Value?: string }[];
  NextToken?: string;
  RecentlyActive?: string;
}

const PAGE = 500;
const TWO_WEEKS = 14 * 86_400_000;
const THREE_HOURS = 3 * 3_600_000;

const order = (a: Series, b: Series) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export const listMetrics = defineOperation<Input>({
  name: 'ListMetrics',
  input,
  handler(input, ctx) {
    const filters = input.Dimensions ?? [];
    if (filters.length > 10) throw collectionTooLarge('Dimensions', 10);
    filters.forEach((f, i) => {
      if (f.Name === undefined) throw missingParameter(`Dimensions.member.${i + 1}.Name`);
    });
    const since = ctx.clock.now() - (input.RecentlyActive ? THREE_HOURS : TWO_WEEKS);
    const matching = [...metricStore(ctx.sandbox).all(ctx)]
      .filter(
        (s) =>
          s.lastPut >= since &&
          (input.Namespace === undefined || s.namespace === input.Namespace) &&
          (input.MetricName === undefined || s.name === input.MetricName) &&
          filters.every((f) => s.dimensions.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value))),
      )
      .sort(order);
    const offset = pageOffset(input.NextToken);
    const page = matching.slice(offset, offset + PAGE);
    return {
      Metrics: page.map((s) => ({ Namespace: s.namespace, MetricName: s.name, Dimensions: s.dimensions })),
      NextToken: offset + PAGE < matching.length ? pageToken(offset + PAGE) : undefined,
    };
  },
});
