import { meros } from 'meros/browser';

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
 * returned, so a truncated batch shows up as missing parts.
 */
export async function readMultipart(response: Response, signal: AbortSignal | undefined): Promise<MultipartRead | undefined> {
  const stream = await meros<unknown>(response);
  if (stream instanceof Response) return undefined;
  const parts: RawPart[] = [];
  try {
    for await (const part of stream) {
      parts.push({ headers: part.headers, body: part.body, json: part.json });
    }
  } catch (failure) {
    if (signal?.aborted) throw signal.reason;
    return { parts, failure };
  }
  return { parts };
}
