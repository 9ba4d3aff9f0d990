// The IAM permissions STS's operations need at the edge: none. AWS answers GetCallerIdentity even under
// an explicit deny, and AssumeRole is judged by the role's trust policy (operations/assume-role.ts).

import type { Permission } from '../definition.js';

export function permissions(): Permission[] {
  return [];
}
