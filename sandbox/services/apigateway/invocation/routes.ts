// Which deployed resource a request path selects, as API Gateway chooses: at each level a literal path
// part beats a `{param}`, which beats a greedy `{proxy+}`; the parameters the path binds come along.

import type { ResourceRecord } from '../store.js';
import { isGreedy, isVariable, variableName } from '../path-parts.js';

export interface ResourceMatch {
  resource: ResourceRecord;
  pathParameters: Record<string, string>;
}

export function matchResource(resources: Record<string, ResourceRecord>, segments: string[]): ResourceMatch | undefined {
  const all = Object.values(resources);
  const root = all.find((r) => r.parentId === undefined);
  if (!root) return undefined;
  const children = new Map<string, ResourceRecord[]>();
  for (const r of all) if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const rank = (r: ResourceRecord) => (!isVariable(r.pathPart!) ? 0 : isGreedy(r.pathPart!) ? 2 : 1);

  const walk = (resource: ResourceRecord, rest: string[], params: Record<string, string>): ResourceMatch | undefined => {
    if (rest.length === 0) return { resource, pathParameters: params };
    const [head, ...tail] = rest;
    for (const child of [...(children.get(resource.id) ?? [])].sort((a, b) => rank(a) - rank(b))) {
      const part = child.pathPart!;
      if (!isVariable(part)) {
        if (part !== head) continue;
        const found = walk(child, tail, params);
        if (found) return found;
      } else if (isGreedy(part)) {
        return { resource: child, pathParameters: { ...params, [variableName(part)]: rest.join('/') } };
      } else {
        const found = walk(child, tail, { ...params, [variableName(part)]: head });
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(root, segments, {});
}
