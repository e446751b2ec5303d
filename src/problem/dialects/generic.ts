import type { Dialect } from '../types.js';
import { codeOf, isObject, text } from './shared.js';

/**
 * The fallback, tried last: `{message}`, `{error: "…"}`, `{error: {message, code?}}`, `{detail: "…"}`, `{title}`.
 * A code is only taken from an explicit `code`, `errorCode` or `error_code` member, never from a message,
 * however code-like the message looks (R-CODE).
 */
export const generic: Dialect = {
  name: 'generic',
  parse(body) {
    if (!isObject(body)) return undefined;
    const error = body['error'];
    const nested = isObject(error) ? error : {};
    const message = text(body['message']) ?? text(body['detail']) ?? text(nested['message']);
    const errorText = text(error);
    const title = text(body['title']) ?? (message !== undefined ? errorText : undefined);
    const detail = message ?? (title === errorText ? undefined : errorText);
    if (title === undefined && detail === undefined) return undefined;
    const code = codeOf(body['code']) ?? codeOf(body['errorCode']) ?? codeOf(body['error_code']) ?? codeOf(nested['code']);
    return { title, detail, code };
  },
};
