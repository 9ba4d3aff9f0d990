// IoT policies: the document grammar CreatePolicy accepts and the decision the broker asks for
// (Connect, Publish, Subscribe, Receive), over the project's one policy language (policy/): an explicit
// Deny beats any Allow, nothing allowed is denied, IAM's wildcards, policy variables such as
// `${iot:ClientId}` and `${iot:Connection.Thing.ThingName}` resolved per connection (a statement whose
// variables cannot be resolved does not apply, as in AWS), and Condition evaluated against the same keys.

import { decide as decideRequest, timeKeys, type RequestContext } from '../../policy/index.js';

export interface IotStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  resources: string[];
  condition?: Record<string, unknown>;
}

export type PolicyVariables = Record<string, string | undefined>;

const asList = (v: unknown): unknown[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The statements of a policy document, or undefined if it is not one (MalformedPolicyException). */
export function parseIotPolicy(text: string): IotStatement[] | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(doc)) return undefined;
  const raw = asList(doc.Statement);
  if (!raw || raw.length === 0) return undefined;
  const statements: IotStatement[] = [];
  for (const st of raw) {
    if (!isObject(st)) return undefined;
    const actions = asList(st.Action);
    const resources = asList(st.Resource);
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') return undefined;
    if (!actions?.every((a) => typeof a === 'string') || !resources?.every((r) => typeof r === 'string')) return undefined;
    if (st.Condition !== undefined && !(isObject(st.Condition) && Object.values(st.Condition).every(isObject))) return undefined;
    statements.push({ effect: st.Effect, actions: actions as string[], resources: resources as string[], ...(st.Condition === undefined ? {} : { condition: st.Condition }) });
  }
  return statements;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

/**
 * The decision for one action on one resource. The variables are the connection's condition keys
 * (iot:ClientId, iot:Connection.Thing.*, aws:SourceIp when known); to them the broker's own facts are
 * added: the time, and a secure transport (the broker evaluates policies only for mutual-TLS clients).
 */
export function decide(statements: IotStatement[], action: string, resource: string, variables: PolicyVariables, now = Date.now()): Decision {
  const context: RequestContext = {
    'aws:SecureTransport': 'true',
    ...timeKeys(now),
    ...variables,
  };
  const normalized = statements.map((st) => ({ effect: st.effect, action: st.actions, resource: st.resources, condition: st.condition }));
  return decideRequest(normalized, { action, resource, context }).decision;
}
