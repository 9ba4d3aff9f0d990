// Input shapes several Lambda operations share, with the limits and patterns of Lambda's API model.

import { int, map, str, struct } from '../../protocols/shapes.js';

export const functionName = () =>
  str({
    required: true,
    min: 1,
    max: 140,
    pattern: '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?',
  });

export const namespacedFunctionName = () =>
  str({
    required: true,
    min: 1,
    max: 256,
    pattern: '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST(\\.PUBLISHED)?|[a-zA-Z0-9-_]+))?',
  });

export const qualifier = () => str({ min: 1, max: 128, pattern: '\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9-_$]+' });

export const roleArn = (required = false) => str({ required, pattern: 'arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+' });

export const handler = () => str({ min: 0, max: 128, pattern: '[^\\s]+' });

export const description = () => str({ min: 0, max: 256 });

/** Lambda's current limits (the model's MemorySize allows more than AWS accepts). */
export const timeout = () => int({ min: 1, max: 900 });
export const memorySize = () => int({ min: 128, max: 10240 });

export const environment = () => struct({ Variables: map(str({ pattern: '[a-zA-Z]([a-zA-Z0-9_])+' }), str()) });

export const tags = (required = false) => map(str({ min: 1, max: 128 }), str({ max: 256 }), { required });

export const taggableResource = () =>
  str({
    required: true,
    min: 1,
    max: 256,
    pattern: 'arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})',
  });
