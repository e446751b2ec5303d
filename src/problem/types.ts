/** One field-level (or form-level, when `path` is `''`) problem, in the Standard Schema issue spirit. */
export interface ProblemIssue {
  /** Dotted path with numeric array indices (`items.0.name`); `''` for a form-level problem. */
  path: string;
  /** Human-readable message, for display only: never parse it. */
  message: string;
  /** Machine code of this issue when the API gives one (`errorCode`, `code`, `type`, …). */
  code?: string;
  /** The JSON pointer the API used, when it used one (`/data/attributes/name`). */
  pointer?: string;
}

/** A normalized error body: whatever dialect the API speaks, the same shape comes out. */
export interface Problem {
  status: number;
  /** Problem type URI (RFC 9457 `type`) or the API's error category. */
  type?: string;
  /** Short summary. Falls back to the status text (`Not Found`) when the body has none. */
  title: string;
  /** Explanation of this occurrence. */
  detail?: string;
  /** The machine code to branch on (`errorCode`, `code`, `error`, `type`, …). */
  code?: string;
  instance?: string;
  /** Messages by field path, ready for a form library's `setError`. */
  fieldErrors: Record<string, string[]>;
  /** Messages that belong to no field. */
  formErrors: string[];
  /** Every issue, in body order, with its path, message, code and pointer. */
  issues: ProblemIssue[];
  /** The body: parsed JSON, or text capped at {@link MAX_RAW_TEXT} characters, or `undefined` when empty. */
  raw: unknown;
  /** Name of the dialect that recognised the body, if any. */
  dialect?: string;
}

/** What a dialect parser extracts; the rest is filled in by {@link buildProblem}. */
export interface ProblemParts {
  type?: string | undefined;
  title?: string | undefined;
  detail?: string | undefined;
  code?: string | undefined;
  instance?: string | undefined;
  /** Field and form issues. An issue whose `path` is `''` is a form-level error. */
  issues?: ProblemIssue[] | undefined;
}

export interface DialectContext {
  status: number;
  /** Lower-cased media type without parameters (`application/problem+json`), `''` when absent. */
  contentType: string;
}

/**
 * An error-body dialect: returns the parts it recognises, or `undefined` when the body is not its format.
 * Parsers must never throw; a throw is treated as "not recognised".
 */
export interface Dialect {
  name: string;
  parse(body: unknown, context: DialectContext): ProblemParts | undefined;
}

/** Raw text bodies are kept up to this many characters. */
export const MAX_RAW_TEXT = 16_384;
