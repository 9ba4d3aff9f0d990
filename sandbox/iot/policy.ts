// IoT policies: the document grammar CreatePolicy accepts and the decision the broker asks for
// (Connect, Publish, Subscribe, Receive): an explicit Deny beats any Allow, nothing allowed is denied,
// `*`/`?` wildcards in actions and resources (IAM's), and policy variables such as
// `${iot:ClientId}` and `${iot:Connection.Thing.ThingName}` resolved per connection. A statement
// whose variables cannot be resolved does not apply, as in AWS.

import { wildcardMatch } from '../services/iam/policy-evaluation.js';

export interface IotStatement {
  effect: 'Allow' | 'Deny';
  actions: string[];
  resources: string[];
}

export type PolicyVariables = Record<string, string | undefined>;

const asList = (v: unknown): unknown[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/** The statements of a policy document, or undefined if it is not one (MalformedPolicyException). */
export function parseIotPolicy(text: string): IotStatement[] | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return undefined;
  const raw = asList((doc as Record<string, unknown>).Statement);
  if (!raw || raw.length === 0) return undefined;
  const statements: IotStatement[] = [];
  for (const st of raw) {
    if (typeof st !== 'object' || st === null) return undefined;
    const s = st as Record<string, unknown>;
    const actions = asList(s.Action);
    const resources = asList(s.Resource);
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') return undefined;
    if (!actions?.every((a) => typeof a === 'string') || !resources?.every((r) => typeof r === 'string')) return undefined;
    statements.push({ effect: s.Effect, actions: actions as string[], resources: resources as string[] });
  }
  return statements;
}

const VARIABLE = /\$\{([^}]+)\}/g;

/** The resource pattern with its policy variables filled in, or undefined if one has no value. */
function resolve(pattern: string, variables: PolicyVariables): string | undefined {
  let missing = false;
  const resolved = pattern.replace(VARIABLE, (_, name: string) => {
    const value = variables[name];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : resolved;
}

export type Decision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny';

export function decide(statements: IotStatement[], action: string, resource: string, variables: PolicyVariables): Decision {
  let allowed = false;
  for (const st of statements) {
    if (!st.actions.some((a) => wildcardMatch(a, action, true))) continue;
    const covers = st.resources.some((r) => {
      const pattern = resolve(r, variables);
      return pattern !== undefined && wildcardMatch(pattern, resource);
    });
    if (!covers) continue;
    if (st.effect === 'Deny') return 'ExplicitDeny';
    allowed = true;
  }
  return allowed ? 'Allow' : 'ImplicitDeny';
}
