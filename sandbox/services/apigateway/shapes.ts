// Input shapes several API Gateway operations share, and paging through `position` and `limit`.

import { bool, int, list, map, str } from '../../protocols/shapes.js';
import { invalidPosition } from './errors.js';

export const restApiId = () => str({ required: true });
export const resourceId = () => str({ required: true });
export const httpMethod = () => str({ required: true });
export const statusCode = () => str({ required: true, pattern: '[1-5]\\d\\d' });
export const stringMap = () => map(str(), str());
export const booleanMap = () => map(str(), bool());
export const tags = (required = false) => map(str({ min: 1, max: 128 }), str({ max: 256 }), { required });
export const position = () => str();
export const limit = () => int();
export const embed = () => list(str());

/** The HTTP methods a resource may have. */
export const HTTP_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'ANY'];

/** AWS's default page size for list operations, and the largest it allows. */
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 500;

/** One page of `items` and the `position` of the next, as API Gateway's list operations return them. */
export function page<T>(items: T[], position: string | undefined, limit: number | undefined): { position?: string; items: T[] } {
  let start = 0;
  if (position !== undefined) {
    start = Number.parseInt(Buffer.from(position, 'base64url').toString('utf8'), 10);
    if (!Number.isInteger(start) || start < 0) throw invalidPosition();
  }
  const size = Math.min(Math.max(limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const end = start + size;
  return { items: items.slice(start, end), position: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined };
}
