// awsQuery (IAM, STS, CloudWatch's oldest clients): form-encoded `Action=...&Version=...` with
// `List.member.N` and `Map.entry.N.key/value` flattening; XML responses wrapped in
// <ActionResponse><ActionResult>...</ActionResult><ResponseMetadata/></ActionResponse>.

import type { EdgeRequest } from '../edge/http-types.js';
import { requestBody, type Codec } from './codec.js';
import { ServiceError } from './errors.js';
import { escapeXml, xmlChildren } from './xml.js';

/** All parameters of a query request: the URL's and, for a form POST, the body's. */
export function queryParams(req: EdgeRequest): URLSearchParams {
  const params = new URLSearchParams(req.query);
  if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    let body: Buffer;
    try {
      body = requestBody(req);
    } catch {
      // The router asks too, outside any error handling: an undecodable body just has no parameters.
      body = Buffer.alloc(0);
    }
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.append(k, v);
  }
  return params;
}

/** Turns `Tags.member.1.Key=a` into `{Tags: [{Key: 'a'}]}` and `Attr.entry.1.key/value` into maps. */
export function unflatten(params: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of params) {
    if (name === 'Action' || name === 'Version') continue;
    const parts = name.split('.');
    let node: any = root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const last = i === parts.length - 1;
      const next = parts[i + 1];
      if (!last && (next === 'member' || next === 'entry') && /^\d+$/.test(parts[i + 2] ?? '')) {
        // List or map container: index by the 1-based position, compacted below.
        node[part] ??= { __list: next };
        node = node[part];
        const index = parts[i + 2];
        i += 2;
        if (i === parts.length - 1) {
          node[index] = value;
          break;
        }
        node[index] ??= {};
        node = node[index];
        continue;
      }
      if (last) node[part] = value;
      else node = node[part] ??= {};
    }
  }
  return compact(root) as Record<string, unknown>;
}

function compact(node: unknown): unknown {
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  if (obj.__list === 'member') {
    return Object.keys(obj).filter((k) => k !== '__list').sort((a, b) => Number(a) - Number(b)).map((k) => compact(obj[k]));
  }
  if (obj.__list === 'entry') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(obj).filter((x) => x !== '__list').sort((a, b) => Number(a) - Number(b))) {
      const entry = obj[k] as Record<string, unknown>;
      out[String(entry.key ?? entry.Key)] = compact(entry.value ?? entry.Value);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = compact(v);
  return out;
}

export const awsQueryCodec: Codec = {
  name: 'awsQuery',
  wire: 'query',
  decode(req) {
    const params = queryParams(req);
    return { operationName: params.get('Action') ?? undefined, input: () => unflatten(params) };
  },
  encode(output, op, service, requestId) {
    const result = output === undefined || output === null ? '' : `<${op.name}Result>${xmlChildren(output, 'member')}</${op.name}Result>`;
    const body =
      `<${op.name}Response xmlns="${service.xmlNamespace ?? ''}">${result}` +
      `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${op.name}Response>`;
    return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
  },
  encodeError(err, service, requestId) {
    const body =
      `<ErrorResponse xmlns="${service.xmlNamespace ?? ''}"><Error><Type>${err.fault}</Type><Code>${escapeXml(err.code)}</Code>` +
      `<Message>${escapeXml(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
    return { status: err.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body };
  },
  unknownOperation(name) {
    if (!name) return new ServiceError('MissingAction', 'Could not find operation', 400);
    return new ServiceError('InvalidAction', `Could not find operation ${name} for version`, 400);
  },
};
