import type { SearchParams } from '../core/url.js';

/** The query key a path derives: `[path]`, or `[path, searchParams]` (a string form for string-like params). */
export function queryKeyOf(path: string, searchParams: SearchParams | undefined): unknown[] {
  if (searchParams === undefined) return [path];
  const params =
    typeof searchParams === 'string' || searchParams instanceof URLSearchParams || Array.isArray(searchParams)
      ? new URLSearchParams(searchParams as string).toString()
      : searchParams;
  return [path, params];
}

/** A URL without its query and fragment: the resource a query or write is about (R-INVALIDATE). */
export function resourceUrl(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
