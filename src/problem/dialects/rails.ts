import type { Dialect, ProblemIssue } from '../types.js';
import { fieldMapIssues, isObject, isStringArray, issue, items, onlyKeys } from './shared.js';

/** Keys that name no field: Rails' `base`, and the `""` key of ASP.NET's `SerializableError`. */
const FORM_KEYS = ['base', ''];

/**
 * Rails and other `{field: ["msg"]}` maps:
 * - `{errors: {field: ["msg"]}}` (no `message`: with one it is Laravel's);
 * - `{errors: ["Name can't be blank"]}` (`errors.full_messages`), form-level;
 * - the bare map of `render json: model.errors, status: :unprocessable_entity`, only on a 400 or 422,
 *   only when every value is an array of strings, and never with DRF's `non_field_errors`.
 * `base` is form-level.
 */
export const rails: Dialect = {
  name: 'rails',
  parse(body, context) {
    if (!isObject(body)) return undefined;
    if (onlyKeys(body, ['errors'])) {
      const errors = body['errors'];
      if (isStringArray(errors) && errors.length > 0) return { issues: fullMessages(errors) };
      const issues = fieldMapIssues(errors, FORM_KEYS);
      return issues !== undefined && issues.length > 0 ? { issues } : undefined;
    }
    if (context.status !== 400 && context.status !== 422) return undefined;
    if ('non_field_errors' in body) return undefined; // Django REST Framework's
    const values = Object.values(body);
    if (values.length === 0 || !values.every(isStringArray)) return undefined;
    const issues = fieldMapIssues(body, FORM_KEYS);
    return issues !== undefined && issues.length > 0 ? { issues } : undefined;
  },
};

function fullMessages(messages: readonly string[]): ProblemIssue[] {
  return items(messages)
    .filter((message): message is string => typeof message === 'string' && message.trim() !== '')
    .map((message) => issue('', message));
}
