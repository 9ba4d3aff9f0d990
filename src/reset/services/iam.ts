// IAM roles by tag or name, deleted last (the services above act as them until they are gone): managed
// policies detached, inline policies deleted, then the role. Roles are account-wide: the prefix's roles
// go whichever region's resources used them. Service-linked roles are never touched.

import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  type Role,
  type Tag,
} from '@aws-sdk/client-iam';
import { mapLimit, selectByTagOrName, tagMap, type ResetContext } from '../context.js';
import { WORKSHOP_TAG } from '../names.js';
import type { PlannedResource } from '../resource.js';
import { deleteIfExists, isGone } from '../retry.js';
import { ALREADY_GONE, type Deleter, type Discovered, type ServiceReset } from '../service.js';

const iamOf = (ctx: ResetContext) => ctx.clients.get(IAMClient);

async function discover(ctx: ResetContext): Promise<Discovered> {
  const iam = iamOf(ctx);
  const roles: Role[] = [];
  let Marker: string | undefined;
  do {
    const page = await iam.send(new ListRolesCommand({ Marker }), { abortSignal: ctx.signal });
    roles.push(...(page.Roles ?? []));
    Marker = page.IsTruncated ? page.Marker : undefined;
  } while (Marker);
  const selected = await mapLimit(
    roles.filter((r) => !r.Path?.startsWith('/aws-service-role/')),
    8,
    async (role) => {
      const tags: Tag[] = [];
      let marker: string | undefined;
      try {
        do {
          const page = await iam.send(new ListRoleTagsCommand({ RoleName: role.RoleName, Marker: marker }), { abortSignal: ctx.signal });
          tags.push(...(page.Tags ?? []));
          marker = page.IsTruncated ? page.Marker : undefined;
        } while (marker);
      } catch (err) {
        if (isGone(err)) return undefined;
        throw err;
      }
      return selectByTagOrName(ctx, 'iam-role', role.RoleName!, tagMap(tags)[WORKSHOP_TAG.key] === WORKSHOP_TAG.value, { arn: role.Arn });
    },
  );
  return { selected: selected.filter((r): r is PlannedResource => r !== undefined) };
}

const deleteRole: Deleter = async (r, ctx, step) => {
  const iam = iamOf(ctx);
  const RoleName = r.name;
  try {
    const attached: string[] = [];
    let Marker: string | undefined;
    do {
      const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName, Marker }), { abortSignal: ctx.signal });
      attached.push(...(page.AttachedPolicies ?? []).map((p) => p.PolicyArn!));
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    for (const PolicyArn of attached) await deleteIfExists(ctx, () => iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn }), { abortSignal: ctx.signal }));
    if (attached.length) step({ key: 'steps.detachedRolePolicies', values: { policies: attached.map((a) => a.slice(a.lastIndexOf('/') + 1)).join(', ') } });
    const inline: string[] = [];
    do {
      const page = await iam.send(new ListRolePoliciesCommand({ RoleName, Marker }), { abortSignal: ctx.signal });
      inline.push(...(page.PolicyNames ?? []));
      Marker = page.IsTruncated ? page.Marker : undefined;
    } while (Marker);
    for (const PolicyName of inline) await deleteIfExists(ctx, () => iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName }), { abortSignal: ctx.signal }));
    if (inline.length) step({ key: 'steps.deletedInlinePolicies', values: { policies: inline.join(', ') } });
  } catch (err) {
    if (isGone(err)) return ALREADY_GONE;
    throw err;
  }
  // IAM refuses the delete for a moment after the last policy went (DeleteConflict).
  const deleted = await deleteIfExists(ctx, () => iam.send(new DeleteRoleCommand({ RoleName }), { abortSignal: ctx.signal }), ['DeleteConflictException', 'ConcurrentModificationException']);
  return deleted ? { status: 'deleted' } : ALREADY_GONE;
};

export const iamReset: ServiceReset = { service: 'iam', stage: 1, discover, deleters: { 'iam-role': deleteRole } };
