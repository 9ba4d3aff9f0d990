// REST protocols (restJson1, restXml) select the operation from method, path template, and the query
// parameters or headers that tell apart operations sharing a path (S3's `?tagging`, `?uploads`).

import type { EdgeRequest } from '../edge/http-types.js';
import type { HttpBinding, Operation, ServiceDefinition } from '../services/definition.js';

export interface RouteMatch {
  operation: Operation;
  labels: Record<string, string>;
}

interface CompiledRoute {
  operation: Operation;
  binding: HttpBinding;
  regex: RegExp;
  labelNames: string[];
  /** More literal characters and more discriminators win over generic routes. */
  specificity: number;
}

const cache = new WeakMap<ServiceDefinition, CompiledRoute[]>();

function compile(service: ServiceDefinition): CompiledRoute[] {
  let routes = cache.get(service);
  if (routes) return routes;
  routes = [];
  for (const operation of service.operations) {
    const binding = operation.http;
    if (!binding) continue;
    const [pathPart] = binding.path.split('?');
    const labelNames: string[] = [];
    let literal = 0;
    const pattern = pathPart
      .split(/(\{[^}]+\})/)
      .map((piece) => {
        const label = /^\{([^}+]+)(\+?)\}$/.exec(piece);
        if (!label) {
          literal += piece.length;
          return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        }
        labelNames.push(label[1]);
        return label[2] ? '(.+)' : '([^/]+)';
      })
      .join('');
    // A trailing slash is optional, as API Gateway and S3 treat `/bucket` and `/bucket/` alike.
    const regex = new RegExp(`^${pattern.replace(/\/$/, '')}/?$`);
    const discriminators = (binding.requiredQuery?.length ?? 0) + (binding.requiredHeaders?.length ?? 0);
    routes.push({ operation, binding, regex, labelNames, specificity: discriminators * 1000 + literal });
  }
  routes.sort((a, b) => b.specificity - a.specificity);
  cache.set(service, routes);
  return routes;
}

function queryHas(req: EdgeRequest, required: string): boolean {
  const [name, value] = required.split('=');
  if (!req.query.has(name)) return false;
  return value === undefined || req.query.get(name) === value;
}

export function matchRoute(req: EdgeRequest, service: ServiceDefinition): RouteMatch | undefined {
  for (const route of compile(service)) {
    if (route.binding.method !== req.method) continue;
    const m = route.regex.exec(req.rawPath);
    if (!m) continue;
    if (!(route.binding.requiredQuery ?? []).every((q) => queryHas(req, q))) continue;
    if (!(route.binding.requiredHeaders ?? []).every((h) => req.headers[h.toLowerCase()] !== undefined)) continue;
    const labels: Record<string, string> = {};
    route.labelNames.forEach((name, i) => (labels[name] = decodeURIComponent(m[i + 1])));
    return { operation: route.operation, labels };
  }
  return undefined;
}

/** Input members that live outside the body: path labels, mapped query parameters and headers. */
export function boundMembers(req: EdgeRequest, op: Operation, labels: Record<string, string>): Record<string, unknown> {
  const binding = op.http!;
  const input: Record<string, unknown> = { ...labels };
  const queryNames = binding.query ?? {};
  const mappedQuery = new Set(Object.values(queryNames));
  for (const [member, name] of Object.entries(queryNames)) {
    const values = req.query.getAll(name);
    // A list member repeats its query parameter; one occurrence is still a list.
    if (op.input?.members[member]?.type === 'list') {
      if (values.length > 0) input[member] = values;
    } else if (values.length > 0) input[member] = values[0];
  }
  // Members whose query name equals their own name need no mapping.
  for (const [name, value] of req.query) if (!mappedQuery.has(name) && op.input?.members[name] && input[name] === undefined) input[name] = value;
  for (const [member, name] of Object.entries(binding.headers ?? {})) {
    const value = req.headers[name.toLowerCase()];
    if (value !== undefined) input[member] = value;
  }
  if (binding.payload) input[binding.payload] = req.body;
  return input;
}

/** Moves output members bound to response headers into `headers`; returns the members left for the body. */
export function takeResponseHeaders(output: unknown, op: Operation, headers: Record<string, string>): Record<string, unknown> {
  const rest: Record<string, unknown> = { ...((output as Record<string, unknown>) ?? {}) };
  for (const [member, name] of Object.entries(op.http?.responseHeaders ?? {})) {
    if (rest[member] !== undefined) headers[name] = rest[member] instanceof Date ? (rest[member] as Date).toUTCString() : String(rest[member]);
    delete rest[member];
  }
  return rest;
}
