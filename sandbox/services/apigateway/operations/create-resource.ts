// CreateResource: a child of `parentId`; its path part is a literal, a `{param}` or a greedy `{proxy+}`.

import { defineOperation } from '../../definition.js';
import { str, struct } from '../../../protocols/shapes.js';
import { childOfGreedy, duplicateResource, invalidPathPart, variableSibling } from '../errors.js';
import { editApi, findApi, findResource } from '../lookup.js';
import { newId, type ResourceRecord } from '../store.js';
import { resourceId, restApiId } from '../shapes.js';
import { resourceView } from '../views.js';
import { isGreedy, isVariable } from '../path-parts.js';

const VALID_PATH_PART = /^(?:[a-zA-Z0-9._:-]+|\{[a-zA-Z0-9._-]+\+?\})$/;

export const createResource = defineOperation<{ restApiId: string; parentId: string; pathPart: string }>({
  name: 'CreateResource',
  input: struct({ restApiId: restApiId(), parentId: resourceId(), pathPart: str({ required: true }) }),
  http: { method: 'POST', path: '/restapis/{restApiId}/resources/{parentId}', status: 201 },
  handler(input, ctx) {
    const api = findApi(ctx, input.restApiId);
    const parent = findResource(api, input.parentId);
    if (!VALID_PATH_PART.test(input.pathPart)) throw invalidPathPart();
    if (parent.pathPart && isGreedy(parent.pathPart)) throw childOfGreedy(parent.pathPart);
    const siblings = Object.values(api.resources).filter((r) => r.parentId === parent.id);
    if (siblings.some((s) => s.pathPart === input.pathPart)) throw duplicateResource(input.pathPart);
    const variableSibling_ = isVariable(input.pathPart) ? siblings.find((s) => isVariable(s.pathPart!)) : undefined;
    if (variableSibling_) throw variableSibling(variableSibling_.pathPart!);
    const resource: ResourceRecord = {
      id: newId(6, (id) => id in api.resources),
      parentId: parent.id,
      pathPart: input.pathPart,
      path: parent.path === '/' ? `/${input.pathPart}` : `${parent.path}/${input.pathPart}`,
      methods: {},
    };
    editApi(ctx, api, (copy) => (copy.resources[resource.id] = resource));
    return resourceView(resource, false);
  },
});
