import { ServerError } from './server-error.js';

/** 503 Service Unavailable. Retried no sooner than `Retry-After`. */
export class ServiceUnavailableError extends ServerError {
  override readonly name = 'ServiceUnavailableError' as const;
}
