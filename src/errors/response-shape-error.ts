import type { ProblemIssue } from '../problem/types.js';
import { groupByPath } from '../problem/build-problem.js';
import { firstIssue } from './first-issue.js';
import { FetchwiseError, type RequestSummary } from './fetchwise-error.js';

/**
 * A successful response whose body failed the request's schema (or was not valid JSON).
 * `issues` use the same path format as server field errors, so one piece of UI renders both.
 */
export class ResponseShapeError extends FetchwiseError {
  override readonly name = 'ResponseShapeError' as const;
  readonly status: number;
  readonly issues: ProblemIssue[];
  /** The body as received: parsed JSON, or text. */
  readonly raw: unknown;

  constructor(request: RequestSummary, options: { status: number; issues: ProblemIssue[]; raw: unknown; cause?: unknown }) {
    super(`${request.method} ${request.url} returned ${options.status} with an unexpected body${firstIssue(options.issues)}`, request, options);
    this.status = options.status;
    this.issues = options.issues;
    this.raw = options.raw;
  }

  get fieldErrors(): Record<string, string[]> {
    return groupByPath(this.issues);
  }

  get formErrors(): string[] {
    return this.issues.filter((issue) => issue.path === '').map((issue) => issue.message);
  }
}
