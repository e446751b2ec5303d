import { meros } from 'meros/browser';
import { isFetchwiseError } from '../errors/guards.js';

/** One part of a multipart body, as sent: lower-cased headers and the body text or meros' parsed JSON. */
export interface RawPart {
  headers: Record<string, string>;
  /** Parsed JSON when meros recognised `application/json` and it parsed, else the text. */
  body: unknown;
  json: boolean;
}

/** The parts read, and why reading stopped early, if it did (a broken stream). */
export interface MultipartRead {
  parts: RawPart[];
  failure?: unknown;
}

/**
 * Splits a `multipart/mixed` response into its parts with `meros`. Resolves `undefined` when the
 * response is not multipart (its body is left unread). A part cut off by the end of the body is not
 * returned, so a truncated batch shows up as missing parts. A timeout or abort while reading rejects
 * with its reason (a `TimeoutError` is retried by R-TIMEOUT), never as missing parts.
 *
 * R-LINEAR: meros appends each chunk to one string and, when the boundary is not in the new chunk,
 * searches the whole buffer again: quadratic in a part's size (an 8 MB part took 13.2 s, 32 MB over
 * 60 s). Every part is collected before the batch resolves anyway, so the body is read here first
 * (chunks kept in a list: linear) and handed to meros as one chunk, which it scans once.
 */
export async function readMultipart(response: Response, signal: AbortSignal | undefined): Promise<MultipartRead | undefined> {
  const contentType = response.headers.get('content-type');
  if (!response.ok || !response.body || contentType === null || !contentType.includes('multipart/')) return undefined;
  const { bytes, failure } = await readAll(response.body, signal);
  const stream = await meros<unknown>(oneChunk(response.headers, bytes));
  if (stream instanceof Response) return undefined;
  const parts: RawPart[] = [];
  for await (const part of stream) parts.push({ headers: part.headers, body: part.body, json: part.json });
  return failure === undefined ? { parts } : { parts, failure };
}

/** The whole body; a network failure part-way keeps what arrived (a timeout or abort rejects). */
async function readAll(body: ReadableStream<Uint8Array>, signal: AbortSignal | undefined): Promise<{ bytes: Uint8Array; failure?: unknown }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let failure: unknown;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
    }
  } catch (error) {
    // The attempt's deadline aborts the body with a TimeoutError; the caller's abort with its reason.
    if (signal?.aborted || isFetchwiseError(error)) throw error;
    failure = error;
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return failure === undefined ? { bytes } : { bytes, failure };
}

/** What meros reads of a Response (`ok`, `body`, `bodyUsed`, `headers`), with the body as exactly one chunk. */
function oneChunk(headers: Headers, bytes: Uint8Array): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (bytes.byteLength > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
  return { ok: true, body, bodyUsed: false, headers } as unknown as Response;
}
