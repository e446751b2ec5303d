import type { Dialect } from '../types.js';
import { isObject, onlyKeys, text } from './shared.js';

/** Error codes from RFC 6749 § 4.1.2.1, § 5.2, RFC 6750 § 3.1 and RFC 8628 § 3.5. */
const OAUTH_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'access_denied',
  'unsupported_response_type',
  'server_error',
  'temporarily_unavailable',
  'invalid_token',
  'insufficient_scope',
  'authorization_pending',
  'slow_down',
  'expired_token',
];

/**
 * OAuth 2.0 error responses (RFC 6749 § 5.2): `{error: "invalid_grant", error_description?, error_uri?}`.
 * `error` is the code, `error_description` the detail, `error_uri` the type. A bare `{error: "…"}` is only
 * taken when its value is a registered code; other strings are left to the generic fallback.
 */
export const oauth: Dialect = {
  name: 'oauth',
  parse(body) {
    if (!isObject(body) || !onlyKeys(body, ['error', 'error_description', 'error_uri', 'state'])) return undefined;
    const code = text(body['error']);
    if (code === undefined) return undefined;
    const detail = text(body['error_description']);
    const type = text(body['error_uri']);
    if (detail === undefined && type === undefined && !OAUTH_CODES.includes(code)) return undefined;
    return { code, detail, type };
  },
};
