import { errorBrand, type FetchwiseError } from './fetchwise-error.js';
import type { HttpError } from './http-error.js';
import type { BadRequestError } from './bad-request-error.js';
import type { UnauthorizedError } from './unauthorized-error.js';
import type { ForbiddenError } from './forbidden-error.js';
import type { NotFoundError } from './not-found-error.js';
import type { ConflictError } from './conflict-error.js';
import type { PreconditionFailedError } from './precondition-failed-error.js';
import type { PayloadTooLargeError } from './payload-too-large-error.js';
import type { MethodNotAllowedError } from './method-not-allowed-error.js';
import type { NotAcceptableError } from './not-acceptable-error.js';
import type { UnsupportedMediaTypeError } from './unsupported-media-type-error.js';
import type { RangeNotSatisfiableError } from './range-not-satisfiable-error.js';
import type { PreconditionRequiredError } from './precondition-required-error.js';
import type { ValidationError } from './validation-error.js';
import type { RateLimitError } from './rate-limit-error.js';
import type { ServerError } from './server-error.js';
import type { ServiceUnavailableError } from './service-unavailable-error.js';
import type { NetworkError } from './network-error.js';
import type { TimeoutError } from './timeout-error.js';
import type { ResponseShapeError } from './response-shape-error.js';
import type { RequestShapeError } from './request-shape-error.js';
import type { SessionExpiredError } from './session-expired-error.js';
import type { RedirectError } from './redirect-error.js';
import { isValidationFailure } from './validation-error.js';

// Guards check a brand and plain fields, never `constructor.name`: they hold across bundle copies,
// realms and minified builds.

/** Any error thrown by fetchwise. */
export function isFetchwiseError(value: unknown): value is FetchwiseError {
  return typeof value === 'object' && value !== null && (value as { [errorBrand]?: unknown })[errorBrand] === true;
}

/** An error with an HTTP status and a normalized `problem`. */
export function isHttpError(value: unknown): value is HttpError {
  return isFetchwiseError(value) && typeof (value as HttpError).status === 'number' && 'problem' in value;
}

const withStatus =
  <T extends HttpError>(test: (status: number) => boolean) =>
  (value: unknown): value is T =>
    isHttpError(value) && test(value.status);

const withName =
  <T extends FetchwiseError>(name: string) =>
  (value: unknown): value is T =>
    isFetchwiseError(value) && value.name === name;

export const isBadRequestError: (value: unknown) => value is BadRequestError = /* @__PURE__ */ withStatus((status) => status === 400);
export const isUnauthorizedError: (value: unknown) => value is UnauthorizedError = /* @__PURE__ */ withStatus((status) => status === 401);
export const isForbiddenError: (value: unknown) => value is ForbiddenError = /* @__PURE__ */ withStatus((status) => status === 403);
export const isNotFoundError: (value: unknown) => value is NotFoundError = /* @__PURE__ */ withStatus((status) => status === 404);
export const isMethodNotAllowedError: (value: unknown) => value is MethodNotAllowedError = /* @__PURE__ */ withStatus((status) => status === 405);
export const isNotAcceptableError: (value: unknown) => value is NotAcceptableError = /* @__PURE__ */ withStatus((status) => status === 406);
export const isConflictError: (value: unknown) => value is ConflictError = /* @__PURE__ */ withStatus((status) => status === 409);
export const isPreconditionFailedError: (value: unknown) => value is PreconditionFailedError = /* @__PURE__ */ withStatus((status) => status === 412);
export const isPayloadTooLargeError: (value: unknown) => value is PayloadTooLargeError = /* @__PURE__ */ withStatus((status) => status === 413);
export const isUnsupportedMediaTypeError: (value: unknown) => value is UnsupportedMediaTypeError = /* @__PURE__ */ withStatus((status) => status === 415);
export const isRangeNotSatisfiableError: (value: unknown) => value is RangeNotSatisfiableError = /* @__PURE__ */ withStatus((status) => status === 416);
export const isPreconditionRequiredError: (value: unknown) => value is PreconditionRequiredError = /* @__PURE__ */ withStatus((status) => status === 428);
export const isRateLimitError: (value: unknown) => value is RateLimitError = /* @__PURE__ */ withStatus((status) => status === 429);
export const isServerError: (value: unknown) => value is ServerError = /* @__PURE__ */ withStatus((status) => status >= 500);
/** R-3XX-NOLOC: a redirect that came without `Location`. */
export const isRedirectError: (value: unknown) => value is RedirectError = /* @__PURE__ */ withStatus((status) => status >= 300 && status < 400);
export const isServiceUnavailableError: (value: unknown) => value is ServiceUnavailableError = /* @__PURE__ */ withStatus((status) => status === 503);

/** A 422, or a 400 whose body carries field errors. */
export function isValidationError(value: unknown): value is ValidationError {
  return isHttpError(value) && isValidationFailure(value);
}

export const isNetworkError: (value: unknown) => value is NetworkError = /* @__PURE__ */ withName('NetworkError');
export const isTimeoutError: (value: unknown) => value is TimeoutError = /* @__PURE__ */ withName('TimeoutError');
export const isResponseShapeError: (value: unknown) => value is ResponseShapeError = /* @__PURE__ */ withName('ResponseShapeError');
/** A mutation whose variables failed its `variables` schema: nothing was sent. */
export const isRequestShapeError: (value: unknown) => value is RequestShapeError = /* @__PURE__ */ withName('RequestShapeError');
export const isSessionExpiredError: (value: unknown) => value is SessionExpiredError = /* @__PURE__ */ withName('SessionExpiredError');
