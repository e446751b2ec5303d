import type { Dialect } from '../types.js';
import { codeOf, isObject, text } from './shared.js';

/**
 * Seed 003: `{"code": 500, "type": "Internal Server Error", "message": "Unable to communicate with database"}`.
 * `code` is the machine code (numbers become strings), `type` the title and `message` the detail.
 * All three members must be there, so a lone `{message}` is left to the generic fallback.
 */
export const codeTypeMessage: Dialect = {
  name: 'code-type-message',
  parse(body) {
    if (!isObject(body)) return undefined;
    const code = codeOf(body['code']);
    const title = text(body['type']);
    const detail = text(body['message']);
    if (code === undefined || title === undefined || detail === undefined) return undefined;
    return { code, title, detail };
  },
};
