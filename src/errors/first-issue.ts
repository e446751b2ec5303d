import type { ProblemIssue } from '../problem/types.js';

/** ` (email: is invalid)`: the first schema issue, for an error message; `''` when there is none. */
export function firstIssue(issues: readonly ProblemIssue[]): string {
  const first = issues[0];
  return first ? ` (${first.path === '' ? '' : `${first.path}: `}${first.message})` : '';
}
