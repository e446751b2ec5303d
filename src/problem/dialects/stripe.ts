import { normalizePath } from '../paths.js';
import type { Dialect } from '../types.js';
import { codeOf, isObject, issue, text } from './shared.js';

/** Stripe's documented error types (the last four are from older API versions). */
const STRIPE_TYPES = [
  'api_error',
  'card_error',
  'idempotency_error',
  'invalid_request_error',
  'api_connection_error',
  'authentication_error',
  'rate_limit_error',
  'validation_error',
];

/**
 * Stripe: `{error: {type, code?, decline_code?, message, param?, doc_url?}}`. Recognised by its `type` values,
 * which keeps it apart from Google and OData (OpenAI's errors use the same shape and are read the same way).
 * The code is `code`, else `type`; `param` (`card[number]`) is the field path (`card.number`).
 */
export const stripe: Dialect = {
  name: 'stripe',
  parse(body) {
    const error = isObject(body) ? body['error'] : undefined;
    if (!isObject(error)) return undefined;
    const type = text(error['type']);
    if (type === undefined || !STRIPE_TYPES.includes(type)) return undefined;
    const code = codeOf(error['code']) ?? type;
    const detail = text(error['message']);
    const param = text(error['param']);
    return {
      type,
      code,
      detail,
      issues: param !== undefined && detail !== undefined ? [issue(normalizePath(param), detail, code)] : [],
    };
  },
};
