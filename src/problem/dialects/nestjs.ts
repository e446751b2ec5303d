import type { Dialect } from '../types.js';
import { isObject, isStringArray, issue, onlyKeys, text } from './shared.js';

/**
 * NestJS `HttpException` bodies: `{statusCode, message: string | string[], error?}`.
 * A message array (class-validator via `ValidationPipe`) becomes form-level issues, as its messages name no
 * field in a machine-readable way; a message string is the detail and `error` the title.
 */
export const nestjs: Dialect = {
  name: 'nestjs',
  parse(body) {
    if (!isObject(body) || typeof body['statusCode'] !== 'number') return undefined;
    if (!onlyKeys(body, ['statusCode', 'message', 'error'])) return undefined;
    const message = body['message'];
    const title = text(body['error']);
    if (isStringArray(message)) return { title, issues: message.map((item) => issue('', item)) };
    const detail = text(message);
    if (detail === undefined && title === undefined) return undefined;
    return { title, detail };
  },
};
