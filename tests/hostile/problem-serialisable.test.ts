import { describe, expect, it } from 'vitest';
import { createClient, isHttpError, readProblem } from '../../src/index.js';
import { useTestServer } from '../helpers/server.js';

// R-SERIALISABLE: whatever the body, `JSON.stringify(problem)` and `JSON.stringify(error)` work, and `raw`
// is bounded in depth and size. 0.1 kept the parsed body as is: a 20,000-deep array made stringify throw.

const deepArray = '['.repeat(20_000) + ']'.repeat(20_000);
const deepObject = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
const wide = JSON.stringify(Array.from({ length: 100_000 }, (_, i) => i)); // 589 KB: under the 1 MB read cap

function depthOf(value: unknown): number {
  let depth = 0;
  let level: unknown[] = [value];
  while (level.length > 0) {
    const next: unknown[] = [];
    for (const item of level) if (typeof item === 'object' && item !== null) next.push(...Object.values(item));
    if (next.length === 0) break;
    depth++;
    level = next;
  }
  return depth;
}

describe('R-SERIALISABLE: problems serialise whatever the body', () => {
  it.each([
    ['a 20,000-deep array', deepArray],
    ['a 20,000-deep object', deepObject],
    ['a 20,000-deep array inside errors', `{"errors": ${deepArray}}`],
  ])('R-SERIALISABLE: readProblem of %s gives a problem JSON.stringify accepts, with raw bounded in depth', async (_, body) => {
    const problem = await readProblem(new Response(body, { status: 422, headers: { 'content-type': 'application/json' } }));
    expect(() => JSON.stringify(problem)).not.toThrow();
    expect(depthOf(problem.raw)).toBeLessThanOrEqual(40);
  });

  it('R-SERIALISABLE: raw is bounded in size (100,000 numbers keep at most 10,000 values)', async () => {
    const problem = await readProblem(new Response(wide, { status: 400, headers: { 'content-type': 'application/json' } }));
    expect(Array.isArray(problem.raw)).toBe(true);
    expect((problem.raw as unknown[]).length).toBeLessThanOrEqual(10_000);
    expect(JSON.stringify(problem).length).toBeLessThan(100_000);
  });

  it('R-SERIALISABLE: a `__proto__` key in the body stays a plain key of raw', async () => {
    const problem = await readProblem(new Response('{"__proto__": {"polluted": true}, "errors": {"__proto__": ["bad"]}}', { status: 422, headers: { 'content-type': 'application/json' } }));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(problem.raw)).toBe(Object.prototype);
    expect(Object.hasOwn(problem.raw as object, '__proto__')).toBe(true);
    expect(problem.fieldErrors['__proto__']).toEqual(['bad']);
  });

  describe('through createClient', () => {
    const server = useTestServer();

    it('R-SERIALISABLE: the HttpError for a 20,000-deep 422 body and its problem serialise', async () => {
      server.route('POST', '/deep', { status: 422, headers: { 'content-type': 'application/json' }, body: deepArray });
      const client = createClient({ baseUrl: server.url });
      const error = await client.post('/deep', { json: {} }).then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(isHttpError(error)).toBe(true);
      if (!isHttpError(error)) return;
      expect(() => JSON.stringify(error.problem)).not.toThrow();
      expect(() => JSON.stringify(error)).not.toThrow();
    });
  });
});
