import { buildProblem } from './build-problem.js';
import { defaultDialects } from './default-dialects.js';
import type { Dialect, Problem } from './types.js';

/** Error bodies are read up to this many bytes; the rest is discarded. */
const MAX_BODY_BYTES = 1_048_576;

/**
 * Turns any error `Response` into a {@link Problem}. Never throws: an unreadable, empty, HTML,
 * truncated or huge body still gives the status, a title from the status text and the raw text (capped).
 * Reads the body; pass `response.clone()` if you need it afterwards.
 */
export async function readProblem(response: Response, options: { dialects?: readonly Dialect[] } = {}): Promise<Problem> {
  const dialects = options.dialects?.length ? [...options.dialects, ...defaultDialects] : defaultDialects;
  let status = 0;
  let statusText = '';
  let contentType: string | null = null;
  try {
    status = response.status;
    statusText = response.statusText;
    contentType = response.headers.get('content-type');
  } catch {
    // Not a Response: fall through with what we have.
  }
  const text = await readCapped(response);
  let body: unknown = text;
  if (text !== undefined && text !== '' && /json/i.test(contentType ?? '')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return buildProblem({ status, statusText, contentType, body }, dialects);
}

async function readCapped(response: Response): Promise<string | undefined> {
  try {
    const reader = response.body?.getReader();
    if (!reader) return undefined;
    const decoder = new TextDecoder();
    let text = '';
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > MAX_BODY_BYTES) {
        text += decoder.decode(value.subarray(0, value.byteLength - (bytes - MAX_BODY_BYTES)), { stream: true });
        void reader.cancel().catch(() => undefined);
        break;
      }
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } catch {
    return undefined;
  }
}
