import type { Dialect } from '../types.js';
import { problemParts } from './problem-json.js';
import { isObject, text } from './shared.js';

/**
 * ASP.NET Core `ProblemDetails` / `ValidationProblemDetails`: problem details with a `traceId`, or with an
 * `errors` map of `{"Items[0].Name": ["msg"]}` (keys normalised; the `""` key is form-level).
 */
export const aspnetCore: Dialect = {
  name: 'aspnet-core',
  parse(body) {
    if (!isObject(body)) return undefined;
    if (text(body['title']) === undefined && text(body['type']) === undefined) return undefined;
    if (text(body['traceId']) === undefined && !isObject(body['errors'])) return undefined;
    return problemParts(body);
  },
};
