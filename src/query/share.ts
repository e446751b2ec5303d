/**
 * TanStack Query's structural sharing (`replaceEqualDeep`): returns `previous` where `next` has equal
 * content, so unchanged parts keep their identity. Written here because the core entry must not import
 * `@tanstack/query-core` at runtime (it is an optional peer). Same rules as TanStack's: only plain
 * objects and plain arrays are shared, the old side is read through own properties only (a body's
 * `"__proto__"` key is data, never `Object.prototype`), and past depth 500 `next` is kept as it is.
 */
export function replaceEqualDeep(previous: unknown, next: unknown, depth = 0): unknown {
  if (previous === next) return previous;
  if (depth > 500) return next;
  const array = isPlainArray(previous) && isPlainArray(next);
  if (!array && !(isPlainObject(previous) && isPlainObject(next))) return next;
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  // A plain array's keys are its indexes (no holes, no extra keys).
  const keys = Object.keys(after);
  const beforeSize = Object.keys(before).length;
  const copy: Record<string, unknown> = array ? ([] as unknown as Record<string, unknown>) : {};
  let equal = 0;
  for (const key of keys) {
    const old = Object.hasOwn(before, key) ? before[key] : undefined;
    const value = replaceEqualDeep(old, after[key], depth + 1);
    if (key === '__proto__') Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    else copy[key] = value;
    if (value === old && (value !== undefined || Object.hasOwn(before, key))) equal++;
  }
  return beforeSize === keys.length && equal === beforeSize ? previous : copy;
}

/** An array without holes or extra keys. */
function isPlainArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length === Object.keys(value).length;
}

/** An object made by `{}`, `Object.create(null)` or JSON.parse; not `Object.prototype` itself, not a class instance. */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || value === Object.prototype) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
