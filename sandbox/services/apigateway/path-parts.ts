// Kinds of resource path parts: a literal, a `{param}` variable, or a greedy `{proxy+}`.

export const isVariable = (pathPart: string) => pathPart.startsWith('{') && pathPart.endsWith('}');
export const isGreedy = (pathPart: string) => pathPart.endsWith('+}');
/** The parameter name a variable path part binds (`{deviceid}` -> `deviceid`, `{proxy+}` -> `proxy`). */
export const variableName = (pathPart: string) => pathPart.slice(1, isGreedy(pathPart) ? -2 : -1);
