import { normalizePath } from '../paths.js';
import type { Dialect, ProblemIssue } from '../types.js';
import { codeOf, isObject, issue, objects, text, type JsonObject } from './shared.js';

const RPC = 'type.googleapis.com/google.rpc.';

/**
 * Google AIP-193 / `google.rpc.Status` over HTTP: `{error: {code: 400, message, status: "INVALID_ARGUMENT",
 * details: [{"@type": "…/google.rpc.ErrorInfo", reason}, {"@type": "…/google.rpc.BadRequest", fieldViolations}]}}`,
 * and the legacy `{error: {code, message, errors: [{domain, reason, message}]}}`.
 * Told apart from OData and Stripe by the numeric `code` next to `status`, `details` or `errors`.
 * The code is `ErrorInfo.reason` (AIP-193's machine-readable identifier), else `status`; `status` is the type.
 */
export const google: Dialect = {
  name: 'google',
  parse(body) {
    const error = isObject(body) ? body['error'] : undefined;
    if (!isObject(error) || typeof error['code'] !== 'number') return undefined;
    const status = text(error['status']);
    const details = objects(error['details']);
    const legacy = objects(error['errors']);
    if (status === undefined && details.length === 0 && legacy.length === 0) return undefined;
    const info = detailOf(details, 'ErrorInfo');
    const localized = detailOf(details, 'LocalizedMessage');
    const issues = [...fieldViolations(detailOf(details, 'BadRequest')), ...legacyIssues(legacy)];
    return {
      type: status,
      code: codeOf(info?.['reason']) ?? status ?? codeOf(legacy[0]?.['reason']) ?? codeOf(error['code']),
      detail: text(localized?.['message']) ?? text(error['message']),
      issues,
    };
  },
};

function detailOf(details: readonly JsonObject[], type: string): JsonObject | undefined {
  return details.find((detail) => detail['@type'] === RPC + type);
}

function fieldViolations(badRequest: JsonObject | undefined): ProblemIssue[] {
  const result: ProblemIssue[] = [];
  for (const violation of objects(badRequest?.['fieldViolations'])) {
    const localized = isObject(violation['localizedMessage']) ? text(violation['localizedMessage']['message']) : undefined;
    const message = localized ?? text(violation['description']);
    if (message === undefined) continue;
    result.push(issue(normalizePath(text(violation['field'])), message, codeOf(violation['reason'])));
  }
  return result;
}

function legacyIssues(errors: readonly JsonObject[]): ProblemIssue[] {
  const result: ProblemIssue[] = [];
  for (const error of errors) {
    const message = text(error['message']);
    if (message === undefined) continue;
    const path = error['locationType'] === 'parameter' ? normalizePath(text(error['location'])) : '';
    result.push(issue(path, message, codeOf(error['reason'])));
  }
  return result;
}
