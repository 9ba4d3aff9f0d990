// MOCK integrations (CORS preflight): the request template names a status code, the integration response
// selected for it supplies the headers (`'literal'` values of responseParameters) and the body template.
// Templates are taken as plain text: Velocity expressions are not evaluated.

import type { EdgeRequest } from '../../../edge/http-types.js';
import type { IntegrationRecord, IntegrationResponseRecord } from '../store.js';
import { IntegrationFailure, type Answer } from './outcome.js';

const DEFAULT_CONTENT_TYPE = 'application/json';

function mockStatus(integration: IntegrationRecord, req: EdgeRequest): number {
  const contentType = (req.headers['content-type'] ?? DEFAULT_CONTENT_TYPE).split(';')[0].trim().toLowerCase();
  const templates = integration.requestTemplates ?? {};
  const template = templates[contentType] ?? templates[DEFAULT_CONTENT_TYPE] ?? Object.values(templates)[0];
  const m = template ? /"statusCode"\s*:\s*(\d{3})/.exec(template) : null;
  return m ? Number(m[1]) : 200;
}

/** The integration response whose selectionPattern matches the status, else the default one. */
export function selectResponse(responses: Record<string, IntegrationResponseRecord> | undefined, selector: string): IntegrationResponseRecord | undefined {
  const all = Object.values(responses ?? {});
  const matches = (pattern: string) => {
    try {
      return new RegExp(`^(?:${pattern})$`, 's').test(selector);
    } catch {
      return false;
    }
  };
  return all.find((r) => r.selectionPattern && matches(r.selectionPattern)) ?? all.find((r) => !r.selectionPattern);
}

/** Header values a response's `method.response.header.X` mappings give: quoted literals only. */
export function mappedHeaders(responseParameters: Record<string, string> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [target, source] of Object.entries(responseParameters ?? {})) {
    const name = /^method\.response\.header\.(.+)$/.exec(target)?.[1];
    const literal = /^'(.*)'$/s.exec(source)?.[1];
    if (name && literal !== undefined) headers[name.toLowerCase()] = literal;
  }
  return headers;
}

export function answerMock(integration: IntegrationRecord, req: EdgeRequest): Answer {
  const status = mockStatus(integration, req);
  const response = selectResponse(integration.integrationResponses, String(status));
  if (!response) {
    throw new IntegrationFailure(500, `Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: ${status}`);
  }
  const templates = response.responseTemplates ?? {};
  const body = templates[DEFAULT_CONTENT_TYPE] ?? Object.values(templates)[0] ?? '';
  return { status: Number(response.statusCode), headers: { 'content-type': DEFAULT_CONTENT_TYPE, ...mappedHeaders(response.responseParameters) }, body: Buffer.from(body) };
}
