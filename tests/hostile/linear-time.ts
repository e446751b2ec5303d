import { expect } from 'vitest';

async function timeMs(work: () => unknown, reps: number): Promise<number> {
  const started = performance.now();
  for (let rep = 0; rep < reps; rep++) await work();
  return performance.now() - started;
}


const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export interface LinearityFigures {
  /** ms per parse of the input of size/10, and of the full size. */
  small: number;
  large: number;
  ratio: number;
  /** ms of one parse of the full-size input. */
  single: number;
}

/**
 * R-LINEAR as a property: the input made `size` long parses within `budget` ms (a hostile input of
 * ~100 KB takes milliseconds, never seconds; checked first, so quadratic code fails fast), and 10× the
 * input costs at most 15× the time: medians of 5 interleaved runs, each repeated until the small input
 * takes ≥ 2 ms (and run 10× as often), after a warm-up, so JIT, GC and timer noise do not decide.
 */
export async function expectLinear(
  make: (size: number) => string,
  parse: (input: string) => unknown,
  { size = 100_000, from = size / 10, budget = 50, label = '' }: { size?: number; from?: number; budget?: number; label?: string } = {},
): Promise<LinearityFigures> {
  const hostile = make(size);
  const first = await timeMs(() => parse(hostile), 1);
  expect(first, `${label}: one ${hostile.length}-character input took ${first.toFixed(1)} ms`).toBeLessThan(budget * 20);
  const single = Math.min(await timeMs(() => parse(hostile), 1), await timeMs(() => parse(hostile), 1));
  expect(single, `${label}: one ${hostile.length}-character input took ${single.toFixed(1)} ms`).toBeLessThan(budget);
  // `from` sets the sizes compared: larger for allocation-heavy parsing (past the CPU caches), smaller
  // for shapes whose output is large (so a major GC of the whole test heap does not land in one run only).
  const small = make(from);
  const large = from * 10 === size ? hostile : make(from * 10);
  let reps = 1;
  while (reps < 8192 && (await timeMs(() => parse(small), reps)) < 2) reps *= 2;
  const smalls: number[] = [];
  const larges: number[] = [];
  for (let run = 0; run < 5; run++) {
    smalls.push(await timeMs(() => parse(small), reps * 10));
    larges.push(await timeMs(() => parse(large), reps));
  }
  // The small input ran 10× as often: equal times mean exactly linear.
  const smallMs = median(smalls) / 10;
  const largeMs = median(larges);
  const ratio = largeMs / Math.max(smallMs, 0.001);
  expect(ratio, `${label}: 10× the input cost ${ratio.toFixed(1)}× the time (${smallMs.toFixed(2)} → ${largeMs.toFixed(2)} ms for ${reps} runs)`).toBeLessThan(15);
  if (process.env.HOSTILE_FIGURES) console.log(`R-LINEAR ${label}: ${(smallMs / reps).toFixed(3)} → ${(largeMs / reps).toFixed(3)} ms (×${ratio.toFixed(1)}), 100 KB once ${single.toFixed(1)} ms`);
  return { small: smallMs / reps, large: largeMs / reps, ratio, single };
}
