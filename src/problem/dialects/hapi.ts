import { normalizePath } from '../paths.js';
import type { Dialect, ProblemIssue } from '../types.js';
import { isObject, issue, items, text } from './shared.js';

/**
 * hapi / Boom: `{statusCode, error, message, validation?: {source, keys: []}, attributes?}`.
 * Only taken with `validation` or `attributes`: a plain `{statusCode, error, message}` is byte-for-byte
 * NestJS's shape too and is read (identically) by the NestJS dialect.
 * Each validation key gets the message, as hapi reports one message for all of them.
 */
export const hapi: Dialect = {
  name: 'hapi',
  parse(body) {
    if (!isObject(body) || typeof body['statusCode'] !== 'number') return undefined;
    const title = text(body['error']);
    const validation = body['validation'];
    if (title === undefined || (!isObject(validation) && !isObject(body['attributes']))) return undefined;
    const detail = text(body['message']);
    const issues: ProblemIssue[] = [];
    if (isObject(validation) && detail !== undefined) {
      for (const key of items(validation['keys'])) {
        if (typeof key === 'string') issues.push(issue(normalizePath(key), detail));
      }
    }
    return { title, detail, issues };
  },
};
