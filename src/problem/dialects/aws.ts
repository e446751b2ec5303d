import type { Dialect } from '../types.js';
import { isObject, text } from './shared.js';

/**
 * AWS JSON protocols (awsJson1_0 / awsJson1_1, e.g. DynamoDB): `{__type: "com.amazonaws.dynamodb.v20120810#…", message}`.
 * The code is `__type` sanitised as Smithy specifies ("Operation error serialization"): keep what comes
 * before the first `:`, then what comes after the first `#`.
 */
export const aws: Dialect = {
  name: 'aws',
  parse(body) {
    if (!isObject(body)) return undefined;
    const type = text(body['__type']);
    if (type === undefined) return undefined;
    const beforeColon = type.split(':')[0] ?? type;
    const hash = beforeColon.indexOf('#');
    const code = hash === -1 ? beforeColon : beforeColon.slice(hash + 1);
    return { code: code.trim() === '' ? undefined : code, detail: text(body['message']) ?? text(body['Message']) };
  },
};
