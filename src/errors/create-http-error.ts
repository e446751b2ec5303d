import type { Problem } from '../problem/types.js';
import type { RequestSummary } from './fetchwise-error.js';
import { HttpError, type HttpErrorOptions } from './http-error.js';
import { BadRequestError } from './bad-request-error.js';
import { UnauthorizedError } from './unauthorized-error.js';
import { ForbiddenError } from './forbidden-error.js';
import { NotFoundError } from './not-found-error.js';
import { MethodNotAllowedError } from './method-not-allowed-error.js';
import { NotAcceptableError } from './not-acceptable-error.js';
import { ConflictError } from './conflict-error.js';
import { PreconditionFailedError } from './precondition-failed-error.js';
import { PreconditionRequiredError } from './precondition-required-error.js';
import { PayloadTooLargeError } from './payload-too-large-error.js';
import { UnsupportedMediaTypeError } from './unsupported-media-type-error.js';
import { RangeNotSatisfiableError } from './range-not-satisfiable-error.js';
import { ValidationError } from './validation-error.js';
import { RateLimitError, type RateLimitInfo } from './rate-limit-error.js';
import { ServerError } from './server-error.js';
import { ServiceUnavailableError } from './service-unavailable-error.js';
import { RedirectError } from './redirect-error.js';

const byStatus: Record<number, typeof HttpError> = {
  400: BadRequestError,
  401: UnauthorizedError,
  403: ForbiddenError,
  404: NotFoundError,
  405: MethodNotAllowedError,
  406: NotAcceptableError,
  409: ConflictError,
  412: PreconditionFailedError,
  413: PayloadTooLargeError,
  415: UnsupportedMediaTypeError,
  416: RangeNotSatisfiableError,
  422: ValidationError,
  428: PreconditionRequiredError,
  503: ServiceUnavailableError,
};

/** The error class for a status (SPEC sections 2, 3 and 4); 3xx give `RedirectError`, unlisted 4xx give `HttpError`, unlisted 5xx `ServerError`. */
export function createHttpError(
  problem: Problem,
  request: RequestSummary,
  options: HttpErrorOptions & { rateLimit?: RateLimitInfo },
): HttpError {
  const { status } = problem;
  // R-3XX-NOLOC: only a redirect without Location reaches us (304 never throws).
  if (status >= 300 && status < 400) return new RedirectError(problem, request, options);
  if (status === 429) return new RateLimitError(problem, request, { ...options, rateLimit: options.rateLimit ?? {} });
  const ErrorClass = byStatus[status] ?? (status >= 500 ? ServerError : HttpError);
  return new ErrorClass(problem, request, options);
}
