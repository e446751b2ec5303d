/**
 * TanStack Query's structural sharing (`replaceEqualDeep`): returns `previous` where `next` has equal
 * content, so unchanged parts keep their identity. Written here because the core entry must not import
 * `@tanstack/query-core` at runtime (it is an optional peer); same semantics for plain objects and arrays.
 */
export function replaceEqualDeep(previous: unknown, next: unknown): unknown {
  if (previous === next) return previous;
  const array = Array.isArray(previous) && Array.isArray(next);
  if (!array && !(isPlainObject(previous) && isPlainObject(next))) return next;
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const keys = array ? (after as unknown as unknown[]).map((_, index) => String(index)) : Object.keys(after);
  const copy: Record<string, unknown> = array ? ([] as unknown as Record<string, unknown>) : {};
  const beforeSize = array ? (before as unknown as unknown[]).length : Object.keys(before).length;
  let equal = 0;
  for (const key of keys) {
    const value = replaceEqualDeep(before[key], after[key]);
    if (key === '__proto__') Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    else copy[key] = value;
    if (value === before[key] && (value !== undefined || Object.hasOwn(before, key))) equal++;
  }
  return beforeSize === keys.length && equal === beforeSize ? previous : copy;
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
