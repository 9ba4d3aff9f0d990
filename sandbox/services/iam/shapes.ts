// Input shapes IAM's operations share, with the limits and patterns of IAM's API model.

import { int, list, str, struct } from '../../protocols/shapes.js';

export const roleName = (required = true) => str({ required, min: 1, max: 64, pattern: '[\\w+=,.@-]+' });
export const policyName = (required = true) => str({ required, min: 1, max: 128, pattern: '[\\w+=,.@-]+' });
export const policyDocument = (required = true) => str({ required, min: 1, max: 131072, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' });
export const arn = (required = true) => str({ required, min: 20, max: 2048 });
export const rolePath = () => str({ min: 1, max: 512, pattern: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)' });
export const rolePathPrefix = () => str({ min: 1, max: 512, pattern: '\\u002F[\\u0021-\\u007F]*' });
export const policyPath = () => str({ min: 1, max: 512, pattern: '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/' });
export const marker = () => str({ min: 1, max: 320, pattern: '[\\u0020-\\u00FF]+' });
export const maxItems = () => int({ min: 1, max: 1000 });
export const tagKey = (required = true) => str({ required, min: 1, max: 128, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' });
export const tags = (required = false) =>
  list(struct({ Key: tagKey(), Value: str({ required: true, min: 0, max: 256, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*' }) }), { required, max: 50 });
