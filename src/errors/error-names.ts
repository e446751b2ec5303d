/**
 * The `name` of each fetchwise error class. Each class sets its own `as const`; a class that others
 * extend (`HttpError`, `ServerError`, `FetchwiseError`) is typed with the names of its whole family,
 * so `switch (error.name)` is checked by the compiler.
 */
export type ServerErrorName = 'ServerError' | 'ServiceUnavailableError';

export type HttpErrorName =
  | 'HttpError'
  | 'BadRequestError'
  | 'UnauthorizedError'
  | 'ForbiddenError'
  | 'NotFoundError'
  | 'MethodNotAllowedError'
  | 'NotAcceptableError'
  | 'ConflictError'
  | 'PreconditionFailedError'
  | 'PayloadTooLargeError'
  | 'UnsupportedMediaTypeError'
  | 'RangeNotSatisfiableError'
  | 'ValidationError'
  | 'PreconditionRequiredError'
  | 'RateLimitError'
  | 'RedirectError'
  | ServerErrorName;

export type FetchwiseErrorName =
  | 'FetchwiseError'
  | 'NetworkError'
  | 'TimeoutError'
  | 'ResponseShapeError'
  | 'RequestShapeError'
  | 'SessionExpiredError'
  | HttpErrorName;
