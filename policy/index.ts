// The IAM policy language, on its own: wildcards, policy variables, conditions and the Allow/Deny
// decision. Both halves of the project evaluate policies with it (the sandbox as AWS's IAM and IoT do,
// the checks to judge a student's roles), so it depends on neither and on nothing but Node.

export { KnownKeys, regionOf, timeKeys, type ContextValue, type RequestContext } from './context.js';
export { conditionHolds, keyHolds } from './conditions.js';
export { decide, readStatements, statementApplies, type Caller, type Decision, type Request, type Statement } from './evaluate.js';
export { substitute, substituteText, type Token } from './variables.js';
export { matchTokens, tokensOf, wildcardMatch, type WildcardMode } from './wildcard.js';
