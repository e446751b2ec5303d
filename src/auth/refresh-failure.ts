/**
 * How a refresh ended badly, inside the auth layer. `session-auth.ts` turns these into the errors a
 * request rejects with (`SessionExpiredError`, `NetworkError`), with the request's own summary.
 */
export class SessionEnded extends Error {
  override name: string = 'SessionEnded';
  constructor(readonly reason: 'expired' | 'signed-out', options?: { cause?: unknown }) {
    super(`fetchwise: the session ${reason === 'expired' ? 'expired' : 'was signed out'}`, options);
  }
}

export class RefreshUnavailable extends Error {
  override name: string = 'RefreshUnavailable';
  /** Set when `refresh` did not settle within `lockTimeout` (ms): R-REFRESH-BOUND. */
  readonly timeout: number | undefined;
  constructor(options?: { cause?: unknown; timeout?: number }) {
    super('fetchwise: the session could not be refreshed right now', options);
    this.timeout = options?.timeout;
  }
}

/**
 * R-REFRESH-SHAPE: the error naming what `refresh` must resolve with. It tells the type and the key
 * names of what came instead (`{access_token}`), never a value (R-TOKEN-SECRET).
 */
export function notASession(value: unknown): TypeError {
  let got: string = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value).slice(0, 8).map((key) => (/^[\w$-]{1,32}$/.test(key) ? key : '…'));
    got = keys.length === 0 ? 'an empty object' : `an object with keys ${keys.join(', ')}`;
  }
  return new TypeError(`fetchwise: auth.refresh must resolve with a session { accessToken: string (non-empty), refreshToken?: string, expiresAt?: number }, got ${got}`);
}

/**
 * R-TOKEN-SECRET: a stand-in for what the app's `refresh` threw. That error may hold the refresh token
 * (ky's `HTTPError.options.json`, a request body, a message quoting the server), so only its name, HTTP
 * status and error code are kept; never its message, body, request or cause.
 */
export function describeFailure(error: unknown, secrets: readonly (string | undefined)[] = []): Error {
  const word = (value: unknown) => safeWord(value, secrets);
  const name = word(field(error, 'name')) ?? (error === null ? 'null' : typeof error);
  const status = statusOf(error);
  const code = word(field(error, 'code')) ?? word(field(field(error, 'data'), 'error')) ?? word(field(field(error, 'problem'), 'code'));
  const failure = new Error(`refresh failed: ${name}${status === undefined ? '' : ` ${status}`}${code === undefined ? '' : ` (${code})`}`);
  failure.name = 'RefreshFailure';
  return failure;
}

/**
 * Network trouble rather than a verdict on the session: keep the session, fail only the requests that
 * waited. A rejected refresh token (400/401 `invalid_grant`) and anything unrecognised end the session.
 */
export function isTransientFailure(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) return status >= 500 || status === 408 || status === 429;
  const name = field(error, 'name');
  return error instanceof TypeError || name === 'NetworkError' || name === 'TimeoutError' || name === 'AbortError';
}

function statusOf(error: unknown): number | undefined {
  const status = field(error, 'status') ?? field(field(error, 'response'), 'status');
  return typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined;
}

function field(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

// Identifiers only (`invalid_grant`, `HTTPError`, `ECONNREFUSED`): short, few digits, and no part of a
// token this tab holds. Token-shaped strings fail one of these.
function safeWord(value: unknown, secrets: readonly (string | undefined)[]): string | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z][\w.-]{0,31}$/.test(value)) return undefined;
  if ((value.match(/\d/g)?.length ?? 0) > 3) return undefined;
  return secrets.some((secret) => secret && (secret.includes(value) || value.includes(secret))) ? undefined : value;
}
