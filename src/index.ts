export { createClient } from './client/create-client.js';
export type {
  AuthPluginLike,
  Client,
  ClientOptions,
  ClientWithAuth,
  MethodCall,
  MutationOptionsCall,
  QueryOptionsCall,
  RequestCall,
} from './client/types.js';
export type { FetchResult, HttpMethod, RequestOptions, RetryEvent } from './core/types.js';
export type { Attempt, AttemptOutcome, CallOutcome, Plugin, Verdict } from './core/plugin.js';
export type {
  FetchwiseMutationOptions,
  FetchwiseQueryError,
  FetchwiseQueryOptions,
  InferInput,
  MutationRequestOptions,
  QueryClientLike,
  QueryFunctionContextLike,
  QueryLike,
  QueryRequestOptions,
} from './query/types.js';
export type { InferOutput, StandardSchemaV1 } from './core/schema.js';
export type { RequestEvent, RequestListener } from './core/events.js';
export type { SearchParams, SearchParamValue } from './core/url.js';

export { readProblem } from './problem/read-problem.js';
export { normalizePath } from './problem/paths.js';
export { defaultDialects } from './problem/default-dialects.js';
export { structural } from './problem/normalise.js';
export type { Dialect, DialectContext, Problem, ProblemIssue, ProblemParts } from './problem/types.js';

export type { RetryOption, RetryOptions } from './retry/policy.js';

export { FetchwiseError, type FetchwiseErrorOptions, type RequestSummary } from './errors/fetchwise-error.js';
export type { FetchwiseErrorName, HttpErrorName, ServerErrorName } from './errors/error-names.js';
export { HttpError, type HttpErrorOptions } from './errors/http-error.js';
export { BadRequestError } from './errors/bad-request-error.js';
export { UnauthorizedError } from './errors/unauthorized-error.js';
export { ForbiddenError } from './errors/forbidden-error.js';
export { NotFoundError } from './errors/not-found-error.js';
export { MethodNotAllowedError } from './errors/method-not-allowed-error.js';
export { NotAcceptableError } from './errors/not-acceptable-error.js';
export { ConflictError } from './errors/conflict-error.js';
export { PreconditionFailedError } from './errors/precondition-failed-error.js';
export { PreconditionRequiredError } from './errors/precondition-required-error.js';
export { PayloadTooLargeError } from './errors/payload-too-large-error.js';
export { UnsupportedMediaTypeError } from './errors/unsupported-media-type-error.js';
export { RangeNotSatisfiableError } from './errors/range-not-satisfiable-error.js';
export { ValidationError } from './errors/validation-error.js';
export { RateLimitError, type RateLimitInfo } from './errors/rate-limit-error.js';
export { ServerError } from './errors/server-error.js';
export { ServiceUnavailableError } from './errors/service-unavailable-error.js';
export { NetworkError } from './errors/network-error.js';
export { TimeoutError } from './errors/timeout-error.js';
export { ResponseShapeError } from './errors/response-shape-error.js';
export { RequestShapeError } from './errors/request-shape-error.js';
export { SessionExpiredError } from './errors/session-expired-error.js';
export {
  isBadRequestError,
  isConflictError,
  isFetchwiseError,
  isForbiddenError,
  isHttpError,
  isMethodNotAllowedError,
  isNetworkError,
  isNotAcceptableError,
  isNotFoundError,
  isPayloadTooLargeError,
  isPreconditionFailedError,
  isPreconditionRequiredError,
  isRangeNotSatisfiableError,
  isRateLimitError,
  isRequestShapeError,
  isResponseShapeError,
  isServerError,
  isServiceUnavailableError,
  isSessionExpiredError,
  isTimeoutError,
  isUnauthorizedError,
  isUnsupportedMediaTypeError,
  isValidationError,
} from './errors/guards.js';
export { fieldErrors, formErrors } from './errors/field-errors.js';
export { RedirectError } from './errors/redirect-error.js';
export { isRedirectError } from './errors/guards.js';
export { parseLinkHeader, type WebLink } from './query/link-header.js';
export type {
  FetchwiseInfiniteQueryOptions,
  InfinitePage,
  InfiniteQueryOptionsCall,
  InfiniteQueryRequestOptions,
  PageContext,
  PageLinks,
} from './query/infinite-query-options.js';
