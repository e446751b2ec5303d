import { coreOf, type Core } from '../core/core.js';
import { send } from '../core/pipeline.js';
import { isJsonMediaType, readBody } from '../core/response-body.js';
import { validate, type InferOutput, type StandardSchemaV1 } from '../core/schema.js';
import { createHttpError } from '../errors/create-http-error.js';
import { summarizeRequest, type RequestSummary } from '../errors/fetchwise-error.js';
import { ResponseShapeError } from '../errors/response-shape-error.js';
import { buildProblem, capText } from '../problem/build-problem.js';
import { defaultDialects } from '../problem/default-dialects.js';
import { readMultipart, type RawPart } from './read-parts.js';
import type { BatchEntry, BatchOptions } from './types.js';

const batchAccept = 'multipart/mixed, application/json;q=0.9, */*;q=0.8';

/**
 * one request for several resources (`fetchwise/batch`), through the client's pipeline (auth,
 * retries, typed errors), read part by part: one `{ ok, status, data | error }` entry per part, in order.
 */
export function batch<S extends StandardSchemaV1>(client: object, path: string, options: BatchOptions & { schema: S }): Promise<BatchEntry<InferOutput<S>>[]>;
export function batch<T = unknown>(client: object, path: string, options?: BatchOptions): Promise<BatchEntry<T>[]>;
export async function batch(client: object, path: string, options: BatchOptions = {}): Promise<BatchEntry<unknown>[]> {
  const core = coreOf(client);
  const { method = 'GET', schema, ...request } = options;
  const verb = method.toUpperCase();
  const headers = new Headers(request.headers);
  if (!headers.has('accept')) headers.set('accept', batchAccept);
  const result = await send(core, verb, path, {
    ...request,
    headers,
    parseBody: (response, signal) => readBatch(core, verb, response, schema, signal),
  });
  return result.data as BatchEntry<unknown>[];
}

async function readBatch(
  ctx: Core,
  method: string,
  response: Response,
  schema: StandardSchemaV1 | undefined,
  signal: AbortSignal | undefined,
): Promise<BatchEntry<unknown>[]> {
  const request = summarizeRequest(method, response.url);
  const read = await readMultipart(response, signal);
  if (read === undefined) {
    // A plain answer is a batch of one (e.g. a single id in the URL).
    try {
      return [await success(response.status, await readBody(response, method, () => request), schema, request)];
    } catch (error) {
      if (error instanceof ResponseShapeError) return [{ ok: false, status: response.status, error }];
      throw error;
    }
  }
  const [manifest, ...parts] = read.parts;
  const statuses = readStatuses(manifest);
  if (statuses === undefined) {
    throw shapeError(request, response.status, 'invalid_batch', 'The first part of a 207 batch must be JSON listing the status of every part', manifest?.body);
  }
  return Promise.all(
    statuses.map((status, index) => {
      const part = parts[index];
      if (part === undefined) {
        const failure = shapeError(request, status, 'missing_part', `Part ${index + 1} of the batch is missing`, undefined, read.failure);
        return { ok: false as const, status, error: failure };
      }
      return toEntry(ctx, status, part, schema, request);
    }),
  );
}

/**
 * The statuses listed by the first part: seed 000's `{ "response": [{ "status": 200 }, …] }`, or a bare
 * array of such objects or of numbers. `undefined` when it is not that shape.
 */
export function readStatuses(manifest: RawPart | undefined): number[] | undefined {
  if (manifest === undefined) return undefined;
  const body = decode(manifest);
  if (!body.ok) return undefined;
  const value = body.value as { response?: unknown } | undefined;
  const list = Array.isArray(value) ? value : Array.isArray(value?.response) ? value.response : undefined;
  if (list === undefined) return undefined;
  const statuses = list.map((item: unknown) => Number(typeof item === 'object' && item !== null ? (item as { status?: unknown }).status : item));
  return statuses.every((status) => Number.isInteger(status) && status >= 100 && status <= 599) ? statuses : undefined;
}

async function toEntry(
  ctx: Core,
  status: number,
  part: RawPart,
  schema: StandardSchemaV1 | undefined,
  request: RequestSummary,
): Promise<BatchEntry<unknown>> {
  const contentType = part.headers['content-type'] ?? null;
  if (status >= 200 && status < 300) {
    const body = status === 204 || status === 205 ? ({ ok: true, value: undefined } as const) : decode(part);
    if (!body.ok) return { ok: false, status, error: shapeError(request, status, 'invalid_json', 'The part is not valid JSON', capText(String(part.body)), body.cause) };
    return success(status, body.value, schema, request);
  }
  // R-BAD-BODY applies per part: a broken error body still gives the typed error, with the raw text.
  const body = decode(part);
  const problem = buildProblem({ status, contentType, body: body.ok ? body.value : String(part.body) }, [...ctx.dialects, ...defaultDialects]);
  return { ok: false, status, error: createHttpError(problem, request, { retryable: false, headers: partHeaders(part) }) };
}

async function success(status: number, data: unknown, schema: StandardSchemaV1 | undefined, request: RequestSummary): Promise<BatchEntry<unknown>> {
  if (schema === undefined) return { ok: true, status, data };
  const result = await validate(schema, data);
  if (result.ok) return { ok: true, status, data: result.value };
  return { ok: false, status, error: new ResponseShapeError(request, { status, issues: result.issues, raw: data }) };
}

type Decoded = { ok: true; value: unknown } | { ok: false; cause: unknown };

/** A part's body: JSON for JSON media types (and for parts that name none), text otherwise; `''` is `undefined`. */
function decode(part: RawPart): Decoded {
  if (part.json) return { ok: true, value: part.body };
  const text = String(part.body ?? '');
  if (text.trim() === '') return { ok: true, value: undefined };
  const contentType = part.headers['content-type'];
  if (contentType !== undefined && !isJsonMediaType(contentType)) return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    return contentType === undefined ? { ok: true, value: text } : { ok: false, cause };
  }
}

function partHeaders(part: RawPart): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(part.headers)) {
    try {
      headers.set(name, value);
    } catch {
      // A malformed part header is dropped, not fatal.
    }
  }
  return headers;
}

function shapeError(request: RequestSummary, status: number, code: string, message: string, raw: unknown, cause?: unknown): ResponseShapeError {
  return new ResponseShapeError(request, { status, issues: [{ path: '', message, code }], raw, cause });
}
