import type { InferOutput, StandardSchemaV1 } from '../core/schema.js';
import type { HttpMethod, RequestOptions } from '../core/types.js';
import type { HttpError } from '../errors/http-error.js';
import type { ResponseShapeError } from '../errors/response-shape-error.js';

/** One part of a batch that succeeded (2xx): its body, parsed and validated with the batch's schema. */
export interface BatchSuccess<T> {
  ok: true;
  /** The part's status, from the batch's first part (seed 000). */
  status: number;
  data: T;
}

/**
 * One part of a batch that failed: `error` is the typed error for the part's status and problem body
 * (`NotFoundError`, `ValidationError`, …), or a `ResponseShapeError` when the part itself is malformed,
 * missing, or fails the schema.
 */
export interface BatchFailure {
  ok: false;
  status: number;
  error: HttpError | ResponseShapeError;
}

/** One entry of a batch result; narrow it with `entry.ok`. */
export type BatchEntry<T> = BatchSuccess<T> | BatchFailure;

/** Options of `client.batch`: those of a request, plus the method. */
export interface BatchOptions extends Omit<RequestOptions, 'followLocation'> {
  /** @default 'GET' (seed 000: several resource ids in one URL, `/extension/1,2,3`) */
  method?: HttpMethod;
}

