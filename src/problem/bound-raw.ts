/** Nesting kept in `problem.raw`; deeper values are replaced by {@link CUT}. */
export const MAX_RAW_DEPTH = 32;
/** Values (objects, arrays, primitives) kept in `problem.raw`; the rest are left out. */
export const MAX_RAW_NODES = 10_000;
/** Strings in `problem.raw` are kept up to this many characters. */
const MAX_RAW_STRING = 16_384;
/** Stands in for what was cut. */
export const CUT = '[…]';

/**
 * R-SERIALISABLE: a copy of a parsed body bounded in depth, number of values and string length, so that
 * `JSON.stringify(problem)` works whatever the server sent (a 20,000-deep array included). Keys are copied as
 * own properties (`__proto__` stays a plain key). Linear in the size of what is kept.
 */
export function boundRaw(value: unknown): unknown {
  let budget = MAX_RAW_NODES;
  const copy = (item: unknown, depth: number): unknown => {
    budget--;
    if (typeof item === 'string') return item.length > MAX_RAW_STRING ? item.slice(0, MAX_RAW_STRING) : item;
    if (typeof item !== 'object' || item === null) return typeof item === 'bigint' ? String(item) : item;
    if (depth >= MAX_RAW_DEPTH) return CUT;
    if (Array.isArray(item)) {
      const result: unknown[] = [];
      for (const child of item) {
        if (budget <= 0) break;
        result.push(copy(child, depth + 1));
      }
      return result;
    }
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(item)) {
      if (budget <= 0) break;
      const child = copy((item as Record<string, unknown>)[key], depth + 1);
      Object.defineProperty(result, key, { value: child, enumerable: true, writable: true, configurable: true });
    }
    return result;
  };
  return copy(value, 0);
}
