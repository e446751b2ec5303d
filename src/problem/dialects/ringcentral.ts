import { normalizePath } from '../paths.js';
import type { Dialect, ProblemIssue } from '../types.js';
import { codeOf, isObject, issue, objects, text } from './shared.js';

/**
 * Seed 001 (RingCentral): `{errorCode?, message?, errors: [{errorCode, message, parameterName?}]}`.
 * The code is the first `errorCode`; each error is an issue on `parameterName` (form-level without one).
 * Messages may be localised and change between versions, so nothing is ever read out of them.
 */
export const ringCentral: Dialect = {
  name: 'ringcentral',
  parse(body) {
    if (!isObject(body)) return undefined;
    const errors = objects(body['errors']).filter((error) => codeOf(error['errorCode']) !== undefined);
    const topCode = codeOf(body['errorCode']);
    if (errors.length === 0 && (topCode === undefined || text(body['message']) === undefined)) return undefined;
    const issues: ProblemIssue[] = [];
    for (const error of errors.length > 0 ? errors : [body]) {
      const message = text(error['message']);
      const parameter = text(error['parameterName']);
      if (message === undefined || (error === body && parameter === undefined)) continue;
      issues.push(issue(normalizePath(parameter), message, codeOf(error['errorCode'])));
    }
    return {
      code: topCode ?? codeOf(errors[0]?.['errorCode']),
      detail: text(body['message']) ?? text(errors[0]?.['message']),
      issues,
    };
  },
};
