import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePath, readProblem } from '../../src/index.js';

// R-LINEAR for the error-body reader. Timings are compared as ratios (10× the input may cost at most ~15× the
// time); the only absolute bound is a generous one on a 100 KB hostile input. 0.1's bracket regex in
// normalizePath was quadratic: 20,000 × "[ " took 2.5 s.

function problemBody(fieldName: string): Response {
  return new Response(JSON.stringify({ errors: { [fieldName]: ['bad'] } }), {
    status: 422,
    headers: { 'content-type': 'application/json' },
  });
}

/** Best of `runs` timings of `work` (the least noisy estimate of its cost). */
async function fastest(work: () => unknown, runs = 5): Promise<number> {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** Hostile path fragments: unclosed brackets, bracket-and-space, quotes, pointer slashes and escapes, JSONPath roots. */
const fragments = ['[ ', 'a[', '[', "['", '["a', '[]', '/', '~1', '.', '$[', ']', ' '];

describe('R-LINEAR: field paths and bodies are read in linear time', () => {
  it('R-LINEAR: normalizePath on 10× the input costs at most ~15× the time (property over hostile fragments)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fragments), fc.constantFrom(...fragments), async (a, b) => {
        const small = (a + b).repeat(2_000);
        const large = (a + b).repeat(20_000);
        const repeat = (path: string) => () => {
          for (let i = 0; i < 10; i++) normalizePath(path);
        };
        const tSmall = await fastest(repeat(small));
        const tLarge = await fastest(repeat(large));
        // A floor of 0.5 ms on the small run keeps timer resolution from deciding the ratio.
        expect(tLarge).toBeLessThanOrEqual(15 * Math.max(tSmall, 0.5));
      }),
      { numRuns: 12 },
    );
  });

  it('R-LINEAR: readProblem on a 422 whose field name is 10× longer costs at most ~15× the time', async () => {
    for (const fragment of ['[ ', 'a[']) {
      const tSmall = await fastest(() => readProblem(problemBody(fragment.repeat(2_000))));
      const tLarge = await fastest(() => readProblem(problemBody(fragment.repeat(20_000))));
      expect(tLarge, fragment).toBeLessThanOrEqual(15 * Math.max(tSmall, 0.5));
    }
  });

  it('R-LINEAR: a 100 KB hostile field name is read in milliseconds, not seconds', async () => {
    for (const fragment of ['[ ', 'a[', '[', "['", '/']) {
      const name = fragment.repeat(Math.ceil(100_000 / fragment.length));
      const elapsed = await fastest(() => readProblem(problemBody(name)), 3);
      expect(elapsed, fragment).toBeLessThan(100);
    }
  });

  it('R-LINEAR: JSON pointers and media types with 100 KB of hostile text are read in milliseconds', async () => {
    const pointer = { errors: [{ detail: 'bad', pointer: '#' + '/~0~1'.repeat(20_000) }] };
    const media = 'application/problem+json' + ';a="\\'.repeat(20_000);
    const elapsed = await fastest(() =>
      readProblem(new Response(JSON.stringify(pointer), { status: 422, headers: { 'content-type': media } })),
    );
    expect(elapsed).toBeLessThan(100);
  });
});
