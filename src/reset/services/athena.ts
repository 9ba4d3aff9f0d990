// Athena (lab 4): workgroups by tag or name (never `primary`, which Athena keeps), deleted with what
// they hold; and named queries, which take no tags: the prefix's saved query wherever it is, and those
// in a selected workgroup, each deleted before its workgroup so the report names them.

import {
  AthenaClient,
  BatchGetNamedQueryCommand,
  DeleteNamedQueryCommand,
  DeleteWorkGroupCommand,
  ListNamedQueriesCommand,
  ListTagsForResourceCommand,
  ListWorkGroupsCommand,
} from '@aws-sdk/client-athena';
import { mapLimit, selectByTagOrName, tagMap, type ResetContext } from '../context.js';
import { WORKSHOP_TAG } from '../names.js';
import type { PlannedResource, Selection } from '../resource.js';
import { deleteIfExists, errorName, isGone } from '../retry.js';
import { ALREADY_GONE, type Deleter, type Discovered, type ServiceReset } from '../service.js';

const athenaOf = (ctx: ResetContext) => ctx.clients.get(AthenaClient);
const PRIMARY = 'primary';
/** BatchGetNamedQuery takes at most this many ids. */
const QUERY_BATCH = 50;
/** Athena says "not found" with InvalidRequestException and a message. */
const athenaGone = (err: unknown) => isGone(err) || (errorName(err) === 'InvalidRequestException' && /not (be )?found|does not exist/i.test((err as Error).message));

async function discover(ctx: ResetContext): Promise<Discovered> {
  const athena = athenaOf(ctx);
  const workgroups: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await athena.send(new ListWorkGroupsCommand({ NextToken }), { abortSignal: ctx.signal });
    workgroups.push(...(page.WorkGroups ?? []).map((w) => w.Name!));
    NextToken = page.NextToken;
  } while (NextToken);
  const selectedGroups = (
    await mapLimit(
      workgroups.filter((w) => w !== PRIMARY),
      8,
      async (name) => {
        const arn = `arn:aws:athena:${ctx.target.region}:${ctx.target.accountId}:workgroup/${name}`;
        const { Tags } = await athena.send(new ListTagsForResourceCommand({ ResourceARN: arn }), { abortSignal: ctx.signal });
        return selectByTagOrName(ctx, 'athena-workgroup', name, tagMap(Tags)[WORKSHOP_TAG.key] === WORKSHOP_TAG.value, { arn });
      },
    )
  ).filter((r): r is PlannedResource => r !== undefined);
  const inSelected = new Map(selectedGroups.map((g) => [g.name, g]));

  const queries: PlannedResource[] = [];
  for (const workgroup of workgroups) {
    const ids: string[] = [];
    do {
      const page = await athena.send(new ListNamedQueriesCommand({ WorkGroup: workgroup, NextToken }), { abortSignal: ctx.signal });
      ids.push(...(page.NamedQueryIds ?? []));
      NextToken = page.NextToken;
    } while (NextToken);
    for (let i = 0; i < ids.length; i += QUERY_BATCH) {
      const { NamedQueries = [] } = await athena.send(new BatchGetNamedQueryCommand({ NamedQueryIds: ids.slice(i, i + QUERY_BATCH) }), { abortSignal: ctx.signal });
      for (const q of NamedQueries) {
        const group = inSelected.get(workgroup);
        const byName = selectByTagOrName(ctx, 'athena-named-query', q.Name!, false, { id: q.NamedQueryId });
        if (!byName && !group) continue;
        const via: Selection[] = group ? [{ via: { key: 'selection.inWorkgroup', values: { workgroup } } }] : [];
        queries.push({ kind: 'athena-named-query', name: q.Name!, id: q.NamedQueryId, lab: byName?.lab ?? group!.lab, why: [...(byName?.why ?? []), ...via] });
      }
    }
  }
  return { selected: [...selectedGroups, ...queries] };
}

const deleteNamedQuery: Deleter = async (r, ctx) => {
  try {
    const deleted = await deleteIfExists(ctx, () => athenaOf(ctx).send(new DeleteNamedQueryCommand({ NamedQueryId: r.id }), { abortSignal: ctx.signal }));
    return deleted ? { status: 'deleted' } : ALREADY_GONE;
  } catch (err) {
    if (athenaGone(err)) return ALREADY_GONE;
    throw err;
  }
};

const deleteWorkgroup: Deleter = async (r, ctx) => {
  try {
    // Recursive: its saved queries and query history go with it.
    const deleted = await deleteIfExists(ctx, () => athenaOf(ctx).send(new DeleteWorkGroupCommand({ WorkGroup: r.name, RecursiveDeleteOption: true }), { abortSignal: ctx.signal }));
    return deleted ? { status: 'deleted' } : ALREADY_GONE;
  } catch (err) {
    if (athenaGone(err)) return ALREADY_GONE;
    throw err;
  }
};

export const athenaReset: ServiceReset = { service: 'athena', stage: 1, discover, deleters: { 'athena-named-query': deleteNamedQuery, 'athena-workgroup': deleteWorkgroup } };
