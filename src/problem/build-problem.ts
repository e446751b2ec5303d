import type { Dialect, DialectContext, Problem, ProblemIssue, ProblemParts } from './types.js';
import { MAX_RAW_TEXT } from './types.js';
import { reasonPhrase } from './reason-phrases.js';
import { boundRaw } from './bound-raw.js';

export interface ProblemInput {
  status: number;
  statusText?: string | undefined;
  /** The `Content-Type` header value, as sent. */
  contentType?: string | null | undefined;
  /** The body: parsed JSON, text, or `undefined` when empty or unreadable. */
  body: unknown;
}

export function mediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export function capText(text: string): string {
  return text.length > MAX_RAW_TEXT ? text.slice(0, MAX_RAW_TEXT) : text;
}

/** Runs the dialects over a body and fills in what they leave out. Never throws. */
export function buildProblem(input: ProblemInput, dialects: readonly Dialect[]): Problem {
  const { status } = input;
  const body = typeof input.body === 'string' ? capText(input.body) : input.body;
  const context: DialectContext = { status, contentType: mediaType(input.contentType) };
  let parts: ProblemParts | undefined;
  let dialect: string | undefined;
  if (body !== null && typeof body === 'object') {
    for (const candidate of dialects) {
      try {
        parts = candidate.parse(body, context);
      } catch {
        parts = undefined;
      }
      if (parts) {
        dialect = candidate.name;
        break;
      }
    }
  }
  const issues = sanitizeIssues(parts?.issues);
  const formErrors: string[] = [];
  const fieldErrors = groupByPath(issues, formErrors);
  const detail = nonEmpty(parts?.detail);
  // R-FORM-FALLBACK: with no field errors and no form errors, the body's most specific message is the form error.
  if (issues.length === 0) {
    const fallback = detail ?? shortText(body, context.contentType);
    if (fallback !== undefined) formErrors.push(fallback);
  }
  const problem: Problem = {
    status,
    title: nonEmpty(parts?.title) ?? reasonPhrase(status, input.statusText),
    fieldErrors,
    formErrors,
    issues,
    raw: body === '' ? undefined : boundRaw(body),
  };
  const type = nonEmpty(parts?.type);
  if (type !== undefined) problem.type = type;
  if (detail !== undefined) problem.detail = detail;
  const code = nonEmpty(parts?.code);
  if (code !== undefined) problem.code = code;
  const instance = nonEmpty(parts?.instance);
  if (instance !== undefined) problem.instance = instance;
  if (dialect !== undefined) problem.dialect = dialect;
  return problem;
}

/** Text bodies this short, and not markup, are a message a form can show. */
const MAX_MESSAGE_TEXT = 300;

function shortText(body: unknown, contentType: string): string | undefined {
  if (typeof body !== 'string' || /html|xml/.test(contentType)) return undefined;
  const trimmed = body.trim();
  return trimmed !== '' && trimmed.length <= MAX_MESSAGE_TEXT && !trimmed.startsWith('<') ? trimmed : undefined;
}

function nonEmpty(value: unknown): string | undefined {
  if (Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : capText(trimmed);
}

const MAX_ISSUES = 1_000;

// Dialects parse untrusted input; keep only well-formed issues and bound their number.
function sanitizeIssues(issues: ProblemIssue[] | undefined): ProblemIssue[] {
  if (!Array.isArray(issues)) return [];
  const clean: ProblemIssue[] = [];
  for (const issue of issues.slice(0, MAX_ISSUES)) {
    const message = nonEmpty(issue?.message);
    if (message === undefined) continue;
    const item: ProblemIssue = { path: typeof issue.path === 'string' ? issue.path : '', message };
    const code = nonEmpty(issue.code);
    if (code !== undefined) item.code = code;
    if (typeof issue.pointer === 'string') item.pointer = issue.pointer;
    clean.push(item);
  }
  return clean;
}

/**
 * Field messages by path. Own-property checks, so a field named `constructor` or `__proto__` is a
 * field like any other. Messages of form-level issues (path `''`) go to `formErrors` when given.
 */
export function groupByPath(issues: readonly ProblemIssue[], formErrors?: string[]): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) {
    if (issue.path === '') formErrors?.push(issue.message);
    else if (Object.hasOwn(fieldErrors, issue.path)) fieldErrors[issue.path]!.push(issue.message);
    else Object.defineProperty(fieldErrors, issue.path, { value: [issue.message], enumerable: true, writable: true, configurable: true });
  }
  return fieldErrors;
}
