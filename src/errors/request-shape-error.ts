import type { ProblemIssue } from '../problem/types.js';
import { groupByPath } from '../problem/build-problem.js';
import { firstIssue } from './first-issue.js';
import { FetchwiseError, type RequestSummary } from './fetchwise-error.js';

/**
 * A mutation's variables failed its `variables` schema, so nothing was sent. `issues` use the same
 * paths as server field errors (`items.0.name`): `fieldErrors(error)` and the form adapters show them
 * under the form's fields as they would a server's 422. Never retried.
 */
export class RequestShapeError extends FetchwiseError {
  override readonly name = 'RequestShapeError' as const;
  readonly issues: ProblemIssue[];

  constructor(request: RequestSummary, options: { issues: ProblemIssue[] }) {
    super(`${request.method} ${request.url} was not sent: its variables failed their schema${firstIssue(options.issues)}`, request);
    this.issues = options.issues;
  }

  get fieldErrors(): Record<string, string[]> {
    return groupByPath(this.issues);
  }

  get formErrors(): string[] {
    return this.issues.filter((issue) => issue.path === '').map((issue) => issue.message);
  }
}
